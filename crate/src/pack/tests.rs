use super::*;
use crate::report::{ErrorInfo, LogLine, RequestRecord, Status};
use serde_json::json;

fn report(status: Status, outputs: Value, logs: &[&str]) -> RunReport {
    RunReport {
        status,
        output_fields: Some(outputs),
        error: (status == Status::Error)
            .then(|| ErrorInfo { name: "TypeError".into(), message: "Cannot read properties of undefined (reading 'split')\n    at x".into() }),
        logs: logs.iter().map(|m| LogLine { level: "log".into(), message: m.to_string() }).collect(),
        requests: vec![RequestRecord { method: "GET".into(), url: "https://api.example.com/a".into(), status: Some(200), ..Default::default() }],
        runtime_ms: 0.0,
        memory_bytes: 0,
        crm_changes: vec![],
        undeclared_outputs: vec![],
        attempts: vec![],
        executions: vec![],
        timeline: vec![],
    }
}

#[test]
fn failures_in_the_learners_words() {
    let expect = json!({"status": "success", "outputFields": {"domain": "example.com", "count": 2}, "logs": [{"level": "log", "message": "hello"}],
        "requests": [{"method": "POST", "url": "https://api.example.com/a", "status": 201}]});
    let actual = report(Status::Success, json!({"domain": "EXAMPLE.com", "count": "2", "extra": 1}), &["hullo"]).to_json();
    assert_eq!(
        explain(&expect, &actual),
        vec![
            "Output domain should be \"example.com\", but it was \"EXAMPLE.com\".",
            "Output count should be 2, but it was \"2\" (same text, different type).",
            "Output extra should not be set.",
            "Log line 1 should be “hello”, but it was “hullo”.",
            "Request 1 should be POST https://api.example.com/a (answered 201), but it was GET https://api.example.com/a (answered 200).",
        ]
    );
    let failed = report(Status::Error, json!(null), &[]).to_json();
    assert_eq!(
        explain(&json!({"status": "success"}), &failed),
        vec!["The action should finish without an error, but it failed: TypeError: Cannot read properties of undefined (reading 'split')."]
    );
    assert_eq!(explain(&json!({"status": "error"}), &actual), vec!["The action should fail here (throw an error), but it finished successfully."]);
}

const PACK: &str = r#"{"pack": 1, "id": "p", "title": "P", "steps": [{"id": "one", "title": "One", "instructions": "Set **x**.", "hints": ["h1"],
  "solution": "exports.main = async () => ({ outputFields: { x: 'a' } });",
  "scenario": {"version": 1, "runtime": "nodejs24", "code": "exports.main = async () => ({ outputFields: {} });", "outputs": [{"name": "x", "type": "string"}],
    "cases": [{"name": "sets x", "expect": {"status": "success", "outputFields": {"x": "a"}}}]}}]}"#;

#[test]
fn a_pack_parses_and_its_checks_carry_the_code() {
    assert!(looks_like_pack(PACK));
    let pack = parse_pack(PACK).unwrap();
    let step = &pack.steps[0];
    let checks = step.checks(&step.solution);
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].case.as_deref(), Some("sets x"));
    assert_eq!(checks[0].scenario.code, step.solution);
    assert!(step.playground("c").cases.is_empty());
    let outcome = check_outcome(&checks[0], &report(Status::Success, json!({"x": "b"}), &[]));
    assert_eq!((outcome.passed, outcome.reasons), (false, vec!["Output x should be \"a\", but it was \"b\".".to_string()]));
    assert!(check_outcome(&checks[0], &report(Status::Success, json!({"x": "a"}), &[])).passed);
}

#[test]
fn bad_packs_are_refused_with_their_path() {
    assert!(!looks_like_pack(r#"{"version": 1, "code": ""}"#));
    let no_checks = PACK.replace(r#""cases": [{"name": "sets x", "expect": {"status": "success", "outputFields": {"x": "a"}}}]"#, r#""cases": []"#);
    assert!(parse_pack(&no_checks).unwrap_err().starts_with("steps[0].scenario.cases"));
    let bad_scenario = PACK.replace(r#""version": 1, "runtime""#, r#""version": 7, "runtime""#);
    assert!(parse_pack(&bad_scenario).unwrap_err().starts_with("steps[0].scenario."), "{}", parse_pack(&bad_scenario).unwrap_err());
}
