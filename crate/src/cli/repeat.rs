//! `test --repeat N`: one test run N times. An action whose result differs
//! between runs (an unset clock, randomness, an order that depends on
//! timing) is flaky; the differences say where.

use super::isolate::{run_isolated, InfraError};
use action_playground::compare::{expectation_of, mismatches_ignoring};
use action_playground::{RunReport, Scenario};

pub struct Repeated {
    /// The first run's report: the one checked against `expect`.
    pub report: RunReport,
    /// How later runs differed from the first (empty: the same every time).
    pub differences: Vec<String>,
}

/// Runs `scenario` `times` times (at least once), each in its own child.
pub fn run_repeated(scenario: &Scenario, times: u32) -> Result<Repeated, InfraError> {
    let report = run_isolated(scenario)?;
    let first = expectation_of(&report.to_json(), &scenario.ignore);
    let mut differences = Vec::new();
    for run in 2..=times {
        let again = run_isolated(scenario)?.to_json();
        let changed = mismatches_ignoring(&first, &again, &scenario.ignore);
        differences.extend(changed.into_iter().map(|what| format!("run {run} of {times} differs from run 1: {what}")));
    }
    Ok(Repeated { report, differences })
}
