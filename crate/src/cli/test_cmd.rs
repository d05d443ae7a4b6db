//! `test`: every scenario (or case) with `expect` under the given paths,
//! run in parallel (`-j`), optionally one CI machine's slice (`--shard`),
//! reported for people or CI systems (`--reporter`), again on change (`--watch`).

use super::pool::{run_all, News};
use super::progress::Progress;
use super::report::{self, Checked, Outcome, Reporter, Summary};
use super::test_options::TestOptions;
use super::units::{self, Shard, Unit};
use super::{usage_error, EXIT_FAILED, EXIT_INFRA, EXIT_INVALID, EXIT_OK};
use action_playground::compare::mismatches_ignoring;
use action_playground::Scenario;
use std::time::{Duration, Instant};

pub struct Options {
    pub jobs: usize,
    pub shard: Option<Shard>,
    pub reporters: Vec<String>,
    pub watch: bool,
    pub paths: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options { jobs: default_jobs(), shard: None, reporters: Vec::new(), watch: false, paths: Vec::new() };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        // `--flag value`, `--flag=value`, and `-j4`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ if arg.starts_with("-j") && arg.len() > 2 => ("-j", Some(arg[2..].to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| inline.clone().or_else(|| args.next().cloned()).ok_or(format!("{name} needs a value"));
        match flag {
            "-j" | "--jobs" => {
                options.jobs = value("-j")?.parse().ok().filter(|n| *n > 0).ok_or("-j takes a number of parallel runs (1 or more)")?;
            }
            "--shard" => options.shard = Some(Shard::parse(&value("--shard")?)?),
            "--reporter" => options.reporters.push(value("--reporter")?),
            "--watch" if inline.is_none() => options.watch = true,
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option '{arg}'")),
            _ => options.paths.push(arg.clone()),
        }
    }
    if options.paths.is_empty() {
        return Err("test needs at least one file or folder".into());
    }
    if options.reporters.is_empty() {
        options.reporters.push("human".into());
    }
    Ok(options)
}

/// One run per core: the runs are CPU-bound and never wait on each other.
fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

pub fn main(args: &[String]) -> i32 {
    let (test_options, args) = match TestOptions::take(args) {
        Ok(taken) => taken,
        Err(e) => return usage_error(Some(&e)),
    };
    if test_options.update || test_options.repeat > 1 {
        return super::test_serial::main(test_options, &args);
    }
    let options = match parse(&args) {
        Ok(options) => options,
        Err(e) => return usage_error(Some(&e)),
    };
    let paths: Vec<&str> = options.paths.iter().map(String::as_str).collect();
    let suite = match units::collect(&paths) {
        Ok(suite) => suite,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_INVALID;
        }
    };
    if suite.is_empty() {
        eprintln!("no scenario with `expect` under {}: nothing was tested", paths.join(", "));
        return EXIT_INVALID;
    }
    let whole = suite.len();
    let slice = match options.shard {
        Some(shard) => shard.select(suite),
        None => suite,
    };
    if slice.is_empty() {
        eprintln!("this shard has none of the suite's {whole} tests (more shards than tests)");
    }
    let status = check(&slice, &options);
    if options.watch {
        return super::watch::watch(&options, status);
    }
    status
}

/// Runs and reports `units`; the exit status.
pub fn check(units: &[Unit], options: &Options) -> i32 {
    let mut reporters: Vec<Box<dyn Reporter>> = Vec::new();
    for spec in &options.reporters {
        match report::open(spec) {
            Ok(reporter) => reporters.push(reporter),
            Err(e) => return usage_error(Some(&e)),
        }
    }
    let started = Instant::now();
    let runnable: Vec<usize> = (0..units.len()).filter(|&i| units[i].work.is_ok()).collect();
    let scenarios: Vec<&Scenario> = runnable.iter().filter_map(|&i| units[i].work.as_ref().ok()).collect();
    let mut summary = Summary::default();
    let mut progress = Progress::new(scenarios.len());
    let mut next_unit = 0;
    let mut infra = None;
    let mut emit = |unit: &Unit, outcome: Outcome, wall: Duration, summary: &mut Summary, progress: &mut Progress| {
        summary.count(&outcome);
        progress.clear();
        let checked = Checked { unit, outcome, wall };
        reporters.iter_mut().for_each(|r| r.checked(&checked));
    };
    run_all(&scenarios, options.jobs, |news| {
        let (k, result) = match news {
            News::Progress { done } => return progress.update(done, summary.failed),
            News::Result(k, result) => (k, result),
        };
        if infra.is_some() {
            return;
        }
        let (report, wall) = match result {
            Ok(done) => done,
            Err(e) => {
                infra = Some(e.0);
                return;
            }
        };
        // Invalid files are reported in their place in the suite's order.
        let at = runnable[k];
        for unit in &units[next_unit..at] {
            emit(unit, invalid(unit), Duration::ZERO, &mut summary, &mut progress);
        }
        next_unit = at + 1;
        let unit = &units[at];
        let scenario = unit.work.as_ref().expect("runnable units are valid");
        let expect = scenario.expect.as_ref().expect("units have an expect");
        let problems = mismatches_ignoring(expect, &report.to_json(), &scenario.ignore);
        let outcome = if problems.is_empty() { Outcome::Passed { runtime_ms: report.runtime_ms } } else { Outcome::Failed { problems } };
        emit(unit, outcome, wall, &mut summary, &mut progress);
    });
    if let Some(e) = infra {
        eprintln!("action-playground: {e}");
        return EXIT_INFRA;
    }
    for unit in &units[next_unit..] {
        emit(unit, invalid(unit), Duration::ZERO, &mut summary, &mut progress);
    }
    summary.wall = started.elapsed();
    reporters.iter_mut().for_each(|r| r.finish(&summary));
    if summary.invalid > 0 {
        EXIT_INVALID
    } else if summary.failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

fn invalid(unit: &Unit) -> Outcome {
    Outcome::Invalid(unit.work.as_ref().err().cloned().unwrap_or_default())
}
