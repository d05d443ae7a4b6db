//! `test`: every scenario with `expect` under the given paths, one line each.

use super::isolate::{run_isolated, InfraError};
use super::{split_args, usage_error, EXIT_FAILED, EXIT_INFRA, EXIT_INVALID, EXIT_OK};
use action_playground::compare::mismatches;
use std::collections::HashSet;
use std::path::Path;

pub fn main(args: &[String]) -> i32 {
    let paths = match split_args(args, &[]) {
        Ok((_, paths)) if !paths.is_empty() => paths,
        Ok(_) => return usage_error(Some("test needs at least one file or folder")),
        Err(e) => return usage_error(Some(&e)),
    };
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in &paths {
        if let Err(e) = super::collect_scenarios(Path::new(path), &mut files, &mut seen) {
            eprintln!("{e}");
            return EXIT_INVALID;
        }
    }
    let (mut passed, mut failed, mut invalid) = (0, 0, 0);
    for file in &files {
        let scenario = match super::load(file) {
            Ok(s) => s,
            Err(e) => {
                println!("INVALID {e}");
                invalid += 1;
                continue;
            }
        };
        let Some(expect) = scenario.expect.clone() else { continue };
        let label = scenario.name.clone().unwrap_or_else(|| file.display().to_string());
        let report = match run_isolated(&scenario) {
            Ok(report) => report,
            Err(InfraError(e)) => {
                eprintln!("action-playground: {e}");
                return EXIT_INFRA;
            }
        };
        let problems = mismatches(&expect, &report.to_json());
        if problems.is_empty() {
            println!("ok      {label} ({:.1} ms)", report.runtime_ms);
            passed += 1;
        } else {
            println!("FAILED  {label} [{}]", file.display());
            for p in problems {
                println!("          {p}");
            }
            failed += 1;
        }
    }
    if invalid > 0 {
        println!("{passed} passed, {failed} failed, {invalid} invalid");
        return EXIT_INVALID;
    }
    if passed + failed == 0 {
        eprintln!("no scenario with `expect` under {}: nothing was tested", paths.join(", "));
        return EXIT_INVALID;
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}
