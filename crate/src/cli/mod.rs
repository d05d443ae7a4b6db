//! Command-line front end. Exit status: 0 ok, 1 a test failed or the run
//! ended in error, 2 a scenario file could not be read or is invalid.

mod bench;
mod isolate;

mod test_cmd;

use action_playground::{parse_scenario, Scenario};
use std::path::{Path, PathBuf};

const USAGE: &str = "usage:
  action-playground run SCENARIO.json [--json]   run one scenario, print HubSpot's test panel (or the result JSON)
  action-playground test PATH...                 run every scenario with `expect` in these files/folders
  action-playground bench [PATH...]              context creation, run time and peak memory (median of runs)";

pub fn main(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some(isolate::CHILD_COMMAND) => isolate::child_main(),
        Some("run") => run_command(&args[1..]),
        Some("test") => test_cmd::main(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    }
}

/// Reads and validates a scenario file; the error is one line naming the file.
pub fn load(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    parse_scenario(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run_command(args: &[String]) -> i32 {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [file] = files.as_slice() else {
        eprintln!("{USAGE}");
        return 2;
    };
    let scenario = match load(Path::new(file.as_str())) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let report = isolate::run_isolated(&scenario);
    if json {
        let mut value = report.to_json();
        if let Some(map) = value.as_object_mut() {
            // Exactly the documented keys, in the documented order.
            let keep = ["status", "outputFields", "error", "logs", "requests", "runtimeMs", "memoryBytes", "crmChanges", "undeclaredOutputs"];
            map.retain(|k, _| keep.contains(&k.as_str()));
        }
        println!("{}", serde_json::to_string_pretty(&value).expect("json"));
    } else {
        let started = scenario.settings.now.clone().unwrap_or_else(|| jiff::Timestamp::now().to_string());
        print!("{}", action_playground::panel::render(&report, &scenario.code, &started));
    }
    match report.status {
        action_playground::report::Status::Success => 0,
        action_playground::report::Status::Error => 1,
    }
}

/// Scenario files under `path` (a file, or a folder walked in name order).
pub fn collect_scenarios(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "json") {
                collect_scenarios(&e, out);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}
