//! `test --watch`: after the run, polls the scenario files' modification
//! times and reruns the files that changed or appeared, until interrupted.
//! Polling (twice a second) needs no dependency and sees every file system,
//! network mounts and editors' rename-on-save included.

use super::test_cmd::{check, Options};
use super::units::units_of;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const POLL_EVERY: Duration = Duration::from_millis(500);

/// The scenario files under the paths and their modification times.
fn snapshot(paths: &[String]) -> HashMap<PathBuf, Option<SystemTime>> {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        // A path that went away for a moment (an editor's save) is simply absent.
        let _ = super::collect_scenarios(Path::new(path), &mut files, &mut seen);
    }
    files.into_iter().map(|f| (f.clone(), std::fs::metadata(&f).and_then(|m| m.modified()).ok())).collect()
}

pub fn watch(options: &Options, first_status: i32) -> i32 {
    let mut known = snapshot(&options.paths);
    eprintln!("watching {} for changes (Ctrl-C to stop); last run exited {first_status}", options.paths.join(", "));
    loop {
        std::thread::sleep(POLL_EVERY);
        let now = snapshot(&options.paths);
        let mut changed: Vec<&PathBuf> = now.iter().filter(|(file, time)| known.get(*file) != Some(time)).map(|(file, _)| file).collect();
        if changed.is_empty() {
            known = now;
            continue;
        }
        changed.sort();
        let units: Vec<_> = changed.iter().flat_map(|file| units_of(file)).collect();
        eprintln!("\n{} changed: rerunning {} test(s)", changed.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "), units.len());
        let status = check(&units, options);
        eprintln!("watching for changes; last run exited {status}");
        known = now;
    }
}
