//! Each CLI run happens in a child process: the only sound way to stop a
//! synchronous infinite loop (boa has no interrupt) or an allocation bomb
//! without taking the CLI down. The child streams every log line as it
//! happens, so a killed run still shows what it printed.

use action_playground::engine::state::RunObserver;
use action_playground::report::{memory_message, timeout_message, LogLine, RequestRecord, RunReport};
use action_playground::{memory, run, RunOptions, Scenario};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The hidden sub-command the CLI re-executes itself with.
pub const CHILD_COMMAND: &str = "__run-isolated";

/// Stack for the run thread: deep JS recursion must end in RangeError, not SIGSEGV.
pub const RUN_STACK_BYTES: usize = 1 << 30;

/// Extra wall time a run gets beyond its limit before it is killed: the
/// engine stops itself at the limit when it can; the kill is for code that
/// never yields.
const KILL_GRACE: Duration = Duration::from_millis(1500);

struct StreamLines;

impl RunObserver for StreamLines {
    fn on_log(&self, line: &LogLine) {
        emit(&serde_json::json!({ "log": line }));
    }
    fn on_request(&self, request: &RequestRecord) {
        emit(&serde_json::json!({ "request": request }));
    }
}

fn emit(value: &serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{value}");
    let _ = out.flush();
}

/// Child side: scenario JSON on stdin, JSON lines on stdout.
pub fn child_main() -> i32 {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        return 3;
    }
    let Ok(scenario) = serde_json::from_str::<Scenario>(&text) else { return 3 };
    let limit = scenario.settings.memory_mb * 1024 * 1024;
    let handle = std::thread::Builder::new()
        .stack_size(RUN_STACK_BYTES)
        .spawn(move || {
            memory::set_limit(memory::current_bytes() + limit + limit / 2);
            let report = run(&scenario, &RunOptions { observer: Some(Rc::new(StreamLines)), ..Default::default() });
            memory::set_limit(0);
            emit(&serde_json::json!({ "report": report }));
        })
        .expect("spawn the run thread");
    match handle.join() {
        Ok(()) => 0,
        Err(_) => 4,
    }
}

/// Parent side: runs `scenario` in a child and always returns a report.
pub fn run_isolated(scenario: &Scenario) -> RunReport {
    let started = Instant::now();
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => return RunReport::platform_error("Error", format!("cannot find the CLI binary: {e}"), 0.0),
    };
    let mut child = match Command::new(exe).arg(CHILD_COMMAND).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() {
        Ok(c) => c,
        Err(e) => return RunReport::platform_error("Error", format!("cannot start the run: {e}"), 0.0),
    };
    let input = serde_json::to_string(scenario).expect("a scenario serializes");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel::<serde_json::Value>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str(&line) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        }
    });
    let mut stderr = child.stderr.take().expect("piped stderr");
    let deadline = started + Duration::from_millis(scenario.settings.timeout_ms) + KILL_GRACE;
    let mut logs = Vec::new();
    let mut requests = Vec::new();
    let mut report = None;
    let mut killed = false;
    loop {
        let now = Instant::now();
        if now >= deadline {
            let _ = child.kill();
            killed = true;
            break;
        }
        match rx.recv_timeout((deadline - now).min(Duration::from_millis(50))) {
            Ok(v) => {
                if let Some(r) = v.get("report") {
                    report = serde_json::from_value::<RunReport>(r.clone()).ok();
                } else if let Some(l) = v.get("log") {
                    logs.extend(serde_json::from_value::<LogLine>(l.clone()).ok());
                } else if let Some(r) = v.get("request") {
                    requests.extend(serde_json::from_value::<RequestRecord>(r.clone()).ok());
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait();
    let _ = reader.join();
    if let Some(report) = report {
        return report;
    }
    let mut err_text = String::new();
    let _ = stderr.read_to_string(&mut err_text);
    let mut failed = if killed {
        RunReport::platform_error("Error", timeout_message(scenario.settings.timeout_ms), scenario.settings.timeout_ms as f64)
    } else if err_text.contains("memory allocation of") {
        RunReport::platform_error("Error", memory_message(scenario.settings.memory_mb), started.elapsed().as_secs_f64() * 1000.0)
    } else {
        let why = match status {
            Ok(s) => format!("the run crashed ({s})"),
            Err(e) => format!("the run crashed ({e})"),
        };
        RunReport::platform_error("Error", format!("{why}: {}", err_text.lines().last().unwrap_or("")), started.elapsed().as_secs_f64() * 1000.0)
    };
    failed.logs = logs;
    failed.requests = requests;
    failed
}
