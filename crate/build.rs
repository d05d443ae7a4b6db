//! The engine embeds real npm packages (lodash, axios, async, bluebird, …)
//! from `crate/js/node_modules`; install them from the lockfile when missing.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=js/package-lock.json");
    println!("cargo:rerun-if-changed=js/package.json");
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
    if js.join("node_modules/.package-lock.json").exists() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(&js)
        .status()
        .expect("npm is needed to install the engine's npm packages (crate/js)");
    assert!(status.success(), "npm ci in crate/js failed");
}
