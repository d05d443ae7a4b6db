//! `action-playground lint` and `upgrade` as users and CI call them.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_action-playground"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ap-lint-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn lint_finds_nothing_in_the_samples() {
    let out = bin().arg("lint").arg(root().join("web/samples")).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.trim_end().ends_with("files: 0 errors, 0 warnings"), "{text}");
}

#[test]
fn lint_reports_errors_as_text_and_json_and_exits_1() {
    let dir = temp_dir("json");
    let file = dir.join("cb.json");
    std::fs::write(&file, r#"{"version":1,"runtime":"nodejs24","code":"exports.main = async (event, callback) => {\n  callback({ outputFields: {} });\n};"}"#)
        .unwrap();
    let out = bin().arg("lint").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("{}:1:30: error [callback-on-node24]", file.display())), "{text}");
    let out = bin().args(["lint", "--json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["diagnostics"][1]["rule"], "callback-on-node24");
    assert_eq!(json[0]["diagnostics"][1]["line"], 2);
    let out = bin().args(["lint", "--explain", "v11-body"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fix:"));
}

/// Node 20 fixtures whose upgrade runs differently, on purpose: what the
/// difference is.
const EXPECTED_DIFFERENCES: [(&str, &str); 2] = [
    ("rw-style-object-groupby-node20.json", "Object.groupBy exists on Node.js 24: the original's TypeError goes away"),
    ("rw-style-callback-never-called.json", "the returned chain delivers {} where the original never called back"),
];

#[test]
fn every_node20_fixture_upgraded_gives_the_originals_result_on_node24() {
    let dir = temp_dir("upgrade");
    let mut upgraded = 0;
    for entry in std::fs::read_dir(root().join("crate/tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if text.contains("\"nodejs24\"") || EXPECTED_DIFFERENCES.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let out = bin().arg("upgrade").arg(&path).arg("--write").arg(dir.join(&name)).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stdout));
        upgraded += 1;
    }
    assert!(upgraded >= 80, "{upgraded}");
    // The originals' `expect` (the reference runner's Node 20 result) holds for the upgrades.
    let out = bin().arg("test").arg(&dir).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for (name, why) in EXPECTED_DIFFERENCES {
        let out = bin().arg("upgrade").arg(root().join("crate/tests/fixtures").join(name)).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name} should differ: {why}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("DIFFERS"), "{name}: {why}");
    }
}

#[test]
fn upgrade_keeps_samples_as_they_are() {
    for entry in std::fs::read_dir(root().join("web/samples")).unwrap() {
        let path = entry.unwrap().path();
        let scenario: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let out = bin().args(["upgrade", "--json"]).arg(&path).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["code"], scenario["code"], "{}", path.display());
        assert!(json["runs"][0]["differences"].as_array().unwrap().is_empty(), "{}", path.display());
    }
}
