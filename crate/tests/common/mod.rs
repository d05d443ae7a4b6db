#![allow(dead_code)] // each test binary uses part of these helpers
//! Running JavaScript in the engine from integration tests: a scenario whose
//! code logs what the test reads back.

use action_playground::{parse_scenario, run, RunOptions, Scenario};

/// The run's report, run on a thread with the stack the CLI gives it.
pub fn run_report(scenario: Scenario) -> action_playground::RunReport {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run(&scenario, &RunOptions::default()))
        .expect("thread")
        .join()
        .expect("the engine never panics")
}

/// The run's report as JSON.
pub fn report_json(scenario: Scenario) -> serde_json::Value {
    run_report(scenario).to_json()
}

/// Runs `code` as the action's module body, with `exports.main` calling back
/// once it has run; returns every logged message, or the run's error.
pub fn run_logging(code: &str) -> Result<Vec<String>, String> {
    let action = format!("exports.main = async (event, callback) => {{\n{code}\ncallback({{ outputFields: {{}} }});\n}};");
    let scenario = serde_json::json!({ "version": 1, "code": action, "settings": { "timeoutMs": 300000, "memoryMb": 1024 } });
    let scenario = parse_scenario(&scenario.to_string()).map_err(|e| e.to_string())?;
    let json = report_json(scenario);
    if json["status"] != "success" {
        return Err(format!("{}", json["error"]));
    }
    Ok(json["logs"].as_array().unwrap().iter().map(|l| l["message"].as_str().unwrap_or("").to_string()).collect())
}
