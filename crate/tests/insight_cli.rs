//! The run as HubSpot lives it, through `action-playground run --json`:
//! the timeline, HubSpot's retries, warm containers, mock sequences and
//! matching, strict mocks, the latency what-if.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn run_json(scenario: &Value) -> Value {
    let dir = std::env::temp_dir().join(format!("ap-insight-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("s{}.json", rand_name(scenario)));
    std::fs::write(&path, scenario.to_string()).unwrap();
    run_file(&path)
}

fn rand_name(v: &Value) -> u64 {
    v.to_string().bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

fn run_file(path: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_action-playground")).arg("run").arg(path).arg("--json").output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&out.stdout)))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn kinds(report: &Value) -> Vec<String> {
    report["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_timeline_lists_requests_timers_logs_and_the_end_in_clock_order() {
    let report = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z" },
        "code": "exports.main = async () => {\n  await fetch('https://a.example.com/1');\n  await new Promise((r) => setTimeout(r, 500));\n  await fetch('https://a.example.com/2');\n  console.log('between');\n  await fetch('https://a.example.com/3');\n  return { outputFields: {} };\n};",
        "http": [ { "url": "https://a.example.com/*", "delayMs": 100 } ]
    }));
    assert_eq!(kinds(&report), ["request", "response", "timer", "request", "response", "log", "request", "response", "end"]);
    let at: Vec<f64> = report["timeline"].as_array().unwrap().iter().map(|e| e["atMs"].as_f64().unwrap()).collect();
    assert_eq!(&at[..8], [0.0, 100.0, 100.0, 600.0, 700.0, 700.0, 700.0, 800.0]);
    assert_eq!(report["timeline"][2]["delayMs"], 500);
    assert_eq!(report["timeline"][4]["status"], 200);
    assert!(report.get("attempts").is_none() && report.get("executions").is_none());
}

#[test]
fn a_timed_out_run_shows_the_request_that_was_still_waiting() {
    let report = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z", "timeoutMs": 2000 },
        "code": "exports.main = async () => { await fetch('https://slow.example.com/'); return { outputFields: {} }; };",
        "http": [ { "url": "https://slow.example.com/*", "delayMs": 5000 } ]
    }));
    assert_eq!(report["error"]["message"], "Task timed out after 2.00 seconds");
    assert_eq!(kinds(&report), ["request", "end"]);
    assert_eq!(report["timeline"][1]["atMs"], 2000.0);
}

#[test]
fn a_429_then_200_with_a_thrown_error_makes_two_attempts_and_flags_the_repeated_create() {
    let report = run_file(&fixture("insight-retries-axios-429.json"));
    let attempts = report["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 2);
    assert_eq!((attempts[0]["status"].as_str(), attempts[1]["status"].as_str()), (Some("error"), Some("success")));
    assert_eq!(attempts[0]["retryOnStatus"], 429);
    // HubSpot's first retry comes one minute after the failure (at 121 ms on the run's clock).
    assert_eq!(attempts[1]["startedAtMs"], 60_121.0);
    assert_eq!(attempts[0]["requests"][0].get("repeatedWrite"), None);
    assert_eq!(attempts[1]["requests"][0]["repeatedWrite"], true);
    assert_eq!(report["requests"][0]["repeatedWrite"], true, "the top level is the last attempt");
    // The CRM mock's state carries over: the second create made a second contact.
    assert_eq!(attempts[0]["crmChanges"][0]["id"], "0");
    assert_eq!(attempts[1]["crmChanges"][0]["id"], "1");
    let executions: Vec<u64> = report["timeline"].as_array().unwrap().iter().map(|e| e["execution"].as_u64().unwrap()).collect();
    assert!(executions.windows(2).all(|w| w[0] <= w[1]) && executions.contains(&1));
}

#[test]
fn errors_that_are_not_429_or_5xx_answers_are_not_retried() {
    let report = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z", "retries": true },
        "code": "const axios = require('axios');\nexports.main = async () => { await axios.get('https://a.example.com/'); };",
        "http": [ { "url": "https://a.example.com/*", "status": 404 } ]
    }));
    assert_eq!(report["attempts"].as_array().unwrap().len(), 1);
    let thrown = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z", "retries": true },
        "code": "exports.main = async () => { const r = await fetch('https://a.example.com/'); throw new Error('status ' + r.status); };",
        "http": [ { "url": "https://a.example.com/*", "status": 429 } ]
    }));
    assert_eq!(thrown["attempts"].as_array().unwrap().len(), 1, "HubSpot retries axios's and its client's errors only");
}

#[test]
fn retries_give_up_three_days_after_the_first_failure() {
    let report = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z", "retries": true },
        "code": "const axios = require('axios');\nexports.main = async () => { await axios.get('https://a.example.com/'); };",
        "http": [ { "url": "https://a.example.com/*", "status": 503 } ]
    }));
    let starts: Vec<f64> = report["attempts"].as_array().unwrap().iter().map(|a| a["startedAtMs"].as_f64().unwrap()).collect();
    assert_eq!(starts.len(), 17);
    assert!(starts.windows(2).all(|w| w[1] - w[0] <= 8.0 * 3_600_000.0 + 1_000.0));
    assert!(starts.last().unwrap() <= &(3.0 * 24.0 * 3_600_000.0));
    assert_eq!(report["status"], "error");
}

#[test]
fn a_warm_container_carries_module_state_and_a_cold_one_does_not() {
    let report = run_file(&fixture("insight-warm-container.json"));
    let outputs: Vec<&Value> = report["executions"].as_array().unwrap().iter().map(|e| &e["outputFields"]["executions"]).collect();
    assert_eq!(outputs, [1, 2, 3]);
    let requests: Vec<usize> = report["executions"].as_array().unwrap().iter().map(|e| e["requests"].as_array().unwrap().len()).collect();
    assert_eq!(requests, [1, 0, 0], "the cache outlived the first execution");
    let cold = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z" },
        "code": "let n = 0; exports.main = async () => ({ outputFields: { n: ++n } });"
    }));
    assert_eq!(cold["outputFields"]["n"], 1);
    assert!(cold.get("executions").is_none());
}

#[test]
fn strict_mocks_fail_the_run_naming_the_request_even_when_the_code_catches() {
    let report = run_json(&json!({
        "version": 1, "runtime": "nodejs24", "settings": { "strictMocks": true },
        "code": "exports.main = async () => { try { await fetch('https://nowhere.example.com/x?y=1'); } catch (e) {} return { outputFields: {} }; };"
    }));
    assert_eq!(report["status"], "error");
    assert_eq!(report["error"]["message"], "strictMocks: no mock rule matched GET https://nowhere.example.com/x?y=1");
    assert_eq!(report["requests"][0]["unmatched"], true);
    let lenient = run_json(&json!({
        "version": 1, "runtime": "nodejs24",
        "code": "exports.main = async () => { try { await fetch('https://nowhere.example.com/'); } catch (e) {} return { outputFields: {} }; };"
    }));
    assert_eq!(lenient["status"], "success");
    assert_eq!(lenient["requests"][0]["unmatched"], true);
}

#[test]
fn the_latency_what_if_scales_every_delay_until_the_action_times_out() {
    let scenario = |latency: Value| {
        json!({
            "version": 1, "runtime": "nodejs24", "settings": { "now": "2026-03-02T14:30:00Z", "latency": latency },
            "code": "exports.main = async () => { await fetch('https://vendor.example.com/'); return { outputFields: {} }; };",
            "http": [ { "url": "https://vendor.example.com/*", "delayMs": 1500 } ]
        })
    };
    let x5 = run_json(&scenario(json!({ "scale": 5 })));
    assert_eq!(x5["status"], "success");
    assert_eq!(x5["requests"][0]["latencyMs"], 7500);
    let x20 = run_json(&scenario(json!({ "scale": 20 })));
    assert_eq!(x20["error"]["message"], "Task timed out after 20.00 seconds");
    let added = run_json(&scenario(json!({ "addMs": 250 })));
    assert_eq!(added["requests"][0]["latencyMs"], 1750);
}

#[test]
fn version_1_files_without_the_extensions_load_and_run_unchanged() {
    let report = run_json(&json!({ "version": 1, "code": "exports.main = (e, cb) => cb({ outputFields: { a: 1 } });" }));
    assert_eq!(report["status"], "success");
    assert!(report.get("attempts").is_none() && report.get("executions").is_none());
    assert_eq!(kinds(&report), ["end"]);
}
