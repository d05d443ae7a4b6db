//! Table tests against real Node: each `node_tables/NAME.cases.js` case was
//! run by `node_tables/generate.js` in Node 20 (answers in
//! `NAME.expected.json`); here the same cases run in the engine through the
//! same `evaluate.js`, and every answer must be Node's.

mod common;

fn check_table(name: &str, expected: &str) {
    let expected: serde_json::Value = serde_json::from_str(expected).expect("expected JSON");
    let cases = expected["cases"].as_array().expect("cases");
    let codes: Vec<&str> = cases.iter().map(|c| c["code"].as_str().unwrap()).collect();
    let code = format!(
        "{}\nfor (const code of {}) console.log(JSON.stringify(evaluate(code, require)));",
        include_str!("node_tables/evaluate.js"),
        serde_json::to_string(&codes).unwrap()
    );
    let logs = common::run_logging(&code).unwrap_or_else(|e| panic!("{name}: the table did not run: {e}"));
    let mut failures = Vec::new();
    for (case, line) in cases.iter().zip(&logs) {
        let got: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|_| serde_json::Value::String(line.clone()));
        if got != case["result"] {
            failures.push(format!("{}\n    node:   {}\n    engine: {}", case["code"], case["result"], got));
        }
    }
    eprintln!("{name}: {} of {} cases as Node", cases.len() - failures.len(), cases.len());
    assert_eq!(logs.len(), cases.len(), "{name}: one answer per case");
    assert!(failures.is_empty(), "{name}: {} cases differ from Node:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn url_and_search_params_as_node() {
    check_table("url", include_str!("node_tables/url.expected.json"));
}

#[test]
fn console_as_node() {
    check_table("console", include_str!("node_tables/console.expected.json"));
}

#[test]
fn fetch_objects_as_node() {
    check_table("fetch", include_str!("node_tables/fetch.expected.json"));
}

#[test]
fn json_parse_as_node() {
    check_table("json", include_str!("node_tables/json.expected.json"));
}

#[test]
fn collation_as_node() {
    check_table("collation", include_str!("node_tables/collation.expected.json"));
}
