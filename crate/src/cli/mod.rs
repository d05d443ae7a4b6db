//! Command-line front end. Exit status: 0 ok, 1 a test failed or the run
//! ended in error, 2 bad usage or a scenario file that cannot be read or is
//! invalid, 3 the machine failed (a run could not be started).

mod bench;
mod isolate;
mod lint_cmd;
mod pack_cmd;
mod pool;
mod progress;
mod repeat;
mod report;
#[cfg(target_os = "linux")]
mod shared_code;
mod test_cmd;
mod test_options;
mod test_serial;
mod units;
mod update;
mod upgrade_cmd;
mod watch;
#[cfg(target_os = "linux")]
mod zygote;

use action_playground::{parse_scenario, Scenario};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_INVALID: i32 = 2;
pub const EXIT_INFRA: i32 = 3;

const USAGE: &str = "usage:
  action-playground run SCENARIO.json [--json]   run one scenario, print HubSpot's test panel (or the result JSON)
  action-playground test [OPTIONS] PATH...       run every scenario and case with `expect` in these files/folders (`NAME › CASE`)
      -j N, --jobs N          N runs at a time (default: the number of cores); results print in the suite's order
      --shard I/N             only the I-th of N deterministic slices (a CI matrix runs 1/N … N/N)
      --reporter R[=FILE]     human (default), junit or json; to FILE instead of stdout; may be repeated
      --watch                 after the run, rerun the files that change
      --update                rewrite failing or missing case expectations from the results (one run at a time)
      --repeat N              run each N times and fail those whose results differ (one run at a time)
                              (PATH an exercise pack: each step's solution passes its checks, its starter fails them)
  action-playground lint PATH... [--json]         HubSpot lints over the scenarios' code (--explain RULE: why and the fix)
  action-playground upgrade FILE [--json] [--write OUT]  convert a Node.js 20 callback handler to Node.js 24, run both, show differences
  action-playground bench [PATH...]              context creation, run time and peak memory (median of runs)
exit status: 0 ok, 1 a run or test failed, 2 bad usage or an unreadable/invalid scenario, 3 the machine failed";

pub fn main(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some(isolate::CHILD_COMMAND) => isolate::child_main(),
        #[cfg(target_os = "linux")]
        Some(zygote::ZYGOTE_COMMAND) => zygote::zygote_main(),
        Some("run") => run_command(&args[1..]),
        Some("test") => test_with_packs(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some("lint") => lint_cmd::main(&args[1..]),
        Some("upgrade") => upgrade_cmd::main(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            EXIT_OK
        }
        _ => usage_error(None),
    }
}

/// `test`: exercise packs among the files are checked as packs
/// (`pack_cmd`), everything else goes to the scenario tests unchanged.
fn test_with_packs(args: &[String]) -> i32 {
    let (flags, operands): (Vec<&String>, Vec<&String>) = args.iter().partition(|a| a.starts_with('-') && *a != "-");
    let (mut files, mut seen) = (Vec::new(), HashSet::new());
    if operands.iter().any(|p| collect_scenarios(Path::new(p.as_str()), &mut files, &mut seen).is_err()) {
        return test_cmd::main(args);
    }
    let (packs, scenarios): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|f| pack_cmd::is_pack_file(f));
    if packs.is_empty() {
        return test_cmd::main(args);
    }
    let pack_status = pack_cmd::check_packs(&packs);
    if scenarios.is_empty() {
        return pack_status;
    }
    let rest: Vec<String> = flags.into_iter().cloned().chain(scenarios.iter().map(|p| p.display().to_string())).collect();
    pack_status.max(test_cmd::main(&rest))
}

/// Bad usage: says what was wrong (when known), then the usage; exit 2.
pub fn usage_error(what: Option<&str>) -> i32 {
    if let Some(what) = what {
        eprintln!("action-playground: {what}");
    }
    eprintln!("{USAGE}");
    EXIT_INVALID
}

/// Splits `args` into flags (checked against `known`) and operands.
pub fn split_args<'a>(args: &'a [String], known: &[&str]) -> Result<(Vec<&'a str>, Vec<&'a str>), String> {
    let (flags, operands): (Vec<&str>, Vec<&str>) = args.iter().map(String::as_str).partition(|a| a.starts_with('-') && *a != "-");
    match flags.iter().find(|f| !known.contains(f)) {
        Some(unknown) => Err(format!("unknown option '{unknown}'")),
        None => Ok((flags, operands)),
    }
}

/// Reads and validates a scenario file; the error is one line naming the file.
pub fn load(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    parse_scenario(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run_command(args: &[String]) -> i32 {
    let (flags, files) = match split_args(args, &["--json"]) {
        Ok(split) => split,
        Err(e) => return usage_error(Some(&e)),
    };
    let json = flags.contains(&"--json");
    let [file] = files.as_slice() else {
        return usage_error(Some("run takes one scenario file"));
    };
    let scenario = match load(Path::new(file)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_INVALID;
        }
    };
    let report = match isolate::run_isolated(&scenario) {
        Ok(report) => report,
        Err(isolate::InfraError(e)) => {
            eprintln!("action-playground: {e}");
            return EXIT_INFRA;
        }
    };
    if json {
        let mut value = report.to_json();
        if let Some(map) = value.as_object_mut() {
            // Exactly the documented keys, in the documented order.
            let keep = action_playground::report::RESULT_KEYS;
            map.retain(|k, _| keep.contains(&k.as_str()));
        }
        println!("{}", serde_json::to_string_pretty(&value).expect("json"));
    } else {
        let started = scenario.settings.now.clone().unwrap_or_else(|| jiff::Timestamp::now().to_string());
        print!("{}", action_playground::panel::render(&report, &scenario.code, &started, scenario.settings.timeout_ms));
    }
    match report.status {
        action_playground::report::Status::Success => EXIT_OK,
        action_playground::report::Status::Error => EXIT_FAILED,
    }
}

/// Scenario files under `path` (a file, or a folder walked in name order).
/// A folder reached twice (a symlink loop) is walked once; what cannot be
/// read is reported, never skipped silently.
pub fn collect_scenarios(path: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let real = std::fs::canonicalize(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if !seen.insert(real) {
        return Ok(());
    }
    let listing = std::fs::read_dir(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut entries = Vec::new();
    for entry in listing {
        entries.push(entry.map_err(|e| format!("{}: cannot read: {e}", path.display()))?.path());
    }
    entries.sort();
    for e in entries {
        if e.is_dir() || e.extension().is_some_and(|x| x == "json") {
            collect_scenarios(&e, out, seen)?;
        }
    }
    Ok(())
}
