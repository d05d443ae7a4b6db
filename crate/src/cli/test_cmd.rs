//! `test`: every scenario with `expect` under the given paths, one line each.

use super::isolate::run_isolated;
use action_playground::compare::mismatches;
use std::path::Path;

pub fn main(args: &[String]) -> i32 {
    if args.is_empty() {
        eprintln!("usage: action-playground test PATH...");
        return 2;
    }
    let mut files = Vec::new();
    for a in args {
        let p = Path::new(a);
        if !p.exists() {
            eprintln!("{a}: no such file or folder");
            return 2;
        }
        super::collect_scenarios(p, &mut files);
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
        let report = run_isolated(&scenario);
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
        return 2;
    }
    println!("{passed} passed, {failed} failed");
    i32::from(failed > 0)
}
