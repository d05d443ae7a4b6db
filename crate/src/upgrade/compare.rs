//! Both versions side by side: what differs between the original's run on
//! Node.js 20 and the upgraded code's run on Node.js 24, on the parts of a
//! result the user sees (status, outputs, error, logs, requests, CRM changes),
//! with "differs" as `compare::mismatches` (the reference runner's compare.py) defines it.

use crate::report::RunReport;
use crate::scenario::Scenario;

/// The result keys compared.
pub const COMPARED: [&str; 6] = ["status", "outputFields", "error", "logs", "requests", "crmChanges"];

/// One line per difference (`outputFields: expected …, got …`); empty when the
/// upgraded run does what the original did.
pub fn differences(before: &RunReport, after: &RunReport) -> Vec<String> {
    let before = before.to_json();
    let expected: serde_json::Map<String, serde_json::Value> = COMPARED.iter().filter_map(|k| before.get(*k).map(|v| (k.to_string(), v.clone()))).collect();
    crate::compare::mismatches(&serde_json::Value::Object(expected), &after.to_json())
}

/// The runs to compare: (label, original on its runtime, upgraded on Node.js 24):
/// the base scenario, then every case (labelled as the `test` command labels them).
pub fn pairs(original: &Scenario, upgraded: &Scenario) -> Vec<(String, Scenario, Scenario)> {
    let name = original.name.clone().unwrap_or_else(|| "scenario".into());
    let mut out = vec![(name.clone(), original.without_cases(), upgraded.without_cases())];
    for (before, after) in original.cases.iter().zip(&upgraded.cases) {
        out.push((format!("{name} › {}", before.name), original.with_case(before), upgraded.with_case(after)));
    }
    out
}
