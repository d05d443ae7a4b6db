//! The `action-playground` binary as users and CI call it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_action-playground"))
}

fn temp_scenario(name: &str, json: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    path
}

fn run_json(path: &Path) -> (serde_json::Value, Output) {
    let out = bin().arg("run").arg(path).arg("--json").output().unwrap();
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&out.stdout)));
    (value, out)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn test_command_passes_every_fixture() {
    let out = bin().arg("test").arg(fixtures()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let count = std::fs::read_dir(fixtures()).unwrap().count();
    assert!(text.trim_end().ends_with(&format!("{count} passed, 0 failed")), "{text}");
}

#[test]
fn test_command_reports_a_failing_expectation() {
    let path =
        temp_scenario("wrong.json", r#"{"version":1,"name":"wrong","code":"exports.main=(e,cb)=>cb({outputFields:{a:1}})","expect":{"outputFields":{"a":2}}}"#);
    let out = bin().arg("test").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("FAILED  wrong"), "{text}");
    assert!(text.contains("outputFields: expected {\"a\":2}, got {\"a\":1}"), "{text}");
    assert!(text.trim_end().ends_with("0 passed, 1 failed"), "{text}");
}

#[test]
fn invalid_scenario_gets_one_line_naming_file_and_path() {
    let path = temp_scenario("bad.json", r#"{"version":1,"code":"x","event":{"inputFields":"nope"}}"#);
    let out = bin().arg("run").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim(), format!("{}: event.inputFields: expected an object, found a string", path.display()));
    let path = temp_scenario("broken.json", "{\"version\": 1, \"code\": ");
    let out = bin().arg("run").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("malformed JSON at line 1"));
}

#[test]
fn panel_shows_status_outputs_alert_and_lambda_frame() {
    let path = temp_scenario(
        "panel.json",
        r#"{"version":1,"code":"exports.main=(e,cb)=>{console.log('hi', {a:1});cb({outputFields:{a:1,b:2}})}","outputs":[{"name":"a","type":"number"}],"settings":{"now":"2026-03-02T14:30:00Z"}}"#,
    );
    let out = bin().arg("run").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.starts_with("Status: Success\n"), "{text}");
    assert!(text.contains("  a: 1\n  b: 2\n"), "{text}");
    assert!(text.contains("Alert: b not declared"), "{text}");
    let start = text.find("START RequestId: ").expect("START line");
    assert!(text[start..].contains("\tINFO\thi { a: 1 }\n"), "{text}");
    assert!(text.contains("END RequestId: "), "{text}");
    assert!(text.contains("Memory Size: 128 MB\tMax Memory Used: "), "{text}");
}

#[test]
fn synchronous_infinite_loop_is_stopped_with_hubspots_words() {
    let path = temp_scenario("loop.json", r#"{"version":1,"code":"exports.main=()=>{console.log('before');while(true){}}","settings":{"timeoutMs":1000}}"#);
    let started = Instant::now();
    let (v, _) = run_json(&path);
    assert!(started.elapsed().as_secs() < 10);
    assert_eq!(v["status"], "error");
    assert_eq!(v["error"]["message"], "Task timed out after 1.00 seconds");
    assert_eq!(v["logs"][0]["message"], "before", "logs printed before the kill survive");
}

#[test]
fn long_awaits_time_out_on_the_virtual_clock() {
    let path =
        temp_scenario("wait.json", r#"{"version":1,"code":"exports.main=async(e,cb)=>{await new Promise(r=>setTimeout(r,25000));cb({outputFields:{}})}"}"#);
    let started = Instant::now();
    let (v, _) = run_json(&path);
    assert!(started.elapsed().as_secs() < 5, "virtual time, not real time");
    assert_eq!(v["error"]["message"], "Task timed out after 20.00 seconds");
}

#[test]
fn allocation_bomb_ends_with_the_memory_limit() {
    let path = temp_scenario(
        "bomb.json",
        r#"{"version":1,"code":"exports.main=()=>{const a=[];for(;;){a.push('x'.repeat(1e6)+a.length)}}","settings":{"memoryMb":64}}"#,
    );
    let (v, _) = run_json(&path);
    assert_eq!(v["status"], "error");
    assert!(v["error"]["message"].as_str().unwrap().contains("memory limit of 64 MB"), "{v}");
}

#[test]
fn json_output_has_exactly_the_documented_keys() {
    let path = temp_scenario("keys.json", r#"{"version":1,"code":"exports.main=(e,cb)=>cb({outputFields:{x:'y'}})"}"#);
    let (v, out) = run_json(&path);
    assert!(out.status.success());
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    // The version-1 keys, then the extensions this run has (`timeline` always).
    assert_eq!(keys, ["status", "outputFields", "error", "logs", "requests", "runtimeMs", "memoryBytes", "crmChanges", "undeclaredOutputs", "timeline"]);
}
