//! Running a scenario off the page's thread. The page side ([`Runner`]) owns
//! one Web Worker (`bin/worker.rs`, which calls [`worker_main`]): it posts a
//! scenario, collects the streamed logs, and when a run passes its limit —
//! boa cannot be interrupted — terminates the worker, reports the run as
//! HubSpot words it, and starts a fresh worker. A crashed worker is reported
//! the same way, never left as a frozen panel.

use crate::protocol::{FromWorker, ToWorker};
use action_playground::report::{memory_message, timeout_message, LogLine, RequestRecord};
use action_playground::RunReport;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The loader shim Trunk writes for the `worker` binary.
const WORKER_SCRIPT: &str = "./worker_loader.js";

/// Wall time a run gets past its `timeoutMs` before the worker is killed:
/// the engine stops itself at the limit whenever the code yields; the kill is
/// for code that never does (a synchronous infinite loop).
const KILL_GRACE_MS: u32 = 1_500;

/// What the page hears from a run.
#[derive(Debug, Clone, PartialEq)]
pub enum RunEvent {
    /// The worker is loaded and can run (first load, or after a restart).
    Ready,
    Log(LogLine),
    Request(RequestRecord),
    /// The run ended: its report (also when the page had to stop it).
    Finished(RunReport),
}

struct Current {
    id: u32,
    timeout_ms: u64,
    memory_mb: u64,
    started: f64,
    logs: Vec<LogLine>,
    requests: Vec<RequestRecord>,
    memory_hit: bool,
    kill_timer: Option<gloo::timers::callback::Timeout>,
}

struct Inner {
    worker: RefCell<Option<web_sys::Worker>>,
    ready: Cell<bool>,
    pending: RefCell<Option<String>>,
    current: RefCell<Option<Current>>,
    next_id: Cell<u32>,
    notify: Box<dyn Fn(RunEvent)>,
    // The worker's handlers, kept alive as long as the runner.
    handlers: RefCell<Vec<Closure<dyn FnMut(web_sys::Event)>>>,
}

/// The page's handle on the engine worker.
#[derive(Clone)]
pub struct Runner(Rc<Inner>);

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Runner {
    pub fn new(notify: impl Fn(RunEvent) + 'static) -> Self {
        let runner = Runner(Rc::new(Inner {
            worker: RefCell::new(None),
            ready: Cell::new(false),
            pending: RefCell::new(None),
            current: RefCell::new(None),
            next_id: Cell::new(1),
            notify: Box::new(notify),
            handlers: RefCell::new(Vec::new()),
        }));
        runner.spawn();
        runner
    }

    pub fn is_running(&self) -> bool {
        self.0.current.borrow().is_some()
    }

    /// Runs `scenario` (the format's JSON); the result comes as [`RunEvent::Finished`].
    pub fn run(&self, scenario: &action_playground::Scenario) {
        if self.is_running() {
            return;
        }
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        let settings = &scenario.settings;
        let grace = settings.timeout_ms.min(u32::MAX as u64 - KILL_GRACE_MS as u64) as u32 + KILL_GRACE_MS;
        let weak = Rc::downgrade(&self.0);
        let kill_timer = gloo::timers::callback::Timeout::new(grace, move || {
            if let Some(inner) = weak.upgrade() {
                Runner(inner).stop_current(StopReason::Timeout);
            }
        });
        *self.0.current.borrow_mut() = Some(Current {
            id,
            timeout_ms: settings.timeout_ms,
            memory_mb: settings.memory_mb,
            started: now_ms(),
            logs: Vec::new(),
            requests: Vec::new(),
            memory_hit: false,
            kill_timer: Some(kill_timer),
        });
        let scenario = serde_json::to_value(scenario).expect("a scenario serializes");
        let message = ToWorker::Run { id, scenario }.encode();
        if self.0.ready.get() {
            self.post(&message);
        } else {
            *self.0.pending.borrow_mut() = Some(message);
        }
    }

    fn post(&self, message: &str) {
        if let Some(worker) = self.0.worker.borrow().as_ref() {
            if worker.post_message(&JsValue::from_str(message)).is_err() {
                self.stop_current(StopReason::Crashed("the worker refused the scenario".into()));
            }
        }
    }

    fn spawn(&self) {
        self.0.ready.set(false);
        self.0.handlers.borrow_mut().clear();
        let options = web_sys::WorkerOptions::new();
        options.set_name("engine");
        let worker = match web_sys::Worker::new_with_options(WORKER_SCRIPT, &options) {
            Ok(w) => w,
            Err(e) => {
                self.stop_current(StopReason::Crashed(format!("the engine worker cannot start: {}", js_text(&e))));
                return;
            }
        };
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(inner) = weak.upgrade() else { return };
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
            if let Some(message) = event.data().as_string().and_then(|t| FromWorker::decode(&t)) {
                Runner(inner).on_message(message);
            }
        });
        let weak = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let Some(inner) = weak.upgrade() else { return };
            let what = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the engine worker stopped".into());
            Runner(inner).on_crash(what);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.0.handlers.borrow_mut().extend([on_message, on_error]);
        *self.0.worker.borrow_mut() = Some(worker);
    }

    fn on_message(&self, message: FromWorker) {
        let current_id = self.0.current.borrow().as_ref().map(|c| c.id);
        match message {
            FromWorker::Ready => {
                self.0.ready.set(true);
                (self.0.notify)(RunEvent::Ready);
                if let Some(pending) = self.0.pending.borrow_mut().take() {
                    self.post(&pending);
                }
            }
            FromWorker::Log { id, line } if Some(id) == current_id => {
                if let Some(c) = self.0.current.borrow_mut().as_mut() {
                    c.logs.push(line.clone());
                }
                (self.0.notify)(RunEvent::Log(line));
            }
            FromWorker::Request { id, request } if Some(id) == current_id => {
                if let Some(c) = self.0.current.borrow_mut().as_mut() {
                    c.requests.push(request.clone());
                }
                (self.0.notify)(RunEvent::Request(request));
            }
            FromWorker::Report { id, report } if Some(id) == current_id => {
                self.0.current.borrow_mut().take();
                (self.0.notify)(RunEvent::Finished(report));
            }
            FromWorker::MemoryLimit { id } if Some(id) == current_id => {
                if let Some(c) = self.0.current.borrow_mut().as_mut() {
                    c.memory_hit = true;
                }
                self.stop_current(StopReason::Memory);
            }
            _ => {}
        }
    }

    fn on_crash(&self, what: String) {
        let memory_hit = self.0.current.borrow().as_ref().is_some_and(|c| c.memory_hit);
        if memory_hit {
            self.stop_current(StopReason::Memory);
        } else if self.is_running() {
            self.stop_current(StopReason::Crashed(what));
        } else {
            // Died between runs (or while loading): start over quietly.
            self.restart();
        }
    }

    fn restart(&self) {
        if let Some(worker) = self.0.worker.borrow_mut().take() {
            worker.terminate();
        }
        self.spawn();
    }

    /// Ends the current run from the page's side and replaces the worker.
    fn stop_current(&self, reason: StopReason) {
        let Some(mut current) = self.0.current.borrow_mut().take() else {
            self.restart();
            return;
        };
        current.kill_timer.take();
        self.restart();
        let elapsed = now_ms() - current.started;
        let mut report = match reason {
            StopReason::Timeout => RunReport::platform_error("Error", timeout_message(current.timeout_ms), current.timeout_ms as f64),
            StopReason::Memory => RunReport::platform_error("Error", memory_message(current.memory_mb), elapsed),
            StopReason::Crashed(what) => crashed_report(&what, elapsed),
        };
        report.logs = current.logs;
        report.requests = current.requests;
        (self.0.notify)(RunEvent::Finished(report));
    }
}

enum StopReason {
    Timeout,
    Memory,
    Crashed(String),
}

/// A worker that died mid-run. Deep recursion can exhaust the browser's own
/// stack before boa's limit: that is Node's RangeError, so it is named as one.
fn crashed_report(what: &str, elapsed: f64) -> RunReport {
    if what.contains("Maximum call stack size exceeded") || what.contains("too much recursion") {
        RunReport::platform_error("RangeError", "Maximum call stack size exceeded".into(), elapsed)
    } else {
        RunReport::platform_error("Error", format!("The engine stopped unexpectedly ({what}). The page is fine; press Test to run again."), elapsed)
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn js_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

// ---- the worker's side ----

#[cfg(target_arch = "wasm32")]
static CURRENT_RUN: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

#[cfg(target_arch = "wasm32")]
fn worker_post(message: &FromWorker) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&JsValue::from_str(&message.encode()));
}

#[cfg(target_arch = "wasm32")]
struct StreamToPage(u32);

#[cfg(target_arch = "wasm32")]
impl action_playground::engine::state::RunObserver for StreamToPage {
    fn on_log(&self, line: &LogLine) {
        worker_post(&FromWorker::Log { id: self.0, line: line.clone() });
    }
    fn on_request(&self, request: &RequestRecord) {
        worker_post(&FromWorker::Request { id: self.0, request: request.clone() });
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The context for the next run, built while the page shows the last result.
    static NEXT: std::cell::RefCell<Option<action_playground::engine::Prepared>> = const { std::cell::RefCell::new(None) };
}

/// Prepares the next run's context, with the libraries `code` requires
/// already loaded (the user usually runs the same action again).
#[cfg(target_arch = "wasm32")]
fn prepare_next(code: &str) {
    let prepared = action_playground::engine::prepare_for(code).ok();
    NEXT.with(|next| *next.borrow_mut() = prepared);
}

/// The worker binary's entry: answer each `Run` with a report.
#[cfg(target_arch = "wasm32")]
pub fn worker_main() {
    use action_playground::memory;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        let Ok(ToWorker::Run { id, scenario }) = serde_json::from_str::<ToWorker>(&text) else { return };
        CURRENT_RUN.store(id, std::sync::atomic::Ordering::Relaxed);
        let mut code = String::new();
        let report = match serde_json::from_value::<action_playground::Scenario>(scenario) {
            Ok(scenario) => {
                code = scenario.code.clone();
                let limit = scenario.settings.memory_mb * 1024 * 1024;
                memory::set_refusal_hook(|| {
                    let id = CURRENT_RUN.load(std::sync::atomic::Ordering::Relaxed);
                    worker_post(&FromWorker::MemoryLimit { id });
                });
                memory::set_limit(memory::current_bytes() + limit + limit / 2);
                let options = action_playground::RunOptions {
                    observer: Some(Rc::new(StreamToPage(id))),
                    ..Default::default()
                };
                let report = match NEXT.with(|next| next.borrow_mut().take()) {
                    Some(prepared) => action_playground::engine::run_prepared(prepared, &scenario, &options),
                    None => action_playground::run(&scenario, &options),
                };
                memory::set_limit(0);
                report
            }
            Err(e) => RunReport::platform_error("Error", format!("invalid scenario: {e}"), 0.0),
        };
        worker_post(&FromWorker::Report { id, report });
        prepare_next(&code);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    prepare_next("");
    worker_post(&FromWorker::Ready);
}

#[cfg(test)]
mod tests {
    use super::*;
    use action_playground::report::Status;

    #[test]
    fn a_worker_killed_by_the_browsers_stack_reads_as_nodes_range_error() {
        let report = crashed_report("Uncaught RangeError: Maximum call stack size exceeded", 12.0);
        assert_eq!(report.status, Status::Error);
        let error = report.error.unwrap();
        assert_eq!((error.name.as_str(), error.message.as_str()), ("RangeError", "Maximum call stack size exceeded"));
        let other = crashed_report("RuntimeError: unreachable", 3.0).error.unwrap();
        assert_eq!(other.name, "Error");
        assert!(other.message.contains("stopped unexpectedly") && other.message.contains("unreachable"));
    }
}
