//! `bench`: for each scenario, the median over several runs of preparing a
//! context, a run in a context prepared for the code (the browser worker's
//! path), a run from nothing (the CLI's path), and peak memory; then the
//! modules each run still compiles after preloading, and the cost of each
//! library's first `require`. Release builds only.

use action_playground::engine::{bench_context_creation, collect_garbage, prepare_for, run_prepared};
use action_playground::{memory, run, RunOptions};
use std::path::Path;
use std::time::Instant;

const RUNS: usize = 9;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    v[v.len() / 2]
}

pub fn main(args: &[String]) -> i32 {
    let paths: Vec<String> = if args.is_empty() { vec!["crate/tests/fixtures".into()] } else { args.to_vec() };
    let mut seen = std::collections::HashSet::new();
    let mut files = Vec::new();
    for p in &paths {
        if let Err(e) = super::collect_scenarios(Path::new(p), &mut files, &mut seen) {
            eprintln!("{e}");
            return super::EXIT_INVALID;
        }
    }
    let handle = std::thread::Builder::new().stack_size(super::isolate::RUN_STACK_BYTES).spawn(move || {
        println!("{:<34} {:>11} {:>11} {:>11} {:>9}", "scenario (median of 9)", "prepare ms", "warm run ms", "cold run ms", "peak MB");
        for f in &files {
            let Ok(scenario) = super::load(f) else { continue };
            let mut ctx_ms = Vec::new();
            let mut warm_ms = Vec::new();
            let mut run_ms = Vec::new();
            let mut peak = Vec::new();
            for _ in 0..RUNS {
                ctx_ms.push(bench_context_creation(&scenario));
                let Ok(prepared) = prepare_for(&scenario.code) else { continue };
                collect_garbage();
                let t = Instant::now();
                run_prepared(prepared, &scenario, &RunOptions::default());
                warm_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                let t = Instant::now();
                let report = run(&scenario, &RunOptions::default());
                run_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                peak.push(report.memory_bytes as f64 / 1_048_576.0);
            }
            let name = f.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            println!("{:<34} {:>11.2} {:>11.2} {:>11.2} {:>9.2}", name, median(ctx_ms), median(warm_ms), median(run_ms), median(peak));
        }
        println!();
        println!("modules a run still compiles after preloading (what its first result waits for)");
        for f in &files {
            let Ok(scenario) = super::load(f) else { continue };
            let loaded = action_playground::engine::modules_loaded_by(&scenario).unwrap_or_default();
            if !loaded.is_empty() {
                let name = f.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
                println!("{:<34} {}", name, loaded.join(" "));
            }
        }
        println!();
        println!("{:<44} {:>12}", "first require (median of 9)", "ms");
        for lib in ["lodash", "async", "bluebird", "axios", "@hubspot/api-client", "crypto", "buffer", "util"] {
            let Some(ms) = action_playground::engine::bench_require(lib, RUNS) else { continue };
            println!("{:<44} {:>12.2}", lib, ms);
        }
        let _ = memory::peak_bytes();
    });
    match handle.map(|h| h.join()) {
        Ok(Ok(())) => 0,
        _ => 1,
    }
}
