//! The shipped exercise packs (web/packs/*.json): every step's solution
//! passes all its checks and its starter code fails at least one, run by
//! the engine as the browser's Check runs them.

use action_playground::pack::{check_outcome, parse_pack, Step};
use action_playground::{run, RunOptions};
use std::path::Path;

fn outcomes(step: &Step, code: &str) -> Vec<action_playground::pack::CheckOutcome> {
    step.checks(code)
        .into_iter()
        .map(|unit| {
            let scenario = unit.scenario.clone();
            let report = std::thread::Builder::new().stack_size(1 << 30).spawn(move || run(&scenario, &RunOptions::default())).unwrap().join().unwrap();
            check_outcome(&unit, &report)
        })
        .collect()
}

#[test]
fn every_shipped_step_passes_with_its_solution_and_fails_with_its_starter() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/packs");
    let mut steps = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let pack = parse_pack(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for step in &pack.steps {
            for outcome in outcomes(step, &step.solution) {
                assert!(outcome.passed, "{} › {}: the solution fails “{}”: {:?}", pack.id, step.id, outcome.name, outcome.reasons);
            }
            let starter = outcomes(step, &step.scenario.code);
            let failing: Vec<_> = starter.iter().filter(|o| !o.passed).collect();
            assert!(!failing.is_empty(), "{} › {}: the starter passes every check", pack.id, step.id);
            // A failing check says why in the learner's terms (never an empty reason).
            assert!(failing.iter().all(|o| !o.reasons.is_empty() && o.reasons.iter().all(|r| !r.is_empty())));
            steps += 1;
        }
    }
    assert!(steps >= 10, "the beginner course has ten steps, found {steps}");
}
