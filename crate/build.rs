//! The engine embeds real npm packages (lodash, axios, async, bluebird, …)
//! from `crate/js/node_modules`; install them from the lockfile when missing.
//! Then read from lodash's own source what its minified build renamed.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=js/package-lock.json");
    println!("cargo:rerun-if-changed=js/package.json");
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
    if !js.join("node_modules/.package-lock.json").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
            .current_dir(&js)
            .status()
            .expect("npm is needed to install the engine's npm packages (crate/js)");
        assert!(status.success(), "npm ci in crate/js failed");
    }
    write_lodash_names(&js.join("node_modules/lodash/lodash.js"));
}

/// `lodash-names`: for each `lodash.KEY = NAME;` in lodash.js whose NAME is
/// a function declaration, KEY → NAME (`each` → `forEach`): the names Node
/// shows for lodash's functions, which the minified build the engine loads
/// (parsed several times faster) shortened (`debounce` → `Wf`).
fn write_lodash_names(source: &Path) {
    let text = std::fs::read_to_string(source).expect("lodash/lodash.js is installed");
    let is_identifier = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let declared: std::collections::HashSet<&str> =
        text.split("function ").skip(1).filter_map(|rest| rest.split_once('(').map(|(name, _)| name)).filter(|name| is_identifier(name)).collect();
    let mut entries = Vec::new();
    for line in text.lines() {
        let Some(assignment) = line.trim().strip_prefix("lodash.").and_then(|rest| rest.strip_suffix(';')) else { continue };
        let Some((key, name)) = assignment.split_once(" = ") else { continue };
        if is_identifier(key) && is_identifier(name) && declared.contains(name) {
            entries.push(format!("{key:?}:{name:?}"));
        }
    }
    assert!(entries.len() > 200, "lodash.js no longer assigns its functions as `lodash.KEY = NAME;`");
    let module = format!("module.exports = {{{}}};\n", entries.join(","));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lodash_names.js");
    std::fs::write(out, module).expect("OUT_DIR is writable");
}
