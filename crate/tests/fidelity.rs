//! Runs every case of the shared fidelity corpus (`../shared/fidelity`, when
//! present) in the engine and compares with the reference result as
//! `shared/oracle/compare.py` does. Cases listed in `fidelity-gaps.txt` are
//! known not to match yet (each with its reason); the test fails if one of
//! them starts matching, so the list stays honest.

use action_playground::compare::{expectation_of, mismatches};
mod common;
use action_playground::parse_scenario;
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fidelity");
    dir.join("scenarios").is_dir().then_some(dir)
}

/// Each case of the corpus in name order: its name, scenario and expected result.
fn corpus_cases(dir: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("scenarios")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let expected = dir.join("expected").join(format!("{name}.json"));
            (name, path, expected)
        })
        .collect()
}

fn known_gaps() -> Vec<String> {
    include_str!("fidelity-gaps.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

fn run_case(scenario_path: &Path, expected_path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(scenario_path).expect("readable scenario");
    let scenario = match parse_scenario(&text) {
        Ok(s) => s,
        Err(e) => return vec![format!("invalid scenario: {e}")],
    };
    let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(expected_path).expect("expected result")).expect("json");
    mismatches(&expected, &common::report_json(scenario))
}

#[test]
fn shared_fidelity_corpus_matches_node() {
    let Some(dir) = corpus() else {
        eprintln!("../shared/fidelity not found: skipped");
        return;
    };
    let gaps = known_gaps();
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    for (name, path, expected) in corpus_cases(&dir) {
        let problems = run_case(&path, &expected);
        let is_gap = gaps.contains(&name);
        match (problems.is_empty(), is_gap) {
            (true, true) => fixed.push(name),
            (false, false) => failures.push(format!("{name}:\n    {}", problems.join("\n    "))),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "fidelity mismatches:\n{}", failures.join("\n"));
    assert!(fixed.is_empty(), "now matching, remove from fidelity-gaps.txt: {fixed:?}");
}

/// The same corpus through `action-playground test` as one suite, one run
/// at a time: every case then runs from the one zygote, whose context has
/// loaded what all the cases before it use, and must still get Node's result.
#[test]
fn shared_fidelity_corpus_matches_node_as_one_cli_suite() {
    let Some(dir) = corpus() else {
        eprintln!("../shared/fidelity not found: skipped");
        return;
    };
    let gaps = known_gaps();
    let suite = std::env::temp_dir().join(format!("ap-fidelity-suite-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&suite);
    std::fs::create_dir_all(&suite).unwrap();
    let mut count = 0;
    for (name, path, expected) in corpus_cases(&dir) {
        if gaps.contains(&name) {
            continue;
        }
        let mut scenario: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
        // What `compare.py` compares, as the scenario's expectation.
        scenario["expect"] = expectation_of(&expected, &[]);
        std::fs::write(suite.join(format!("{name}.json")), scenario.to_string()).unwrap();
        count += 1;
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_action-playground")).args(["test", "-j", "1"]).arg(&suite).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_dir_all(&suite);
    assert!(out.status.success(), "{text}");
    assert!(text.trim_end().ends_with(&format!("{count} passed, 0 failed")), "{text}");
}
