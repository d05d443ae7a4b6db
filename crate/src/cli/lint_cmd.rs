//! `action-playground lint FILE…`: the HubSpot lints (`lint/`) over scenario
//! files (or folders of them), as `file:line:column: severity [rule] message`
//! lines or, with `--json`, one array of `{ file, diagnostics }`. Exit 1 when
//! any finding is an error; `--explain RULE` prints a rule's explanation.

use super::{collect_scenarios, load, split_args, usage_error, EXIT_FAILED, EXIT_INVALID, EXIT_OK};
use action_playground::lint::{lint_scenario, rule, rules, Severity};
use std::collections::HashSet;
use std::path::Path;

pub fn main(args: &[String]) -> i32 {
    if let Some(at) = args.iter().position(|a| a == "--explain") {
        return explain(args.get(at + 1).map(String::as_str));
    }
    let (flags, paths) = match split_args(args, &["--json"]) {
        Ok(split) => split,
        Err(e) => return usage_error(Some(&e)),
    };
    if paths.is_empty() {
        return usage_error(Some("lint takes scenario files or folders"));
    }
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in &paths {
        if let Err(e) = collect_scenarios(Path::new(path), &mut files, &mut seen) {
            eprintln!("{e}");
            return EXIT_INVALID;
        }
    }
    let (mut errors, mut warnings, mut json) = (0, 0, Vec::new());
    for file in &files {
        let scenario = match load(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                return EXIT_INVALID;
            }
        };
        let diagnostics = lint_scenario(&scenario);
        for d in &diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            if !flags.contains(&"--json") {
                let severity = if d.severity == Severity::Error { "error" } else { "warning" };
                println!("{}:{}:{}: {severity} [{}] {}", file.display(), d.line, d.column, d.rule, d.message);
            }
        }
        json.push(serde_json::json!({ "file": file.display().to_string(), "diagnostics": diagnostics }));
    }
    if flags.contains(&"--json") {
        println!("{}", serde_json::to_string_pretty(&json).expect("json"));
    } else {
        println!("{} files: {errors} errors, {warnings} warnings", files.len());
    }
    if errors > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

fn explain(id: Option<&str>) -> i32 {
    match id.and_then(rule) {
        Some(rule) => {
            println!("{} ({:?}): {}\n\n{}", rule.id, rule.severity, rule.summary, rule.explanation);
            EXIT_OK
        }
        None => {
            let ids: Vec<&str> = rules().iter().map(|r| r.id).collect();
            usage_error(Some(&format!("--explain takes one of: {}", ids.join(", "))))
        }
    }
}
