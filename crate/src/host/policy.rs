//! The sandbox's rules, the same for the CLI and the browser: how long a
//! guest may run before it is killed, how much it may allocate, and what a
//! killed run reports.

use super::event::RunEvent;
use crate::report::{memory_message, timeout_message, LogLine, RequestRecord, RunReport};
use crate::scenario::Settings;

/// Wall time a run gets past its `timeoutMs` before its guest is killed:
/// the engine stops itself at the limit whenever the code yields; the kill
/// is for code that never does (a synchronous infinite loop).
pub const KILL_GRACE_MS: u64 = 1_500;

/// When the host kills a guest that has not finished, in ms after the start:
/// each execution the run may make (warm runs, HubSpot's retries) has its limit.
pub fn kill_after_ms(settings: &Settings) -> u64 {
    let attempts = if settings.retries { crate::engine::MAX_ATTEMPTS } else { 1 };
    let executions = u64::from(settings.executions()).saturating_mul(attempts);
    settings.timeout_ms.saturating_mul(executions).saturating_add(KILL_GRACE_MS)
}

/// The allocator's cap for a run: its `memoryMb` above what was in use when
/// it started, plus half again, so the engine (which checks the limit
/// itself at the end) reports an overrun before the cap kills the guest.
pub fn memory_cap_bytes(in_use_at_start: u64, settings: &Settings) -> u64 {
    let limit = settings.memory_mb.saturating_mul(1024 * 1024);
    in_use_at_start.saturating_add(limit).saturating_add(limit / 2)
}

/// Why a host ended a run its guest did not finish.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    /// Past [`kill_after_ms`].
    Timeout,
    /// The memory cap refused an allocation (or the guest died after saying so).
    Memory,
    /// The user pressed Stop.
    ByUser,
    /// The guest died on its own; the text is what the platform said.
    Crashed(String),
}

/// What a host has heard of one run: the streamed logs and requests, and
/// the report when the guest finished.
#[derive(Debug, Default)]
pub struct Transcript {
    pub run: u32,
    pub logs: Vec<LogLine>,
    pub requests: Vec<RequestRecord>,
    pub memory_hit: bool,
    pub report: Option<RunReport>,
}

impl Transcript {
    pub fn new(run: u32) -> Self {
        Self { run, ..Self::default() }
    }

    /// Takes in an event of this run (others are ignored); true when it finished the run.
    pub fn accept(&mut self, event: RunEvent) -> bool {
        if event.run() != Some(self.run) {
            return false;
        }
        match event {
            RunEvent::Log { line, .. } => self.logs.push(line),
            RunEvent::Request { request, .. } => self.requests.push(request),
            RunEvent::MemoryLimit { .. } => self.memory_hit = true,
            RunEvent::Finished { report, .. } => {
                self.report = Some(*report);
                return true;
            }
            RunEvent::Ready { .. } | RunEvent::Linted { .. } | RunEvent::Upgraded { .. } => {}
        }
        false
    }

    /// The report of a run the host ended, with what the guest streamed before.
    pub fn stopped(self, stop: Stop, settings: &Settings, elapsed_ms: f64) -> RunReport {
        let stop = if self.memory_hit { Stop::Memory } else { stop };
        let mut report = match stop {
            Stop::Timeout => RunReport::platform_error("Error", timeout_message(settings.timeout_ms), settings.timeout_ms as f64),
            Stop::Memory => RunReport::platform_error("Error", memory_message(settings.memory_mb), elapsed_ms),
            Stop::ByUser => RunReport::platform_error("Error", "Stopped: the run was stopped before it finished.".into(), elapsed_ms),
            Stop::Crashed(what) => crashed(&what, elapsed_ms),
        };
        report.logs = self.logs;
        report.requests = self.requests;
        report
    }
}

/// A guest that died mid-run. Deep recursion can exhaust the platform's own
/// stack before the engine's limit: that is Node's RangeError, so it is
/// named as one; an allocation failure is the memory limit.
fn crashed(what: &str, elapsed_ms: f64) -> RunReport {
    if what.contains("Maximum call stack size exceeded") || what.contains("too much recursion") || what.contains("stack overflow") {
        RunReport::platform_error("RangeError", "Maximum call stack size exceeded".into(), elapsed_ms)
    } else {
        RunReport::platform_error("Error", format!("The engine stopped unexpectedly ({what}). Nothing else was affected; run it again."), elapsed_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    fn settings(timeout_ms: u64, memory_mb: u64) -> Settings {
        Settings { timeout_ms, memory_mb, ..Settings::default() }
    }

    #[test]
    fn limits_never_overflow() {
        assert_eq!(kill_after_ms(&settings(20_000, 128)), 21_500);
        assert_eq!(kill_after_ms(&settings(u64::MAX, 128)), u64::MAX);
        let warm = Settings { warm_runs: Some(3), ..settings(20_000, 128) };
        assert_eq!(kill_after_ms(&warm), 61_500);
        assert_eq!(memory_cap_bytes(10, &settings(1, 1)), 10 + (1 << 20) + (1 << 19));
        assert_eq!(memory_cap_bytes(10, &settings(1, 1 << 50)), u64::MAX);
    }

    #[test]
    fn a_killed_run_keeps_what_it_streamed_and_reads_as_hubspot_says() {
        let mut transcript = Transcript::new(4);
        let line = LogLine { level: "log".into(), message: "before the loop".into() };
        assert!(!transcript.accept(RunEvent::Log { run: 4, line: line.clone() }));
        assert!(!transcript.accept(RunEvent::Log { run: 3, line: LogLine { level: "log".into(), message: "an older run".into() } }));
        let report = transcript.stopped(Stop::Timeout, &settings(2_000, 128), 3_600.0);
        assert_eq!(report.status, Status::Error);
        assert_eq!(report.error.unwrap().message, "Task timed out after 2.00 seconds");
        assert_eq!(report.logs, vec![line]);
        assert_eq!(report.runtime_ms, 2_000.0);
    }

    #[test]
    fn a_guest_that_said_memory_then_died_is_the_memory_limit() {
        let mut transcript = Transcript::new(1);
        transcript.accept(RunEvent::MemoryLimit { run: 1 });
        let report = transcript.stopped(Stop::Crashed("unreachable".into()), &settings(20_000, 64), 5.0);
        assert!(report.error.unwrap().message.contains("memory limit of 64 MB"));
    }

    #[test]
    fn a_platform_stack_overflow_is_nodes_range_error() {
        let report = Transcript::new(1).stopped(Stop::Crashed("Uncaught RangeError: Maximum call stack size exceeded".into()), &settings(20_000, 128), 12.0);
        let error = report.error.unwrap();
        assert_eq!((error.name.as_str(), error.message.as_str()), ("RangeError", "Maximum call stack size exceeded"));
        let other = Transcript::new(1).stopped(Stop::Crashed("RuntimeError: unreachable".into()), &settings(20_000, 128), 3.0).error.unwrap();
        assert_eq!(other.name, "Error");
        assert!(other.message.contains("stopped unexpectedly") && other.message.contains("unreachable"));
    }
}
