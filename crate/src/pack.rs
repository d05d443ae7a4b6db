//! Exercise packs: a course as a list of steps, each a scenario whose code is
//! the learner's starting point and whose `cases` are the hidden checks,
//! with instructions (Markdown), hints revealed one at a time and a solution.
//! A pack is a JSON file (`web/packs/`), opened from a file or a link,
//! never fetched from a server. [`Step::checks`] gives the runs a Check
//! makes; [`check_outcome`] judges one and explains a failure in the
//! learner's terms ([`explain`]).

mod explain;

use crate::compare::mismatches_ignoring;
use crate::report::RunReport;
use crate::scenario::{parse_scenario, Scenario, TestUnit};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use explain::explain;

/// The pack format's version (the `pack` key).
pub const PACK_VERSION: u32 = 1;
/// Most steps a pack may have (each holds a whole scenario).
pub const MAX_STEPS: usize = 50;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Pack {
    pub pack: u32,
    /// Names the pack's saved progress: keep it when the pack is revised.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// Markdown, rendered with raw HTML escaped.
    pub instructions: String,
    /// The exercise: `code` is the starter code, `cases` the hidden checks.
    pub scenario: Scenario,
    #[serde(default)]
    pub hints: Vec<String>,
    pub solution: String,
}

/// Whether a JSON text is a pack rather than a scenario (it has `pack` and `steps`).
pub fn looks_like_pack(text: &str) -> bool {
    serde_json::from_str::<Value>(text).ok().is_some_and(|v| v.get("pack").is_some() && v.get("steps").is_some())
}

/// Parses and validates a pack: every step's scenario passes the same checks
/// as a scenario file (errors name `steps[2].scenario.…`), ids are unique and
/// every step has at least one check.
pub fn parse_pack(text: &str) -> Result<Pack, String> {
    let pack: Pack = serde_json::from_str(text).map_err(|e| format!("not a pack: {e}"))?;
    if pack.pack != PACK_VERSION {
        return Err(format!("pack: version {} is not supported (this playground reads version {PACK_VERSION})", pack.pack));
    }
    if pack.id.trim().is_empty() {
        return Err("id: must not be empty".into());
    }
    if pack.steps.is_empty() || pack.steps.len() > MAX_STEPS {
        return Err(format!("steps: a pack has 1 to {MAX_STEPS} steps"));
    }
    for (i, step) in pack.steps.iter().enumerate() {
        if step.id.trim().is_empty() || pack.steps[..i].iter().any(|s| s.id == step.id) {
            return Err(format!("steps[{i}].id: must be non-empty and unique"));
        }
        let text = serde_json::to_string(&step.scenario).expect("a scenario serializes");
        parse_scenario(&text).map_err(|e| format!("steps[{i}].scenario.{e}"))?;
        if step.checks(&step.scenario.code).is_empty() {
            return Err(format!("steps[{i}].scenario.cases: a step needs at least one check (a case with `expect`)"));
        }
    }
    Ok(pack)
}

impl Step {
    /// The runs a Check makes for `code`: the step's test units with the code replaced.
    pub fn checks(&self, code: &str) -> Vec<TestUnit> {
        let mut scenario = self.scenario.clone();
        scenario.code = code.to_string();
        scenario.test_units()
    }

    /// The scenario the test panel runs while the learner works (no checks in it).
    pub fn playground(&self, code: &str) -> Scenario {
        let mut scenario = self.scenario.without_cases();
        scenario.code = code.to_string();
        scenario.expect = None;
        scenario
    }
}

/// One check's verdict: its name and, when it failed, why in the learner's terms.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CheckOutcome {
    pub name: String,
    pub passed: bool,
    pub reasons: Vec<String>,
}

/// Judges the run of one check: passed when the result matches its `expect`
/// (the `test` command's comparison); otherwise the reasons say what differed.
pub fn check_outcome(unit: &TestUnit, report: &RunReport) -> CheckOutcome {
    let name = unit.case.clone().unwrap_or_else(|| "the example".to_string());
    let expect = unit.scenario.expect.clone().unwrap_or(Value::Null);
    let actual = report.to_json();
    let problems = mismatches_ignoring(&expect, &actual, &unit.scenario.ignore);
    if problems.is_empty() {
        return CheckOutcome { name, passed: true, reasons: Vec::new() };
    }
    let expect = crate::result_path::without_paths(&expect, &unit.scenario.ignore);
    let actual = crate::result_path::without_paths(&actual, &unit.scenario.ignore);
    let mut reasons = explain(&expect, &actual);
    if reasons.is_empty() {
        reasons = problems;
    }
    CheckOutcome { name, passed: false, reasons }
}

#[cfg(test)]
mod tests;
