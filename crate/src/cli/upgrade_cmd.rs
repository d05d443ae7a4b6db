//! `action-playground upgrade FILE [--json] [--write OUT]`: converts the
//! scenario's callback handler to Node.js 24's return style (`upgrade/`),
//! runs the original on Node.js 20 and the upgrade on Node.js 24, each in
//! its own guest, and shows the new code, what was left as written (with the
//! lint pointing at it) and every difference between the two runs. Exit 0
//! when the upgrade runs as the original did, else 1.

use super::{isolate, load, split_args, usage_error, EXIT_FAILED, EXIT_INFRA, EXIT_INVALID, EXIT_OK};
use action_playground::upgrade::{compare, upgrade_scenario};
use std::path::Path;

pub fn main(args: &[String]) -> i32 {
    let write_at = args.iter().position(|a| a == "--write");
    let out_path = write_at.and_then(|i| args.get(i + 1)).cloned();
    let rest: Vec<String> = args.iter().enumerate().filter(|(i, _)| write_at.is_none_or(|w| *i != w && *i != w + 1)).map(|(_, a)| a.clone()).collect();
    let (flags, files) = match split_args(&rest, &["--json"]) {
        Ok(split) => split,
        Err(e) => return usage_error(Some(&e)),
    };
    let ([file], true) = (files.as_slice(), write_at.is_none() || out_path.is_some()) else {
        return usage_error(Some("upgrade takes one scenario file (and --write OUT)"));
    };
    let original = match load(Path::new(file)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_INVALID;
        }
    };
    let (upgraded, result) = match upgrade_scenario(&original) {
        Ok(pair) => pair,
        Err(why) => {
            eprintln!("{file}: {why}");
            return EXIT_FAILED;
        }
    };
    let mut runs = Vec::new();
    for (label, before, after) in compare::pairs(&original, &upgraded) {
        let (before, after) = match (isolate::run_isolated(&before), isolate::run_isolated(&after)) {
            (Ok(b), Ok(a)) => (b, a),
            (Err(isolate::InfraError(e)), _) | (_, Err(isolate::InfraError(e))) => {
                eprintln!("action-playground: {e}");
                return EXIT_INFRA;
            }
        };
        let differences = compare::differences(&before, &after);
        runs.push((label, before, after, differences));
    }
    if let Some(out) = &out_path {
        let text = serde_json::to_string_pretty(&upgraded).expect("a scenario serializes") + "\n";
        if let Err(e) = std::fs::write(out, text) {
            eprintln!("{out}: cannot write: {e}");
            return EXIT_INVALID;
        }
    }
    let same = runs.iter().all(|(_, _, _, d)| d.is_empty());
    if flags.contains(&"--json") {
        let runs: Vec<_> = runs
            .iter()
            .map(|(label, before, after, differences)| {
                serde_json::json!({ "case": label, "node20": before.to_json(), "node24": after.to_json(), "differences": differences })
            })
            .collect();
        let json = serde_json::json!({ "code": result.code, "converted": result.converted, "left": result.left, "runs": runs });
        println!("{}", serde_json::to_string_pretty(&json).expect("json"));
    } else {
        println!("{}", result.code);
        println!("--- {} callback call(s) converted", result.converted);
        for d in &result.left {
            println!("left as written: {file}:{}:{}: [{}] {}", d.line, d.column, d.rule, d.message);
        }
        for (label, _, _, differences) in &runs {
            if differences.is_empty() {
                println!("same      {label}: Node.js 24 run identical to the Node.js 20 run");
            }
            for d in differences {
                println!("DIFFERS   {label}: {d}");
            }
        }
    }
    let kept_errors = result.left.iter().any(|d| d.severity == action_playground::lint::Severity::Error);
    if same && !kept_errors {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}
