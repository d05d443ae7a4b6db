//! V8's message for every error the engine raises: each snippet of
//! `v8/messages.json` (generated from real Node 20 by `v8/generate.js`) runs
//! in the engine twice, its error read in a `catch` and left uncaught, and
//! must read as Node words it. Snippets listed in `v8/message-gaps.txt` are
//! known not to match yet; the test fails if one of them starts matching,
//! so the list stays honest.

mod common;

use action_playground::parse_scenario;
use serde_json::{json, Value};

struct Case {
    template: String,
    code: String,
    node: String,
}

fn cases() -> (Vec<Case>, usize) {
    let table: Value = serde_json::from_str(include_str!("v8/messages.json")).expect("messages.json");
    let cases = table["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| Case {
            template: c["template"].as_str().unwrap().to_string(),
            code: c["code"].as_str().unwrap().to_string(),
            node: c["node"].as_str().unwrap().to_string(),
        })
        .collect();
    (cases, table["templates"].as_u64().unwrap() as usize)
}

fn known_gaps() -> Vec<String> {
    include_str!("v8/message-gaps.txt").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// The engine's run of `code` as an action's `main` on the generator's event.
fn run_action(code: String) -> action_playground::RunReport {
    let scenario = json!({ "version": 1, "code": code, "event": { "inputFields": { "a": null } } });
    common::run_report(parse_scenario(&scenario.to_string()).expect("valid scenario"))
}

fn first_line(text: &str) -> &str {
    text.split('\n').next().unwrap_or("")
}

/// What the engine says for the snippet: (read in a catch, reported uncaught).
fn engine_says(code: &str) -> (String, String) {
    let caught =
        run_action(format!("exports.main = async (event) => {{\n  try {{\n{code}\n  }} catch (e) {{\n    console.log(e.name + ': ' + e.message);\n  }}\n}};"));
    let caught = caught.logs.first().map(|l| l.message.clone()).unwrap_or_else(|| "(nothing caught)".into());
    let uncaught = run_action(format!("exports.main = async (event) => {{\n{code}\n}};"));
    let uncaught = uncaught.error.map(|e| format!("{}: {}", e.name, first_line(&e.message))).unwrap_or_else(|| "(no error)".into());
    (caught, uncaught)
}

#[test]
fn engine_errors_read_as_v8_words_them() {
    let (cases, templates) = cases();
    let gaps = known_gaps();
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    let mut matching_templates = std::collections::BTreeSet::new();
    let mut failing_templates = std::collections::BTreeSet::new();
    for case in &cases {
        let (caught, uncaught) = engine_says(&case.code);
        let ok = caught == case.node && uncaught == first_line(&case.node);
        let is_gap = gaps.contains(&case.code);
        if ok {
            matching_templates.insert(case.template.as_str());
        } else {
            failing_templates.insert(case.template.as_str());
        }
        match (ok, is_gap) {
            (true, true) => fixed.push(case.code.clone()),
            (false, false) => failures.push(format!("{}\n    node:     {}\n    caught:   {caught}\n    uncaught: {uncaught}", case.code, case.node)),
            _ => {}
        }
    }
    let covered: std::collections::BTreeSet<_> = cases.iter().map(|c| c.template.as_str()).collect();
    let all_pass = covered.iter().filter(|t| !failing_templates.contains(*t)).count();
    eprintln!(
        "{} cases over {} of {templates} V8 templates; {} cases match; {} templates matched by every case, {} by some",
        cases.len(),
        covered.len(),
        cases.len() - failures.len() - (gaps.len() - fixed.len()),
        all_pass,
        matching_templates.len()
    );
    assert!(failures.is_empty(), "{} snippets word errors unlike Node:\n{}", failures.len(), failures.join("\n"));
    assert!(fixed.is_empty(), "now matching, remove from v8/message-gaps.txt:\n{}", fixed.join("\n"));
}
