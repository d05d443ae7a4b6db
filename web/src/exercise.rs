//! An open exercise pack, without a DOM: which step, the learner's code per
//! step, hints shown, the checks of a Check in flight, and the progress kept
//! in local storage per pack (`action-playground.pack.<id>`). Packs open
//! from the built-in list, a file, or a link (`#pack=<id>` for a built-in,
//! `#p1.<deflate+base64url>` for any pack): never from a server.

use crate::share;
use action_playground::pack::{check_outcome, parse_pack, CheckOutcome, Pack, Step};
use action_playground::report::RunReport;
use action_playground::scenario::TestUnit;
use action_playground::Scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Link prefix of a whole pack in the fragment.
pub const PACK_LINK_PREFIX: &str = "p1.";
/// Link prefix of a built-in pack by id.
pub const BUILTIN_LINK_PREFIX: &str = "pack=";
pub const PROGRESS_PREFIX: &str = "action-playground.pack.";

/// The packs shipped in web/packs/.
pub const BUILTIN: &[(&str, &str)] = &[("hubspot-custom-code-beginner", include_str!("../packs/beginner-course.json"))];

/// What the learner did in a pack; kept per pack id.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Progress {
    pub step: usize,
    /// Steps whose checks all passed.
    pub done: Vec<String>,
    /// The learner's code per step id (absent: the starter code).
    pub code: BTreeMap<String, String>,
    pub hints: BTreeMap<String, usize>,
    /// The pack itself when it is not built in (a file or a link), so a reload reopens it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub pack: Pack,
    pub progress: Progress,
    pub solution_shown: bool,
    /// The last Check's verdicts (cleared when the step changes).
    pub outcomes: Option<Vec<CheckOutcome>>,
    pending: Vec<TestUnit>,
    finished: Vec<CheckOutcome>,
}

/// A built-in pack's text by id.
pub fn builtin(id: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(b, _)| *b == id).map(|(_, text)| *text)
}

/// The pack a fragment names, if it names one (`None`: not a pack link).
pub fn pack_from_link(fragment: &str) -> Option<Result<(Pack, Option<String>), String>> {
    let fragment = fragment.trim_start_matches('#');
    if let Some(id) = fragment.strip_prefix(BUILTIN_LINK_PREFIX) {
        let text = builtin(id).ok_or_else(|| format!("There is no built-in course called “{id}”."));
        return Some(text.and_then(|t| parse_pack(t).map(|p| (p, None))));
    }
    let body = fragment.strip_prefix(PACK_LINK_PREFIX)?;
    Some(share::unpack(body).and_then(|text| parse_pack(&text).map(|p| (p, Some(text)))).map_err(|e| format!("This course link cannot be opened: {e}")))
}

/// The fragment (without `#`) that opens this pack text.
pub fn pack_link(text: &str) -> String {
    format!("{PACK_LINK_PREFIX}{}", share::pack_text(text))
}

impl Exercise {
    /// Opens `pack` with its stored progress (`stored`: the record's text).
    pub fn open(pack: Pack, source: Option<String>, stored: Option<&str>) -> Self {
        let mut progress: Progress = stored.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        progress.step = progress.step.min(pack.steps.len() - 1);
        if source.is_some() {
            progress.source = source;
        }
        Exercise { pack, progress, solution_shown: false, outcomes: None, pending: Vec::new(), finished: Vec::new() }
    }

    pub fn storage_key(&self) -> String {
        format!("{PROGRESS_PREFIX}{}", self.pack.id)
    }

    pub fn progress_json(&self) -> String {
        serde_json::to_string(&self.progress).expect("progress serializes")
    }

    pub fn step(&self) -> &Step {
        &self.pack.steps[self.progress.step]
    }

    pub fn code(&self) -> String {
        self.progress.code.get(&self.step().id).cloned().unwrap_or_else(|| self.step().scenario.code.clone())
    }

    pub fn set_code(&mut self, code: String) {
        let id = self.step().id.clone();
        if code == self.step().scenario.code {
            self.progress.code.remove(&id);
        } else {
            self.progress.code.insert(id, code);
        }
    }

    /// The scenario Test runs: the step's example with the learner's code.
    pub fn playground(&self) -> Scenario {
        self.step().playground(&self.code())
    }

    pub fn go(&mut self, index: usize) {
        if index < self.pack.steps.len() && !self.checking() {
            self.progress.step = index;
            self.solution_shown = false;
            self.outcomes = None;
        }
    }

    pub fn hints_shown(&self) -> usize {
        self.progress.hints.get(&self.step().id).copied().unwrap_or(0).min(self.step().hints.len())
    }

    pub fn reveal_hint(&mut self) {
        let next = (self.hints_shown() + 1).min(self.step().hints.len());
        let id = self.step().id.clone();
        self.progress.hints.insert(id, next);
    }

    pub fn is_done(&self, step: &Step) -> bool {
        self.progress.done.contains(&step.id)
    }

    pub fn checking(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Starts a Check: the first run to make.
    pub fn start_check(&mut self) -> Option<Scenario> {
        if self.checking() {
            return None;
        }
        self.finished.clear();
        self.pending = self.step().checks(&self.code());
        self.pending.reverse();
        self.pending.last().map(|u| u.scenario.clone())
    }

    /// Records the report of the run in flight; the next run to make, or
    /// `None` when the Check is over (then `outcomes` holds the verdicts).
    pub fn check_finished(&mut self, report: &RunReport) -> Option<Scenario> {
        let unit = self.pending.pop()?;
        self.finished.push(check_outcome(&unit, report));
        if let Some(next) = self.pending.last() {
            return Some(next.scenario.clone());
        }
        let outcomes = std::mem::take(&mut self.finished);
        let id = self.step().id.clone();
        if outcomes.iter().all(|o| o.passed) && !self.progress.done.contains(&id) {
            self.progress.done.push(id);
        }
        self.outcomes = Some(outcomes);
        None
    }

    /// Ends a Check that cannot go on (the engine stopped).
    pub fn abandon_check(&mut self) {
        self.pending.clear();
        self.finished.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use action_playground::report::Status;

    fn report(outputs: serde_json::Value) -> RunReport {
        let mut r = RunReport::platform_error("x", String::new(), 0.0);
        r.status = Status::Success;
        r.error = None;
        r.output_fields = Some(outputs);
        r
    }

    fn course() -> Exercise {
        let (pack, source) = pack_from_link("#pack=hubspot-custom-code-beginner").unwrap().unwrap();
        Exercise::open(pack, source, None)
    }

    #[test]
    fn a_check_runs_every_hidden_case_then_marks_the_step() {
        let mut ex = course();
        assert_eq!(ex.step().id, "reading-inputs");
        let first = ex.start_check().unwrap();
        assert_eq!(first.event["inputFields"]["email"], "ada@Example.com");
        assert!(ex.checking());
        let second = ex.check_finished(&report(serde_json::json!({"email_domain": ""}))).unwrap();
        assert_eq!(second.event["inputFields"]["email"], "grace@NAVY.MIL");
        assert!(ex.check_finished(&report(serde_json::json!({"email_domain": "navy.mil"}))).is_none());
        let outcomes = ex.outcomes.clone().unwrap();
        assert_eq!((outcomes[0].passed, outcomes[1].passed), (false, true));
        assert_eq!(outcomes[0].reasons, vec!["Output email_domain should be \"example.com\", but it was \"\".".to_string()]);
        assert!(ex.progress.done.is_empty());
        ex.start_check();
        ex.check_finished(&report(serde_json::json!({"email_domain": "example.com"})));
        ex.check_finished(&report(serde_json::json!({"email_domain": "navy.mil"})));
        assert_eq!(ex.progress.done, vec!["reading-inputs".to_string()]);
    }

    #[test]
    fn progress_survives_a_reload() {
        let mut ex = course();
        ex.go(2);
        ex.set_code("// mine".into());
        ex.reveal_hint();
        let stored = ex.progress_json();
        let (pack, _) = pack_from_link("pack=hubspot-custom-code-beginner").unwrap().unwrap();
        let again = Exercise::open(pack, None, Some(&stored));
        assert_eq!((again.step().id.as_str(), again.code().as_str(), again.hints_shown()), ("secrets", "// mine", 1));
    }

    #[test]
    fn a_pack_travels_in_a_link() {
        let text = builtin("hubspot-custom-code-beginner").unwrap();
        let (pack, source) = pack_from_link(&pack_link(text)).unwrap().unwrap();
        assert_eq!((pack.steps.len(), source.as_deref()), (10, Some(text)));
        assert!(pack_from_link("s1.abc").is_none());
        assert!(pack_from_link("pack=nope").unwrap().is_err());
        assert!(pack_from_link("p1.@@").unwrap().is_err());
    }
}
