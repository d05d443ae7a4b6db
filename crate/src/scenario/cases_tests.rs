use crate::scenario::parse_scenario;
use serde_json::json;

fn parse(value: serde_json::Value) -> Result<crate::Scenario, String> {
    parse_scenario(&value.to_string()).map_err(|e| e.to_string())
}

fn base() -> serde_json::Value {
    json!({
        "version": 1, "code": "exports.main = () => {}",
        "event": {"object": {"objectId": 4, "objectType": "DEAL"}, "inputFields": {"email": "a@b.c", "n": 1}},
        "secrets": {"KEY": "k", "OTHER": "o"},
        "http": [{"url": "https://api/*", "status": 200}],
        "crm": {"objects": {"contacts": [{"id": "1"}]}},
        "settings": {"now": "2024-01-01T00:00:00Z", "timezone": "Europe/Paris"},
        "expect": {"status": "success"},
        "ignore": ["runtimeMs"],
    })
}

fn with_cases(cases: serde_json::Value) -> serde_json::Value {
    let mut file = base();
    file["cases"] = cases;
    file
}

#[test]
fn a_case_overrides_each_part_as_the_format_says() {
    let s = parse(with_cases(json!([{
        "name": "no email",
        "inputFields": {"email": ""},
        "event": {"object": {"objectId": 9}, "callbackId": "cb"},
        "secrets": {"KEY": "other"},
        "http": [{"url": "https://api/x", "status": 500}],
        "crm": {"objects": {}},
        "settings": {"now": "2026-01-01T00:00:00Z"},
        "runtime": "nodejs24",
        "expect": {"status": "error"},
        "ignore": ["outputFields.createdAt"],
    }])))
    .unwrap();
    let run = s.with_case(&s.cases[0]);
    assert_eq!(run.event, json!({"object": {"objectId": 9, "objectType": "DEAL"}, "inputFields": {"email": "", "n": 1}, "callbackId": "cb"}));
    assert_eq!(run.secrets, serde_json::from_value::<serde_json::Map<_, _>>(json!({"KEY": "other", "OTHER": "o"})).unwrap());
    assert_eq!(run.http.iter().map(|r| r.url.as_str()).collect::<Vec<_>>(), ["https://api/x", "https://api/*"]);
    assert_eq!(run.crm, Some(json!({"objects": {}})));
    assert_eq!(run.settings.now.as_deref(), Some("2026-01-01T00:00:00Z"));
    assert_eq!(run.settings.timezone, "Europe/Paris");
    assert_eq!(run.runtime, crate::scenario::Runtime::Node24);
    assert_eq!(run.expect, Some(json!({"status": "error"})));
    assert_eq!(run.ignore, ["runtimeMs", "outputFields.createdAt"]);
    assert!(run.cases.is_empty());
}

#[test]
fn an_empty_case_runs_the_base_with_its_own_expect() {
    let s = parse(with_cases(json!([{"name": "same"}]))).unwrap();
    let run = s.with_case(&s.cases[0]);
    let mut expected = s.without_cases();
    expected.expect = None;
    assert_eq!(run, expected);
}

#[test]
fn test_units_are_the_base_then_the_cases_with_expect() {
    let s = parse(with_cases(json!([{"name": "a", "expect": {}}, {"name": "draft"}, {"name": "b", "expect": {"status": "error"}}]))).unwrap();
    let units = s.test_units();
    assert_eq!(units.iter().map(|u| u.label("file")).collect::<Vec<_>>(), ["file", "file › a", "file › b"]);
    assert_eq!(units[2].scenario.expect, Some(json!({"status": "error"})));
    let mut no_base_expect = with_cases(json!([{"name": "a", "expect": {}}]));
    no_base_expect.as_object_mut().unwrap().remove("expect");
    assert_eq!(parse(no_base_expect).unwrap().test_units().len(), 1);
}

#[test]
fn a_version_one_file_without_cases_is_unchanged_by_a_round_trip() {
    let mut file = base();
    file.as_object_mut().unwrap().remove("ignore");
    let s = parse(file).unwrap();
    let back = serde_json::to_value(&s).unwrap();
    assert!(back.get("cases").is_none() && back.get("ignore").is_none());
    assert_eq!(s.test_units().len(), 1);
}

#[test]
fn cases_and_their_unknown_keys_survive_a_round_trip() {
    let s = parse(with_cases(json!([{"name": "a", "later": {"x": 1}, "settings": {"timeoutMs": 5, "soon": true}}]))).unwrap();
    let back = serde_json::to_value(&s).unwrap();
    assert_eq!(back["cases"], json!([{"name": "a", "settings": {"timeoutMs": 5, "soon": true}, "later": {"x": 1}}]));
    assert_eq!(parse(back).unwrap(), s);
}

#[test]
fn case_errors_name_their_path() {
    let error = |cases: serde_json::Value| parse(with_cases(cases)).unwrap_err();
    assert_eq!(error(json!([{"name": ""}])), "cases[0].name: a case needs a name");
    assert_eq!(error(json!([{"name": "a"}, {"name": "b"}, {"name": "a"}])), "cases[2].name: 'a' is already the name of cases[0]");
    assert!(error(json!([{"description": "x"}])).starts_with("cases[0]: missing field `name`"));
    assert!(error(json!([{"name": "a", "settings": {"timeoutMs": "x"}}])).starts_with("cases[0].settings.timeoutMs: "));
    assert_eq!(error(json!([{"name": "a", "settings": {"timezone": "Mars/Base"}}])), "cases[0].settings.timezone: unknown time zone 'Mars/Base'");
    assert_eq!(
        error(json!([{"name": "a"}, {"name": "b", "http": [{"url": "u", "error": "dns"}]}])),
        "cases[1].http[0].error: expected \"timeout\" or \"network\", found \"dns\""
    );
    assert_eq!(error(json!([{"name": "a", "secrets": {"K": 1}}])), "cases[0].secrets.K: expected a string, found a number");
    assert_eq!(error(json!([{"name": "a", "event": {"object": 3}}])), "cases[0].event.object: expected an object, found a number");
    assert_eq!(error(json!([{"name": "a", "inputFields": []}])), "cases[0].inputFields: expected an object, found an array");
    assert!(error(json!([{"name": "a", "ignore": ["a..b"]}])).starts_with("cases[0].ignore[0]: not a result path"));
    let big = "x".repeat(999);
    assert!(error(json!([{"name": "a", "secrets": {"BIG": big}}])).starts_with("cases[0].secrets: secret values total"));
    let many_inputs: serde_json::Map<_, _> = (0..50).map(|i| (format!("f{i}"), json!(i))).collect();
    assert_eq!(error(json!([{"name": "a", "inputFields": many_inputs}])), "cases[0].event.inputFields: 52 properties; HubSpot allows at most 50");
}

#[test]
fn at_most_two_hundred_cases() {
    let cases: Vec<_> = (0..201).map(|i| json!({"name": format!("c{i}")})).collect();
    assert_eq!(parse(with_cases(json!(cases))).unwrap_err(), "cases: 201 cases; a scenario may have at most 200");
    let mut file = base();
    file["ignore"] = json!(["x[y]"]);
    assert!(parse(file).unwrap_err().starts_with("ignore[0]: "));
}
