//! `test --update` / `test --repeat N`: every scenario and case under the
//! given paths, one at a time, one line each (`NAME › CASE` for a case);
//! `--update` rewrites failing or missing expectations in place and
//! `--repeat` reports flaky results, as `test_options.rs` says. (Plain
//! `test` is the parallel runner of test_cmd.rs.)

use super::isolate::InfraError;
use super::repeat::run_repeated;
use super::test_options::TestOptions;
use super::{split_args, update, usage_error, EXIT_FAILED, EXIT_INFRA, EXIT_INVALID, EXIT_OK};
use action_playground::compare::{expectation_of, mismatches_ignoring};
use std::collections::HashSet;
use std::path::Path;

pub fn main(options: TestOptions, args: &[String]) -> i32 {
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
    let (mut passed, mut failed, mut invalid, mut updated) = (0, 0, 0, 0);
    for file in &files {
        let scenario = match super::load(file) {
            Ok(s) => s,
            Err(e) => {
                println!("INVALID {e}");
                invalid += 1;
                continue;
            }
        };
        let label = scenario.name.clone().unwrap_or_else(|| file.display().to_string());
        let units = if options.update { scenario.all_units() } else { scenario.test_units() };
        let mut new_expectations = Vec::new();
        for unit in units {
            let unit_label = unit.label(&label);
            let run = match run_repeated(&unit.scenario, options.repeat) {
                Ok(run) => run,
                Err(InfraError(e)) => {
                    eprintln!("action-playground: {e}");
                    return EXIT_INFRA;
                }
            };
            let (report, ignore) = (run.report.to_json(), &unit.scenario.ignore);
            let problems = match &unit.scenario.expect {
                Some(expect) => mismatches_ignoring(expect, &report, ignore),
                None => vec!["no expectation yet".to_string()],
            };
            if !run.differences.is_empty() {
                println!("FLAKY   {unit_label} [{}]", file.display());
                run.differences.iter().for_each(|d| println!("          {d}"));
                failed += 1;
            } else if problems.is_empty() {
                println!("ok      {unit_label} ({:.1} ms)", run.report.runtime_ms);
                passed += 1;
            } else if options.update {
                println!("updated {unit_label} [{}]", file.display());
                new_expectations.push((unit.case, expectation_of(&report, ignore)));
                updated += 1;
            } else {
                println!("FAILED  {unit_label} [{}]", file.display());
                problems.iter().for_each(|p| println!("          {p}"));
                failed += 1;
            }
        }
        if !new_expectations.is_empty() {
            if let Err(e) = update::write_expectations(file, &new_expectations) {
                eprintln!("{e}");
                return EXIT_INVALID;
            }
        }
    }
    let updated_note = if options.update { format!(", {updated} updated") } else { String::new() };
    if invalid > 0 {
        println!("{passed} passed, {failed} failed{updated_note}, {invalid} invalid");
        return EXIT_INVALID;
    }
    if passed + failed + updated == 0 {
        eprintln!("no scenario with `expect` under {}: nothing was tested", paths.join(", "));
        return EXIT_INVALID;
    }
    println!("{passed} passed, {failed} failed{updated_note}");
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}
