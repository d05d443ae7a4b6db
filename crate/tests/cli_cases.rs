//! `action-playground test` over a scenario's cases: `NAME › CASE` lines,
//! `--update` (snapshots rewritten in place), `--repeat N` (flaky actions).

use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

fn test_command(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_action-playground")).arg("test").args(args).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

fn write_temp(name: &str, value: &Value) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ap-cli-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path
}

/// An action whose outcome depends on its input and on the mocked API.
fn greeter() -> Value {
    json!({
        "version": 1, "name": "greet", "runtime": "nodejs24",
        "code": "exports.main = async (event) => {\n  const at = Date.now();\n  const email = event.inputFields.email;\n  if (!email) throw new Error('no email');\n  console.log('hello', email);\n  const r = await fetch('https://api.example.com/x');\n  return { outputFields: { status: r.status, at } };\n};\n",
        "event": {"inputFields": {"email": "a@b.c"}},
        "http": [{"url": "https://api.example.com/*", "status": 200, "body": {}}],
        "settings": {"now": "2024-01-01T00:00:00Z"},
        "expect": {"status": "success", "outputFields": {"status": 200, "at": 1704067200000_u64}},
        "futureKey": {"kept": true},
        "cases": [
            {"name": "no email", "inputFields": {"email": ""}, "expect": {"status": "error", "error": {"name": "Error", "message": "no email"}}},
            {"name": "server down", "http": [{"url": "https://api.example.com/x", "status": 500}], "ignore": ["outputFields.at"],
             "expect": {"status": "success", "outputFields": {"status": 200}}},
            {"name": "draft", "settings": {"now": "2026-01-01T00:00:00Z"}, "later": 1}
        ]
    })
}

#[test]
fn every_case_with_expect_runs_labelled_name_and_case() {
    let path = write_temp("greet.json", &greeter());
    let (code, text) = test_command(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("ok      greet ("), "{text}");
    assert!(text.contains("ok      greet › no email ("), "{text}");
    assert!(text.contains("FAILED  greet › server down ["), "{text}");
    assert!(text.contains("outputFields: expected {\"status\":200}, got {\"status\":500}"), "ignored path left out of the diff: {text}");
    assert!(!text.contains("draft"), "a case without expect is not a test: {text}");
    assert!(text.trim_end().ends_with("2 passed, 1 failed"), "{text}");
}

#[test]
fn update_rewrites_failing_and_missing_expectations_only() {
    let path = write_temp("update.json", &greeter());
    let (code, text) = test_command(&["--update", path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("updated greet › server down"), "{text}");
    assert!(text.contains("updated greet › draft"), "{text}");
    assert!(text.trim_end().ends_with("2 passed, 0 failed, 2 updated"), "{text}");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let before = greeter();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&written), keys(&before), "key order kept");
    assert_eq!(written["futureKey"], before["futureKey"]);
    assert_eq!(written["expect"], before["expect"], "a passing expectation is left alone");
    assert_eq!(written["cases"][0], before["cases"][0]);
    let down = &written["cases"][1]["expect"];
    assert_eq!(down["outputFields"], json!({"status": 500}), "the ignored path stays out of the snapshot");
    assert_eq!(down["requests"], json!([{"method": "GET", "url": "https://api.example.com/x", "status": 500}]));
    assert_eq!(down["logs"], json!([{"level": "log", "message": "hello a@b.c"}]));
    let draft = &written["cases"][2];
    assert_eq!(draft["later"], 1);
    assert_eq!(draft["expect"]["outputFields"], json!({"status": 200, "at": 1767225600000_u64}));
    let (code, text) = test_command(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.trim_end().ends_with("4 passed, 0 failed"), "{text}");
}

#[test]
fn repeat_reports_results_that_differ_between_runs() {
    let flaky = json!({
        "version": 1, "name": "coin", "runtime": "nodejs24",
        "code": "exports.main = async () => ({ outputFields: { side: Math.random() < 0.5 ? 'heads' : 'tails', fixed: 1 } });",
        "expect": {"status": "success"},
        "cases": [{"name": "side ignored", "ignore": ["outputFields.side"], "expect": {"status": "success", "outputFields": {"fixed": 1}}}]
    });
    let path = write_temp("coin.json", &flaky);
    let (code, text) = test_command(&["--repeat", "20", path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("FLAKY   coin ["), "{text}");
    assert!(text.contains(" of 20 differs from run 1: outputFields: "), "{text}");
    assert!(text.contains("ok      coin › side ignored ("), "{text}");
    let (code, text) = test_command(&["--repeat", "0", path.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{text}");
}
