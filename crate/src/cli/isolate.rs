//! Each CLI run happens in a child process: the only sound way to stop a
//! synchronous infinite loop (boa has no interrupt) or an allocation bomb
//! without taking the CLI down. This file only carries the host module's
//! events over the child's pipes; the rules (kill deadline, memory cap, the
//! report of a killed run) are `action_playground::host`'s.

use action_playground::host::{kill_after_ms, run_guest, RunEvent, RunRequest, Stop, Transcript};
use action_playground::{RunReport, Scenario};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The hidden sub-command the CLI re-executes itself with.
pub const CHILD_COMMAND: &str = "__run-isolated";

/// Stack for the run thread: deep JS recursion must end in RangeError, not SIGSEGV.
pub const RUN_STACK_BYTES: usize = 1 << 30;

/// The run could not happen at all (the machine, not the action).
#[derive(Debug)]
pub struct InfraError(pub String);

pub fn send_line(event: &RunEvent) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", event.encode());
    let _ = out.flush();
}

/// Child side: a run request on stdin, run events as JSON lines on stdout.
pub fn child_main() -> i32 {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        return 3;
    }
    let request = match RunRequest::decode(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return 3;
        }
    };
    let handle = std::thread::Builder::new()
        .stack_size(RUN_STACK_BYTES)
        .spawn(move || {
            run_guest(&request, None, send_line);
        })
        .expect("spawn the run thread");
    match handle.join() {
        Ok(()) => 0,
        Err(_) => 4,
    }
}

enum FromChild {
    Event(RunEvent),
    Unreadable(String),
}

/// Parent side: runs `scenario` in a child; a report whenever the child ran.
pub fn run_isolated(scenario: &Scenario) -> Result<RunReport, InfraError> {
    let started = Instant::now();
    let exe = std::env::current_exe().map_err(|e| InfraError(format!("cannot find the CLI binary: {e}")))?;
    let mut child = Command::new(exe)
        .arg(CHILD_COMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| InfraError(format!("cannot start the run: {e}")))?;
    let input = RunRequest::new(1, scenario.clone()).encode();
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    // Both pipes are drained while the child runs: a chatty child must never block.
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel::<FromChild>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let message = match RunEvent::decode(&line) {
                Ok(event) => FromChild::Event(event),
                Err(e) => FromChild::Unreadable(e),
            };
            if tx.send(message).is_err() {
                break;
            }
        }
    });
    let mut stderr = child.stderr.take().expect("piped stderr");
    let stderr_reader = std::thread::spawn(move || read_tail(&mut stderr));

    let deadline = started + Duration::from_millis(kill_after_ms(&scenario.settings));
    let mut transcript = Transcript::new(1);
    let mut unreadable = None;
    let mut stop = None;
    loop {
        let now = Instant::now();
        if now >= deadline {
            let _ = child.kill();
            stop = Some(Stop::Timeout);
            break;
        }
        match rx.recv_timeout((deadline - now).min(Duration::from_millis(50))) {
            Ok(FromChild::Event(event)) => {
                if transcript.accept(event) {
                    break;
                }
            }
            Ok(FromChild::Unreadable(e)) => unreadable = unreadable.or(Some(e)),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait();
    let _ = reader.join();
    let _ = writer.join();
    let err_text = stderr_reader.join().unwrap_or_default();
    let status = match status {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(e.to_string()),
    };
    Ok(conclude(transcript, stop, unreadable, status, &err_text, scenario, started))
}

/// The report of a run a host watched: the guest's own when it finished,
/// else the one its stop (the host's kill, the memory cap, a crash read from
/// the guest's exit `status` and `stderr`) calls for. Shared by both isolations.
pub fn conclude(
    mut transcript: Transcript,
    stop: Option<Stop>,
    unreadable: Option<String>,
    status: Result<String, String>,
    stderr: &str,
    scenario: &Scenario,
    started: Instant,
) -> RunReport {
    if let Some(report) = transcript.report.take() {
        return report;
    }
    let stop = stop.unwrap_or_else(|| {
        if stderr.contains("memory allocation of") {
            return Stop::Memory;
        }
        let why = match (&unreadable, status) {
            (Some(e), _) => e.clone(),
            (None, Ok(s)) => format!("{s}: {}", stderr.lines().last().unwrap_or("")),
            (None, Err(e)) => e,
        };
        Stop::Crashed(why)
    });
    transcript.stopped(stop, &scenario.settings, started.elapsed().as_secs_f64() * 1000.0)
}

/// What a guest wrote on stderr until it closed, the last 64 KB of it:
/// enough to say why it died, never blocking a chatty one.
pub fn read_tail(from: &mut impl Read) -> String {
    let mut text = String::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 {
            break;
        }
        text.push_str(&String::from_utf8_lossy(&buf[..n]));
        if text.len() > 1 << 16 {
            let cut = text.len() - (1 << 15);
            let cut = (cut..text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
            text.drain(..cut);
        }
    }
    text
}
