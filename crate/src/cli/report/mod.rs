//! `test`'s reporters: the human one (a line per unit as it is known), JUnit
//! XML and JSON for CI systems (written once the suite is done). Each writes
//! to stdout or to a file (`--reporter junit=results.xml`).

mod human;
mod json;
mod junit;

use super::units::Unit;
use std::io::Write;
use std::time::Duration;

/// What checking one unit found.
pub enum Outcome {
    /// The run matched `expect`; `runtime_ms` is the run's own (virtual) runtime.
    Passed { runtime_ms: f64 },
    /// The differences, one line each, as `compare::mismatches` words them.
    Failed { problems: Vec<String> },
    /// The file cannot be read or is not a valid scenario.
    Invalid(String),
}

/// One checked unit: what it was, what was found, the wall time its run took.
pub struct Checked<'a> {
    pub unit: &'a Unit,
    pub outcome: Outcome,
    pub wall: Duration,
}

#[derive(Default, Clone, Copy)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub invalid: usize,
    pub wall: Duration,
}

impl Summary {
    pub fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Passed { .. } => self.passed += 1,
            Outcome::Failed { .. } => self.failed += 1,
            Outcome::Invalid(_) => self.invalid += 1,
        }
    }
}

pub trait Reporter {
    /// A unit's result, in the suite's order.
    fn checked(&mut self, checked: &Checked);
    /// The suite is done.
    fn finish(&mut self, summary: &Summary);
}

/// The reporter `spec` names (`human`, `junit`, `json`, each optionally
/// `=FILE`); checked before anything runs.
pub fn open(spec: &str) -> Result<Box<dyn Reporter>, String> {
    let (name, file) = match spec.split_once('=') {
        Some((name, file)) => (name, Some(file)),
        None => (spec, None),
    };
    let out: Box<dyn Write> = match file {
        Some(path) => Box::new(std::fs::File::create(path).map_err(|e| format!("{path}: cannot write: {e}"))?),
        None => Box::new(std::io::stdout()),
    };
    match name {
        "human" => Ok(Box::new(human::Human::new(out))),
        "junit" => Ok(Box::new(junit::Junit::new(out))),
        "json" => Ok(Box::new(json::Json::new(out))),
        _ => Err(format!("unknown reporter '{name}' (human, junit or json)")),
    }
}
