//! Dates as V8 has them: every case of `date/dates.json` (generated from
//! real Node 20 by `date/generate.js`: Date.parse of V8's legacy and ISO
//! forms, toString with the zone's long name, toLocale*String with locales
//! and options, parses of what those print) evaluated in the engine in each
//! zone, as `String(value)`. Cases listed in `date/date-gaps.txt` ("zone
//! expression", one a line) are known not to match yet; the test fails if
//! one of them starts matching.

use action_playground::{parse_scenario, run, RunOptions};
use serde_json::{json, Value};

fn known_gaps() -> Vec<String> {
    include_str!("date/date-gaps.txt").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// Each expression's `String(value)` (or "Name: message"), evaluated in the engine in `zone`.
fn engine_values(zone: &str, expressions: &[String]) -> Vec<String> {
    let code = format!(
        "exports.main = async (event, callback) => {{\n  const out = [];\n  for (const c of {}) {{\n    try {{ out.push(String((0, eval)(c))); }} catch (e) {{ out.push(e.name + ': ' + e.message); }}\n  }}\n  console.log(JSON.stringify(out));\n  callback({{}});\n}};",
        serde_json::to_string(expressions).unwrap()
    );
    let scenario = json!({ "version": 1, "code": code, "settings": { "timezone": zone, "now": "2026-03-02T14:30:00Z" } });
    let scenario = parse_scenario(&scenario.to_string()).expect("valid scenario");
    let report = std::thread::Builder::new().stack_size(1 << 30).spawn(move || run(&scenario, &RunOptions::default())).unwrap().join().unwrap();
    assert!(report.error.is_none(), "{zone}: {:?}", report.error);
    serde_json::from_str(&report.logs.first().expect("the values").message).expect("JSON values")
}

#[test]
fn dates_parse_and_print_as_v8() {
    let table: Value = serde_json::from_str(include_str!("date/dates.json")).unwrap();
    let gaps = known_gaps();
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    let mut total = 0;
    for (zone, cases) in table["zones"].as_object().unwrap() {
        let cases = cases.as_array().unwrap();
        let expressions: Vec<String> = cases.iter().map(|c| c[0].as_str().unwrap().to_string()).collect();
        let values = engine_values(zone, &expressions);
        for (case, ours) in cases.iter().zip(values) {
            total += 1;
            let (expr, node) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            let key = format!("{zone} {expr}");
            match (ours == node, gaps.contains(&key)) {
                (true, true) => fixed.push(key),
                (false, false) => failures.push(format!("{key}\n    node:   {node}\n    engine: {ours}")),
                _ => {}
            }
        }
    }
    eprintln!("{total} date cases; {} match", total - failures.len() - (gaps.len() - fixed.len()));
    assert!(failures.is_empty(), "{} date cases differ from Node:\n{}", failures.len(), failures.join("\n"));
    assert!(fixed.is_empty(), "now matching, remove from date/date-gaps.txt:\n{}", fixed.join("\n"));
}
