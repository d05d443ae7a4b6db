//! What one run accumulates while the action executes: logs, the first
//! failure, whether outputs were delivered. Shared by the natives.

use super::clock::VirtualClock;
use crate::report::{ErrorInfo, LogLine, RequestRecord};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Live notifications while a run goes on (the CLI streams them to survive
/// a killed run; the browser worker could paint them as they come).
pub trait RunObserver {
    fn on_log(&self, _line: &LogLine) {}
    fn on_request(&self, _request: &RequestRecord) {}
}

/// What one run accumulates. The scenario's parts (secrets, source,
/// observer, mocks) are set when the run starts: a context is prepared
/// before its scenario is known.
pub struct RunState {
    pub secrets: RefCell<Vec<(String, String)>>,
    /// The action as compiled (Node's wrapper included), for error wording.
    pub action_source: RefCell<String>,
    pub clock: Rc<VirtualClock>,
    pub logs: RefCell<Vec<LogLine>>,
    pub requests: RefCell<Vec<RequestRecord>>,
    pub error: RefCell<Option<ErrorInfo>>,
    pub delivered: Cell<bool>,
    pub exit_code: Cell<Option<i32>>,
    pub observer: RefCell<Option<Rc<dyn RunObserver>>>,
    pub memory_baseline: Cell<u64>,
    /// Starts when the action starts (after the Node layer is built).
    pub cpu_start: Cell<crate::engine::cpu::CpuTimer>,
    pub network: RefCell<crate::net::MockNetwork>,
    /// `settings.timezone`, for Intl's default time zone.
    pub time_zone: RefCell<String>,
    /// Whether the scenario's parts are set (false while a context is prepared).
    pub configured: Cell<bool>,
}

impl RunState {
    pub fn log(&self, level: &str, message: String) {
        let line = LogLine { level: level.to_string(), message };
        if let Some(o) = self.observer.borrow().as_ref() {
            o.on_log(&line);
        }
        self.logs.borrow_mut().push(line);
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
        self.requests.borrow_mut().push(request);
    }

    /// `process.hrtime`: the virtual clock plus the CPU time spent so far.
    pub fn hrtime_ns(&self) -> u128 {
        self.clock.elapsed_ns() + self.cpu_start.get().elapsed_ns()
    }

    pub fn memory_used(&self) -> u64 {
        crate::memory::current_bytes().saturating_sub(self.memory_baseline.get())
    }
}
