//! What one run accumulates while the action executes: logs, the first
//! failure, whether outputs were delivered. Shared by the natives.

use crate::report::{ErrorInfo, LogLine, RequestRecord, Status};
use crate::time::VirtualClock;
use crate::timeline::{log_preview, Happening, TimelineEvent};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Call depth at which the engine stops recursion (Node stops near 10,800
/// frames; boa's frames are bigger, and the run thread's stack is sized for this).
pub const RECURSION_LIMIT: usize = 10_000;
/// boa's own limit counts frames plus calls re-entering it from built-ins
/// (a callback of `map`, a getter: at most one per frame), so it is twice
/// the frames allowed: recursion through built-ins meets the catchable
/// check (on frames) first too.
pub const ENGINE_RECURSION_LIMIT: usize = 2 * RECURSION_LIMIT;
/// Values boa's VM stack may hold (a frame takes its registers and arguments).
pub const VALUE_STACK_LIMIT: usize = 2 << 20;
/// Depth at which the action's functions throw a catchable RangeError,
/// leaving boa's uncatchable limit room for the catch handler's own calls.
pub const CATCHABLE_DEPTH: usize = RECURSION_LIMIT - 200;

/// A run keeps at most this many log lines and bytes of log text, as
/// Lambda and HubSpot cap what a run may log: a runaway `console.log` loop
/// must not take the page down. What is dropped is counted and said.
pub const LOG_LINES_LIMIT: usize = 10_000;
pub const LOG_BYTES_LIMIT: usize = 4 << 20;

/// Live notifications while a run goes on (the CLI streams them to survive
/// a killed run; the browser worker could paint them as they come).
pub trait RunObserver {
    fn on_log(&self, _line: &LogLine) {}
    fn on_request(&self, _request: &RequestRecord) {}
}

/// Where the run's timeline stands: the events so far, the clock's offset
/// (an attempt of HubSpot's retries runs in a fresh context, its clock
/// restarted at the attempt's time) and which execution is running.
#[derive(Default)]
pub struct TimelineState {
    pub events: RefCell<Vec<TimelineEvent>>,
    pub offset_ms: Cell<f64>,
    pub execution: Cell<Option<usize>>,
}

/// What one run accumulates. The scenario's parts (secrets, source,
/// observer, mocks) are set when the run starts: a context is prepared
/// before its scenario is known.
pub struct RunState {
    pub secrets: RefCell<Vec<(String, String)>>,
    /// The action as written and as compiled (Node's wrapper, the hooks), for error wording.
    pub action_source: RefCell<crate::node::module::rewrite::Instrumented>,
    /// `action_source.text` parsed and compiled ahead of the run (by
    /// [`crate::engine::Prepared::compile_action`]), when that succeeded.
    pub compiled_action: RefCell<Option<boa_engine::Script>>,
    pub clock: Rc<VirtualClock>,
    pub logs: RefCell<Vec<LogLine>>,
    /// Bytes of log text kept, and lines dropped past the caps.
    pub log_bytes: Cell<usize>,
    pub logs_dropped: Cell<usize>,
    pub requests: RefCell<Vec<RequestRecord>>,
    pub error: RefCell<Option<ErrorInfo>>,
    pub delivered: Cell<bool>,
    pub exit_code: Cell<Option<i32>>,
    pub observer: RefCell<Option<Rc<dyn RunObserver>>>,
    pub memory_baseline: Cell<u64>,
    /// Starts when the action starts (after the Node layer is built).
    pub cpu_start: Cell<crate::time::CpuTimer>,
    pub network: RefCell<crate::net::MockNetwork>,
    /// `settings.timezone`, for Intl's default time zone.
    pub time_zone: RefCell<String>,
    /// Whether the scenario's parts are set (false while a context is prepared).
    pub configured: Cell<bool>,
    pub timeline: TimelineState,
    /// The 429/5xx status of the axios or HubSpot client error that failed
    /// the run (HubSpot retries the action on those).
    pub retry_status: Cell<Option<u16>>,
    /// The embedded modules compiled after the context was configured: what
    /// a run paid for that preloading could have done ahead (see
    /// `engine::modules_loaded_by`).
    pub loaded_in_run: RefCell<Vec<String>>,
}

impl RunState {
    pub fn log(&self, level: &str, message: String) {
        let bytes = self.log_bytes.get() + message.len();
        if self.logs.borrow().len() >= LOG_LINES_LIMIT || bytes > LOG_BYTES_LIMIT {
            self.logs_dropped.set(self.logs_dropped.get() + 1);
            return;
        }
        self.log_bytes.set(bytes);
        self.push_log(level, message);
    }

    /// Says how many lines the caps dropped (once, at the end of the run).
    pub fn note_dropped_logs(&self) {
        let dropped = self.logs_dropped.replace(0);
        if dropped > 0 {
            let message = format!(
                "[Action Playground] {dropped} more log line(s) were dropped: a run keeps its first {LOG_LINES_LIMIT} lines or {} MB of log text.",
                LOG_BYTES_LIMIT >> 20
            );
            self.push_log("warn", message);
        }
    }

    fn push_log(&self, level: &str, message: String) {
        let line = LogLine { level: level.to_string(), message };
        if let Some(o) = self.observer.borrow().as_ref() {
            o.on_log(&line);
        }
        self.note(Happening::Log { level: line.level.clone(), message: log_preview(&line.message) });
        self.logs.borrow_mut().push(line);
    }

    /// The run's clock as the timeline reads it (ms after the run started).
    pub fn timeline_now_ms(&self) -> f64 {
        self.timeline.offset_ms.get() + self.clock.elapsed_ms()
    }

    fn note_at(&self, at_ms: f64, what: Happening) {
        self.timeline.events.borrow_mut().push(TimelineEvent { at_ms, execution: self.timeline.execution.get(), what });
    }

    /// Notes an event on the timeline, now.
    pub fn note(&self, what: Happening) {
        self.note_at(self.timeline_now_ms(), what);
    }

    /// The execution ended at `now` (its runtime counts CPU time too): the
    /// timeline's `end`, and answers still pending past it dropped (the
    /// chart shows those requests open).
    pub fn note_end_at(&self, now: f64, status: Status, error: Option<String>) {
        let execution = self.timeline.execution.get();
        self.timeline.events.borrow_mut().retain(|e| e.execution != execution || e.at_ms <= now || !matches!(e.what, Happening::Response { .. }));
        self.note_at(now, Happening::End { status, error });
    }

    /// The timeline in time order (answers are noted when their request leaves).
    pub fn take_timeline(&self) -> Vec<TimelineEvent> {
        let mut events = self.timeline.events.take();
        events.sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
        events
    }

    pub fn record_error(&self, name: String, message: String) {
        let mut error = self.error.borrow_mut();
        if error.is_none() {
            *error = Some(ErrorInfo { name, message });
        }
    }

    pub fn record_request(&self, request: RequestRecord) {
        if let Some(o) = self.observer.borrow().as_ref() {
            o.on_request(&request);
        }
        let index = self.requests.borrow().len();
        let at = self.timeline_now_ms();
        self.note_at(at, Happening::Request { index, method: request.method.clone(), url: request.url.clone() });
        let latency_ms = request.latency_ms.unwrap_or(0);
        self.note_at(at + latency_ms as f64, Happening::Response { index, status: request.status, latency_ms });
        self.requests.borrow_mut().push(request);
    }

    /// Empties what one execution accumulated, for the next in this context.
    pub fn reset_execution(&self) {
        self.logs.borrow_mut().clear();
        self.log_bytes.set(0);
        self.logs_dropped.set(0);
        self.requests.borrow_mut().clear();
        *self.error.borrow_mut() = None;
        self.delivered.set(false);
        self.exit_code.set(None);
        self.retry_status.set(None);
    }

    /// `process.hrtime`: the virtual clock plus the CPU time spent so far.
    pub fn hrtime_ns(&self) -> u128 {
        self.clock.elapsed_ns() + self.cpu_start.get().elapsed_ns()
    }

    pub fn memory_used(&self) -> u64 {
        crate::memory::current_bytes().saturating_sub(self.memory_baseline.get())
    }
}
