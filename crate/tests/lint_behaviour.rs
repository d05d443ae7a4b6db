//! Each HubSpot lint against the behaviour it describes: the code a rule
//! flags, run in the engine, fails or misbehaves the way the rule's message
//! says (and the rule does flag it). The engine's behaviour is the reference
//! runner's (real Node 20 with the real libraries; see tests/fixtures).

mod common;

use action_playground::lint::lint_scenario;
use action_playground::parse_scenario;
use serde_json::{json, Value};

fn scenario(value: Value) -> action_playground::Scenario {
    let mut value = value;
    value["version"] = json!(1);
    value["settings"]["now"] = json!("2026-03-02T14:30:00Z");
    parse_scenario(&value.to_string()).expect("valid scenario")
}

/// The run's result, after checking that `rule` flags the code.
fn flagged_run(rule: &str, value: Value) -> Value {
    let scenario = scenario(value);
    let rules: Vec<String> = lint_scenario(&scenario).into_iter().map(|d| d.rule).collect();
    assert!(rules.iter().any(|r| r == rule), "{rule} not among {rules:?}");
    common::report_json(scenario)
}

fn error_of(report: &Value) -> (String, String) {
    assert_eq!(report["status"], "error", "{report}");
    (report["error"]["name"].as_str().unwrap_or("").into(), report["error"]["message"].as_str().unwrap_or("").into())
}

#[test]
fn callback_on_node24_throws_a_type_error() {
    let report = flagged_run(
        "callback-on-node24",
        json!({ "runtime": "nodejs24", "code": "exports.main = async (event, callback) => {\n  callback({ outputFields: { a: 1 } });\n};" }),
    );
    assert_eq!(error_of(&report), ("TypeError".into(), "callback is not a function".into()));
}

#[test]
fn a_node20_handler_that_never_calls_back_delivers_nothing() {
    let report = flagged_run(
        "callback-never-called",
        json!({ "runtime": "nodejs20", "code": "exports.main = async (event) => {\n  return { outputFields: { a: 1 } };\n};" }),
    );
    assert_eq!(error_of(&report).1, "callback was never called");
    assert_eq!(report["outputFields"], Value::Null);
}

#[test]
fn require_of_an_uninstalled_module_fails_before_the_handler() {
    let report = flagged_run(
        "require-unavailable",
        json!({ "runtime": "nodejs24", "code": "const moment = require('moment');\nexports.main = async () => ({ outputFields: {} });" }),
    );
    let (name, message) = error_of(&report);
    assert_eq!(name, "Error");
    assert!(message.starts_with("Cannot find module 'moment'"), "{message}");
}

#[test]
fn a_hard_coded_token_ends_up_in_the_logs_and_ignores_the_secret() {
    let code = "const axios = require('axios');\nexports.main = async (event) => {\n  try {\n    await axios.get('https://api.example.com/v1/me', { headers: { Authorization: 'Bearer 0123456789abcdefghijklmnop' } });\n  } catch (err) {\n    console.log('failed', err.config.headers.Authorization);\n  }\n  return { outputFields: {} };\n};";
    let report = flagged_run(
        "hardcoded-secret",
        json!({ "runtime": "nodejs24", "code": code, "secrets": { "API_TOKEN": "rotated" }, "http": [{ "url": "https://api.example.com/*", "status": 500 }] }),
    );
    assert_eq!(report["logs"][0]["message"], "failed Bearer 0123456789abcdefghijklmnop");
}

#[test]
fn math_random_gives_another_answer_on_every_execution() {
    let value = json!({ "runtime": "nodejs24", "code": "exports.main = async () => ({ outputFields: { pick: Math.floor(Math.random() * 1e9) } });" });
    let first = flagged_run("math-random", value.clone());
    let again = (0..3).map(|_| common::report_json(scenario(value.clone()))).collect::<Vec<_>>();
    assert!(again.iter().any(|r| r["outputFields"] != first["outputFields"]), "four executions, one value: {first}");
}

#[test]
fn event_fields_is_undefined() {
    let report = flagged_run(
        "event-fields",
        json!({ "runtime": "nodejs24", "event": { "inputFields": { "email": "ada@example.com" } }, "code": "exports.main = async (event) => ({ outputFields: { e: event.fields.email } });" }),
    );
    assert_eq!(error_of(&report), ("TypeError".into(), "Cannot read properties of undefined (reading 'email')".into()));
}

#[test]
fn an_input_field_not_included_reads_undefined() {
    let report = flagged_run(
        "unknown-input-field",
        json!({ "runtime": "nodejs24", "event": { "inputFields": { "email": "ada@example.com" } }, "code": "exports.main = async (event) => ({ outputFields: { p: event.inputFields.phone.trim() } });" }),
    );
    assert_eq!(error_of(&report), ("TypeError".into(), "Cannot read properties of undefined (reading 'trim')".into()));
}

#[test]
fn an_undeclared_output_raises_hubspots_alert() {
    let report = flagged_run(
        "output-mismatch",
        json!({ "runtime": "nodejs24", "outputs": [{ "name": "score", "type": "number" }], "code": "exports.main = async () => ({ outputFields: { score: 3, tier: 'A' } });" }),
    );
    assert_eq!(report["undeclaredOutputs"], json!(["tier"]));
}

const CRM: &str = r#"{ "objects": { "contacts": [ { "id": "4", "properties": { "email": "ada@example.com" } } ] } }"#;

#[test]
fn body_of_a_v11_client_result_is_undefined() {
    let code = "const hubspot = require('@hubspot/api-client');\nconst client = new hubspot.Client({ accessToken: process.env.TOKEN });\nexports.main = async (event) => {\n  const result = await client.crm.contacts.basicApi.getById('4', ['email']);\n  console.log(typeof result.body, result.properties.email);\n  return { outputFields: { email: result.body.properties.email } };\n};";
    let report = flagged_run(
        "v11-body",
        json!({ "runtime": "nodejs24", "secrets": { "TOKEN": "pat-test" }, "crm": serde_json::from_str::<Value>(CRM).unwrap(), "code": code }),
    );
    assert_eq!(report["logs"][0]["message"], "undefined ada@example.com");
    assert_eq!(error_of(&report), ("TypeError".into(), "Cannot read properties of undefined (reading 'properties')".into()));
}

#[test]
fn an_api_key_client_sends_no_credentials_and_gets_401() {
    let code = "const hubspot = require('@hubspot/api-client');\nconst client = new hubspot.Client({ apiKey: process.env.HAPIKEY });\nexports.main = async (event) => {\n  const c = await client.crm.contacts.basicApi.getById('4', ['email']);\n  return { outputFields: { email: c.properties.email } };\n};";
    let report = flagged_run(
        "client-api-key",
        json!({ "runtime": "nodejs24", "secrets": { "HAPIKEY": "ffff-eeee" }, "crm": serde_json::from_str::<Value>(CRM).unwrap(), "code": code }),
    );
    assert_eq!(report["requests"][0]["status"], 401, "{report}");
    assert!(!report["requests"][0]["url"].as_str().unwrap().contains("hapikey"), "{report}");
    assert_eq!(report["status"], "error");
}

#[test]
fn per_object_associations_api_is_gone() {
    let code = "const hubspot = require('@hubspot/api-client');\nconst client = new hubspot.Client({ accessToken: process.env.TOKEN });\nexports.main = async (event) => {\n  const r = await client.crm.contacts.associationsApi.getAll('4', 'companies');\n  return { outputFields: { n: r.results.length } };\n};";
    let report = flagged_run("associations-api", json!({ "runtime": "nodejs24", "secrets": { "TOKEN": "pat-test" }, "code": code }));
    assert_eq!(error_of(&report), ("TypeError".into(), "Cannot read properties of undefined (reading 'getAll')".into()));
}

#[test]
fn a_promise_not_awaited_fails_the_execution_after_the_outputs() {
    let code =
        "exports.main = async (event) => {\n  fetch('https://hooks.example.com/notify', { method: 'POST' });\n  return { outputFields: { done: true } };\n};";
    let report =
        flagged_run("floating-promise", json!({ "runtime": "nodejs24", "http": [{ "url": "https://hooks.example.com/*", "error": "network" }], "code": code }));
    assert_eq!(report["status"], "error", "the handler returned, the dropped request still failed the run: {report}");
    assert_eq!(report["requests"][0]["url"], "https://hooks.example.com/notify");
}

#[test]
fn module_state_carries_over_to_the_next_execution() {
    // A warm container runs the module once and exports.main once per
    // execution; the last lines stand in for a second execution there.
    let code = "let count = 0;\nexports.main = async (event) => {\n  count++;\n  return { outputFields: { count } };\n};\nconst handler = exports.main;\nexports.main = async (event) => { await handler(event); return handler(event); };";
    let report = flagged_run("module-state", json!({ "runtime": "nodejs24", "code": code }));
    assert_eq!(report["outputFields"], json!({ "count": 2 }));
}
