use super::*;

fn parse(text: &str) -> Result<Scenario, String> {
    parse_scenario(text).map_err(|e| e.to_string())
}

#[test]
fn minimal_file_gets_defaults() {
    let s = parse(r#"{"version":1,"code":"exports.main=()=>{}"}"#).unwrap();
    assert_eq!(s.runtime, Runtime::Node20);
    assert_eq!(s.settings.timeout_ms, 20_000);
    assert_eq!(s.settings.timezone, "UTC");
    let ev = s.effective_event();
    assert_eq!(ev["origin"]["portalId"], 1);
    assert_eq!(ev["object"]["objectType"], "CONTACT");
    assert_eq!(ev["callbackId"], "ap-123-456-7-8");
}

#[test]
fn event_parts_merge_and_extra_keys_pass_through() {
    let s = parse(r#"{"version":1,"code":"","event":{"object":{"objectId":9},"extra":true}}"#).unwrap();
    let ev = s.effective_event();
    assert_eq!(ev["object"]["objectId"], 9);
    assert_eq!(ev["object"]["objectType"], "CONTACT");
    assert_eq!(ev["extra"], true);
}

#[test]
fn errors_name_the_json_path() {
    assert_eq!(parse(r#"{"version":1,"code":"","event":{"inputFields":[]}}"#).unwrap_err(), "event.inputFields: expected an object, found an array");
    assert_eq!(parse(r#"{"version":1,"code":""#).unwrap_err().split(':').next().unwrap(), "malformed JSON at line 1 column 21");
    assert_eq!(parse(r#"{"code":""}"#).unwrap_err(), "version: missing (this format is version 1)");
    assert!(parse(r#"{"version":1,"code":"","http":[{"url":"x","status":"a"}]}"#).unwrap_err().starts_with("http[0].status: "));
    assert!(parse(r#"{"version":1,"code":"","runtime":"nodejs18"}"#).unwrap_err().starts_with("runtime: "));
    assert!(parse(r#"{"version":1,"code":"","settings":{"timezone":"Mars/Base"}}"#).unwrap_err().starts_with("settings.timezone: "));
}

#[test]
fn secrets_over_a_thousand_characters_are_refused() {
    let big = "x".repeat(600);
    let text = format!(r#"{{"version":1,"code":"","secrets":{{"A":"{big}","B":"{big}"}}}}"#);
    assert_eq!(parse(&text).unwrap_err(), "secrets: secret values total 1200 characters; HubSpot allows at most 1000 together");
}

#[test]
fn unknown_keys_survive_a_round_trip() {
    let s = parse(r#"{"version":1,"code":"","futureKey":{"a":1},"settings":{"later":2}}"#).unwrap();
    let back = serde_json::to_value(&s).unwrap();
    assert_eq!(back["futureKey"]["a"], 1);
    assert_eq!(back["settings"]["later"], 2);
}
