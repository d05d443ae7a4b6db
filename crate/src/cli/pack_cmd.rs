//! `test PACK.json`: checks an exercise pack. For every step, the solution
//! must pass every check and the starter code must fail at least one (a
//! starter that already passes teaches nothing). Packs are recognised among
//! the files `test` is given; the other files go to the scenario tests.

use super::isolate::{run_isolated, InfraError};
use super::{EXIT_FAILED, EXIT_INFRA, EXIT_INVALID, EXIT_OK};
use action_playground::pack::{check_outcome, looks_like_pack, parse_pack, CheckOutcome, Step};
use std::path::{Path, PathBuf};

/// Whether the file at `path` is a pack (read errors: not a pack; the scenario loader reports them).
pub fn is_pack_file(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| looks_like_pack(&text))
}

/// Checks these pack files; prints one line per step and a summary.
pub fn check_packs(files: &[PathBuf]) -> i32 {
    let (mut passed, mut failed) = (0, 0);
    for file in files {
        let pack = match std::fs::read_to_string(file).map_err(|e| e.to_string()).and_then(|t| parse_pack(&t)) {
            Ok(pack) => pack,
            Err(e) => {
                println!("INVALID {}: {e}", file.display());
                return EXIT_INVALID;
            }
        };
        for step in &pack.steps {
            let label = format!("{} › {}", pack.title, step.title);
            let (solution, starter) = match (run_checks(step, &step.solution), run_checks(step, &step.scenario.code)) {
                (Ok(solution), Ok(starter)) => (solution, starter),
                (Err(InfraError(e)), _) | (_, Err(InfraError(e))) => {
                    eprintln!("action-playground: {e}");
                    return EXIT_INFRA;
                }
            };
            let solution_failures: Vec<&CheckOutcome> = solution.iter().filter(|o| !o.passed).collect();
            let starter_failures = starter.iter().filter(|o| !o.passed).count();
            if solution_failures.is_empty() && starter_failures > 0 {
                println!("ok      {label} (solution passes {} checks, starter fails {starter_failures})", solution.len());
                passed += 1;
                continue;
            }
            println!("FAILED  {label} [{}]", file.display());
            for outcome in solution_failures {
                println!("          the solution fails “{}”: {}", outcome.name, outcome.reasons.join(" "));
            }
            if starter_failures == 0 {
                println!("          the starter code already passes every check");
            }
            failed += 1;
        }
    }
    println!("{passed} steps passed, {failed} failed");
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

fn run_checks(step: &Step, code: &str) -> Result<Vec<CheckOutcome>, InfraError> {
    step.checks(code).iter().map(|unit| Ok(check_outcome(unit, &run_isolated(&unit.scenario)?))).collect()
}
