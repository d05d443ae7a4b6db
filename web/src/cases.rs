//! The Cases view without a DOM: editing a scenario's named cases (add,
//! duplicate, rename, delete, ignore paths, save a result as expectation),
//! "Run all" as a queue the app feeds to the worker one case at a time, and
//! each result's verdict and expected-vs-actual diff. Unit-tested natively.

use action_playground::compare::{expectation_of, mismatches_ignoring};
use action_playground::result_path::{without_paths, ResultPath};
use action_playground::scenario::{Case, TestUnit};
use action_playground::{parse_scenario, RunReport, Scenario};
use serde_json::Value;
use std::collections::VecDeque;

/// How the view names the base scenario among the cases.
pub const BASE_LABEL: &str = "(base scenario)";

/// A name not yet used by a case: `stem`, else `stem 2`, `stem 3`, …
fn unused_name(scenario: &Scenario, stem: &str) -> String {
    let taken = |name: &str| scenario.cases.iter().any(|c| c.name == name);
    if !taken(stem) {
        return stem.to_string();
    }
    (2..).map(|n| format!("{stem} {n}")).find(|name| !taken(name)).expect("some number is free")
}

/// Adds a case that runs the base as it is, with the base's inputs written
/// out so they are there to change. Returns its name.
pub fn add_case(scenario: &mut Scenario) -> String {
    let name = unused_name(scenario, &format!("case {}", scenario.cases.len() + 1));
    let input_fields = scenario.event.get("inputFields").and_then(Value::as_object).cloned();
    scenario.cases.push(Case { name: name.clone(), input_fields, ..Case::default() });
    name
}

/// Inserts a copy of case `index` after it. Returns the copy's name.
pub fn duplicate_case(scenario: &mut Scenario, index: usize) -> Option<String> {
    let mut copy = scenario.cases.get(index)?.clone();
    copy.name = unused_name(scenario, &format!("{} (copy)", copy.name));
    let name = copy.name.clone();
    scenario.cases.insert(index + 1, copy);
    Some(name)
}

/// Renames case `index`; an empty or taken name is refused with the reason.
pub fn rename_case(scenario: &mut Scenario, index: usize, name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A case needs a name.".into());
    }
    if scenario.cases.iter().enumerate().any(|(i, c)| i != index && c.name == name) {
        return Err(format!("There is already a case named \"{name}\"."));
    }
    if let Some(case) = scenario.cases.get_mut(index) {
        case.name = name.to_string();
    }
    Ok(())
}

pub fn delete_case(scenario: &mut Scenario, index: usize) {
    if index < scenario.cases.len() {
        scenario.cases.remove(index);
    }
}

/// Replaces case `index` with `value` (the case as JSON, its name kept when
/// the JSON has none); what is not a case is refused with the reason.
pub fn replace_case(scenario: &mut Scenario, index: usize, value: Value) -> Result<(), String> {
    let Some(current) = scenario.cases.get(index) else { return Err("That case is gone.".into()) };
    let mut value = value;
    if let Some(object) = value.as_object_mut() {
        object.entry("name").or_insert_with(|| Value::String(current.name.clone()));
    }
    // Through the one parser, so the message names the path as a file's would.
    let mut file = serde_json::to_value(&*scenario).expect("a scenario serializes");
    file["cases"][index] = value;
    let mut checked = parse_scenario(&file.to_string()).map_err(|e| e.to_string())?;
    scenario.cases[index] = checked.cases.swap_remove(index);
    Ok(())
}

/// A case as its JSON editor shows it: everything but the name (edited above it).
pub fn case_json(case: &Case) -> Value {
    let mut value = serde_json::to_value(case).expect("a case serializes");
    if let Some(object) = value.as_object_mut() {
        object.shift_remove("name");
    }
    value
}

/// Sets the `ignore` paths of a case (`None`: the base) from text, one path
/// per line or comma-separated; a path that is not one is refused.
pub fn set_ignore(scenario: &mut Scenario, case: Option<&str>, text: &str) -> Result<(), String> {
    let paths: Vec<String> = text.split([',', '\n']).map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect();
    for path in &paths {
        ResultPath::parse(path).map_err(|why| format!("Not a result path: {why}."))?;
    }
    match case {
        None => scenario.ignore = paths,
        Some(name) => scenario.cases.iter_mut().find(|c| c.name == name).ok_or("That case is gone.")?.ignore = paths,
    }
    Ok(())
}

/// The ignore paths that apply to a unit (the base's, plus the case's).
fn ignore_of(scenario: &Scenario, case: Option<&str>) -> Vec<String> {
    let mut ignore = scenario.ignore.clone();
    if let Some(case) = case.and_then(|name| scenario.case_named(name)) {
        ignore.extend(case.ignore.iter().cloned());
    }
    ignore
}

/// "Save result as expectation": the result becomes the case's `expect` (a
/// snapshot), without the paths the case ignores.
pub fn save_expectation(scenario: &mut Scenario, case: Option<&str>, report: &RunReport) -> Result<(), String> {
    let expect = expectation_of(&report.to_json(), &ignore_of(scenario, case));
    match case {
        None => scenario.expect = Some(expect),
        Some(name) => scenario.cases.iter_mut().find(|c| c.name == name).ok_or("That case is gone.")?.expect = Some(expect),
    }
    Ok(())
}

/// One case's result in the table.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseResult {
    /// `None`: the base scenario.
    pub case: Option<String>,
    pub report: RunReport,
    /// From sending the run to its report reaching the page.
    pub wall_ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Pass,
    Fail(Vec<String>),
    /// The case has no `expect` yet.
    NoExpectation,
    /// The case was renamed or deleted since it ran.
    Gone,
}

impl CaseResult {
    pub fn label(&self) -> &str {
        self.case.as_deref().unwrap_or(BASE_LABEL)
    }

    /// Judged against the scenario as it is now, so saving an expectation
    /// turns its row green at once.
    pub fn verdict(&self, scenario: &Scenario) -> Verdict {
        let expect = match &self.case {
            None => scenario.expect.as_ref(),
            Some(name) => match scenario.case_named(name) {
                Some(case) => case.expect.as_ref(),
                None => return Verdict::Gone,
            },
        };
        let Some(expect) = expect else { return Verdict::NoExpectation };
        let problems = mismatches_ignoring(expect, &self.report.to_json(), &ignore_of(scenario, self.case.as_deref()));
        if problems.is_empty() {
            Verdict::Pass
        } else {
            Verdict::Fail(problems)
        }
    }

    /// Expected next to actual for each part of a result, ignored paths left out.
    pub fn diff(&self, scenario: &Scenario) -> Vec<DiffPart> {
        let expect = match &self.case {
            None => scenario.expect.clone(),
            Some(name) => scenario.case_named(name).and_then(|c| c.expect.clone()),
        };
        let ignore = ignore_of(scenario, self.case.as_deref());
        let expected = without_paths(&expect.unwrap_or(Value::Null), &ignore);
        let actual = expectation_of(&self.report.to_json(), &ignore);
        let problems = match self.verdict(scenario) {
            Verdict::Fail(problems) => problems,
            _ => Vec::new(),
        };
        DIFF_PARTS
            .iter()
            .map(|(title, keys)| {
                let side = |value: &Value| {
                    let picked: serde_json::Map<String, Value> = keys.iter().filter_map(|k| value.get(*k).map(|v| (k.to_string(), v.clone()))).collect();
                    if picked.is_empty() {
                        None
                    } else {
                        Some(serde_json::to_string_pretty(&picked).expect("JSON serializes"))
                    }
                };
                let differs = problems.iter().any(|p| keys.iter().any(|k| p.starts_with(&format!("{k}:")) || p.starts_with(&format!("{k}["))));
                DiffPart { title, expected: side(&expected), actual: side(&actual).unwrap_or_else(|| "—".into()), differs }
            })
            .collect()
    }
}

/// The parts of a result the diff shows, each with the result keys it holds.
const DIFF_PARTS: [(&str, &[&str]); 5] = [
    ("Status", &["status", "error"]),
    ("Outputs", &["outputFields", "undeclaredOutputs"]),
    ("Logs", &["logs"]),
    ("Requests", &["requests"]),
    ("CRM changes", &["crmChanges"]),
];

#[derive(Debug, Clone, PartialEq)]
pub struct DiffPart {
    pub title: &'static str,
    /// `None`: the expectation does not check this part.
    pub expected: Option<String>,
    pub actual: String,
    pub differs: bool,
}

/// "Run all" in progress: the units still to run, the ones running (one per
/// worker slot: the page's runner is slot 0, extra workers follow), and the
/// results so far. The app sends [`CasesRun::next`] to a free worker and hands
/// each report back to [`CasesRun::finished`]; results keep the file's order.
#[derive(Debug, Clone, PartialEq)]
pub struct CasesRun {
    pending: VecDeque<(usize, TestUnit)>,
    running: Vec<Running>,
    finished: Vec<Option<CaseResult>>,
    pub started_ms: f64,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq)]
struct Running {
    slot: usize,
    index: usize,
    case: Option<String>,
    sent_ms: f64,
}

impl CasesRun {
    /// Checks the whole scenario as a file (every case merged) and queues
    /// the base (when it has an `expect`) and every case.
    pub fn start(scenario: &Scenario, now_ms: f64) -> Result<CasesRun, String> {
        let text = serde_json::to_string(scenario).expect("a scenario serializes");
        let valid = parse_scenario(&text).map_err(|e| e.to_string())?;
        let pending: VecDeque<(usize, TestUnit)> = valid.all_units().into_iter().enumerate().collect();
        if pending.is_empty() {
            return Err("There are no cases to run: add one.".into());
        }
        let total = pending.len();
        Ok(CasesRun { total, pending, running: Vec::new(), finished: vec![None; total], started_ms: now_ms })
    }

    /// The next scenario for the worker in `slot`, if any is left.
    pub fn next(&mut self, slot: usize, now_ms: f64) -> Option<Scenario> {
        let (index, unit) = self.pending.pop_front()?;
        self.running.push(Running { slot, index, case: unit.case, sent_ms: now_ms });
        Some(unit.scenario)
    }

    /// The worker in `slot` sent its case's report.
    pub fn finished(&mut self, slot: usize, report: RunReport, now_ms: f64) {
        if let Some(at) = self.running.iter().position(|r| r.slot == slot) {
            let run = self.running.remove(at);
            self.finished[run.index] = Some(CaseResult { case: run.case, report, wall_ms: now_ms - run.sent_ms });
        }
    }

    /// Whether the worker in `slot` is running a case of this run.
    pub fn is_busy(&self, slot: usize) -> bool {
        self.running.iter().any(|r| r.slot == slot)
    }

    /// The results so far, in the file's order.
    pub fn results(&self) -> Vec<CaseResult> {
        self.finished.iter().flatten().cloned().collect()
    }

    pub fn done_count(&self) -> usize {
        self.finished.iter().flatten().count()
    }

    /// Stop: the cases running end (their reports still come), no other starts.
    pub fn cancel(&mut self) {
        self.pending.clear();
    }

    pub fn is_done(&self) -> bool {
        self.running.is_empty() && self.pending.is_empty()
    }

    /// A case running now.
    pub fn running_case(&self) -> Option<&str> {
        self.running.first().map(|r| r.case.as_deref().unwrap_or(BASE_LABEL))
    }
}

#[cfg(test)]
#[path = "cases_tests.rs"]
mod tests;
