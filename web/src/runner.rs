//! Carries the host module's run events between the page and the engine's
//! Web Worker (`bin/worker.rs`, which calls [`worker_main`]). The rules — the
//! kill deadline, the memory cap, what a stopped run reports — are
//! `action_playground::host`'s, the same as the CLI's; this file only owns
//! the worker: spawning it (with back-off when it cannot load), posting run
//! requests, batching what it streams, and terminating it to stop a run.

use action_playground::host::{kill_after_ms, RunEvent, RunRequest, Stop, ToolRequest, Transcript, UpgradeAnswer, BUILD};
use action_playground::report::{LogLine, RequestRecord};
use action_playground::{RunReport, Scenario};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The loader shim Trunk writes for the `worker` binary.
const WORKER_SCRIPT: &str = "./worker_loader.js";

/// Streamed logs and requests reach the page at most this often: one
/// re-render per batch, not per `console.log`.
const STREAM_BATCH_MS: u32 = 100;

/// A worker that dies before it is ready is restarted after these waits;
/// past the last one the page says the engine cannot load.
const RESTART_BACKOFF_MS: [u32; 4] = [250, 1_000, 4_000, 15_000];

/// What the page hears from the runner.
#[derive(Debug, Clone, PartialEq)]
pub enum RunnerEvent {
    /// The worker is loaded and can run (first load, or after a restart).
    Ready,
    /// What the running action printed and requested since the last batch.
    Streamed { logs: Vec<LogLine>, requests: Vec<RequestRecord> },
    /// The run ended: its report (also when the page had to stop it).
    Finished(RunReport),
    /// The engine cannot run in this page; the text says why and what to do.
    Unavailable(String),
    /// The HubSpot lints of the code last sent with [`Runner::lint`].
    Linted(Vec<action_playground::lint::Diagnostic>),
    /// The upgrade asked with [`Runner::upgrade`].
    Upgraded(Result<Box<UpgradeAnswer>, String>),
}

struct Current {
    transcript: Transcript,
    scenario_settings: action_playground::scenario::Settings,
    started: f64,
    /// Streamed but not yet passed to the page.
    unsent_logs: usize,
    unsent_requests: usize,
    flush_timer: Option<gloo::timers::callback::Timeout>,
    /// Held so the timer lives as long as the run (dropping it cancels the kill).
    _kill_timer: Option<gloo::timers::callback::Timeout>,
}

struct Inner {
    worker: RefCell<Option<web_sys::Worker>>,
    ready: Cell<bool>,
    pending: RefCell<Option<String>>,
    /// Lint/upgrade requests made before the worker was ready.
    waiting_tools: RefCell<Vec<ToolRequest>>,
    current: RefCell<Option<Current>>,
    next_id: Cell<u32>,
    /// Consecutive failures to get a worker ready.
    failures: Cell<usize>,
    restart_timer: RefCell<Option<gloo::timers::callback::Timeout>>,
    notify: Box<dyn Fn(RunnerEvent)>,
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
    pub fn new(notify: impl Fn(RunnerEvent) + 'static) -> Self {
        let runner = Runner(Rc::new(Inner {
            worker: RefCell::new(None),
            ready: Cell::new(false),
            pending: RefCell::new(None),
            waiting_tools: RefCell::new(Vec::new()),
            current: RefCell::new(None),
            next_id: Cell::new(1),
            failures: Cell::new(0),
            restart_timer: RefCell::new(None),
            notify: Box::new(notify),
            handlers: RefCell::new(Vec::new()),
        }));
        runner.spawn();
        runner
    }

    pub fn is_running(&self) -> bool {
        self.0.current.borrow().is_some()
    }

    /// Runs `scenario`; the result comes as [`RunnerEvent::Finished`].
    pub fn run(&self, scenario: &Scenario) {
        if self.is_running() {
            return;
        }
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        let kill_after = kill_after_ms(&scenario.settings).min(u64::from(u32::MAX)) as u32;
        let weak = Rc::downgrade(&self.0);
        let kill_timer = gloo::timers::callback::Timeout::new(kill_after, move || {
            if let Some(inner) = weak.upgrade() {
                Runner(inner).stop_current(Stop::Timeout);
            }
        });
        *self.0.current.borrow_mut() = Some(Current {
            transcript: Transcript::new(id),
            scenario_settings: scenario.settings.clone(),
            started: now_ms(),
            unsent_logs: 0,
            unsent_requests: 0,
            flush_timer: None,
            _kill_timer: Some(kill_timer),
        });
        let message = RunRequest::new(id, scenario.clone()).encode();
        crate::startup::mark("run:requested");
        if self.0.ready.get() {
            self.post(&message);
        } else {
            *self.0.pending.borrow_mut() = Some(message);
        }
    }

    /// Asks the worker for the code's lints (dropped while it is not ready:
    /// the page asks again on the next edit).
    pub fn lint(&self, scenario: &Scenario) {
        self.tool(ToolRequest::Lint { id: 0, scenario: scenario.clone() });
    }

    /// Asks the worker to upgrade the scenario to Node.js 24.
    pub fn upgrade(&self, scenario: &Scenario) {
        self.tool(ToolRequest::Upgrade { id: 0, scenario: scenario.clone() });
    }

    /// Tells the worker the code the next run will most likely be, so its
    /// next context has what that code loads (the page's first run).
    pub fn prepare(&self, code: &str) {
        self.tool(ToolRequest::Prepare { code: code.to_string() });
    }

    /// Posts a tool request, or keeps the latest of its kind until the worker is ready.
    fn tool(&self, request: ToolRequest) {
        if let (true, Some(worker)) = (self.0.ready.get(), self.0.worker.borrow().as_ref()) {
            let _ = worker.post_message(&JsValue::from_str(&request.encode()));
            return;
        }
        let mut waiting = self.0.waiting_tools.borrow_mut();
        waiting.retain(|r| std::mem::discriminant(r) != std::mem::discriminant(&request));
        waiting.push(request);
    }

    /// The Stop button: ends the current run now, keeping what it printed.
    pub fn stop(&self) {
        if self.is_running() {
            self.stop_current(Stop::ByUser);
        }
    }

    fn post(&self, message: &str) {
        let refused = match self.0.worker.borrow().as_ref() {
            Some(worker) => worker.post_message(&JsValue::from_str(message)).is_err(),
            None => true,
        };
        if refused {
            self.stop_current(Stop::Crashed("the engine worker refused the scenario".into()));
        }
    }

    /// Starts a worker. A failure is reported once and retried with back-off,
    /// never by recursion.
    fn spawn(&self) {
        self.0.ready.set(false);
        self.0.handlers.borrow_mut().clear();
        let (worker, early) = match adopt_boot_worker() {
            Some(adopted) => adopted,
            None => {
                // The engine's module the boot worker compiled, if it did: a worker
                // given it shares its compiled code (also what V8 compiled
                // while earlier workers ran), instead of fetching and
                // compiling the wasm again (static/worker_loader.js).
                let module = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("__engineModule"))
                    .ok()
                    .filter(|module| module.is_instance_of::<js_sys::WebAssembly::Module>());
                let options = web_sys::WorkerOptions::new();
                options.set_name(if module.is_some() { "engine-module" } else { "engine" });
                match web_sys::Worker::new_with_options(WORKER_SCRIPT, &options) {
                    Ok(w) => {
                        if let Some(module) = module {
                            let message = js_sys::Object::new();
                            let _ = js_sys::Reflect::set(&message, &JsValue::from_str("engineModule"), &module);
                            let _ = w.post_message(&message);
                        }
                        (w, Vec::new())
                    }
                    Err(e) => {
                        self.failed_to_start(format!("the browser refused to start the engine worker ({})", js_text(&e)));
                        return;
                    }
                }
            }
        };
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(inner) = weak.upgrade() else { return };
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
            let decoded = match event.data().as_string() {
                Some(text) => RunEvent::decode(&text),
                None => Err("the engine sent a message that is not text".into()),
            };
            let runner = Runner(inner);
            match decoded {
                Ok(message) => runner.on_message(message),
                Err(why) => runner.on_unreadable(why),
            }
        });
        let weak = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let Some(inner) = weak.upgrade() else { return };
            let what =
                event.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).filter(|m| !m.is_empty()).unwrap_or_else(|| "the engine worker stopped".into());
            Runner(inner).on_crash(what);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.0.handlers.borrow_mut().extend([on_message, on_error]);
        if !early.is_empty() {
            // What the worker said before this runner listened, in order, as
            // a task of its own (the page's component may still be in creation).
            let worker = worker.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                for event in early {
                    let _ = worker.dispatch_event(&event);
                }
            })
            .forget();
        }
        *self.0.worker.borrow_mut() = Some(worker);
    }

    /// The worker could not start or died before it was ready: try again
    /// later, and say so once the back-off is used up.
    fn failed_to_start(&self, why: String) {
        if let Some(worker) = self.0.worker.borrow_mut().take() {
            worker.terminate();
        }
        if self.is_running() {
            self.finish_stopped(Stop::Crashed(why.clone()));
        }
        let attempt = self.0.failures.get();
        self.0.failures.set(attempt + 1);
        match RESTART_BACKOFF_MS.get(attempt) {
            Some(&wait) => {
                let weak = Rc::downgrade(&self.0);
                *self.0.restart_timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(wait, move || {
                    if let Some(inner) = weak.upgrade() {
                        Runner(inner).spawn();
                    }
                }));
            }
            None => (self.0.notify)(RunnerEvent::Unavailable(format!(
                "The engine cannot start in this page: {why}. Reload the page; if it persists, this browser or its settings block Web Workers or WebAssembly."
            ))),
        }
    }

    fn on_message(&self, message: RunEvent) {
        if let RunEvent::Ready { build, marks } = &message {
            for mark in marks {
                crate::startup::mark_at_epoch(&mark.name, mark.epoch_ms);
            }
            if build != BUILD {
                if let Some(worker) = self.0.worker.borrow_mut().take() {
                    worker.terminate();
                }
                self.finish_stopped(Stop::Crashed("the engine was updated while this tab was open".into()));
                (self.0.notify)(RunnerEvent::Unavailable(
                    "A new version of the playground was published while this tab was open. Reload the page to run again (your work is saved).".into(),
                ));
                return;
            }
            self.0.ready.set(true);
            self.0.failures.set(0);
            (self.0.notify)(RunnerEvent::Ready);
            if let Some(pending) = self.0.pending.borrow_mut().take() {
                self.post(&pending);
            }
            let waiting = std::mem::take(&mut *self.0.waiting_tools.borrow_mut());
            for request in waiting {
                self.tool(request);
            }
            return;
        }
        match message {
            RunEvent::Linted { diagnostics, .. } => return (self.0.notify)(RunnerEvent::Linted(diagnostics)),
            RunEvent::Upgraded { outcome, .. } => return (self.0.notify)(RunnerEvent::Upgraded(outcome)),
            _ => {}
        }
        let (finished, memory_hit) = {
            let mut current = self.0.current.borrow_mut();
            let Some(current) = current.as_mut() else { return };
            let (logs, requests) = (current.transcript.logs.len(), current.transcript.requests.len());
            let finished = current.transcript.accept(message);
            current.unsent_logs += current.transcript.logs.len() - logs;
            current.unsent_requests += current.transcript.requests.len() - requests;
            (finished, current.transcript.memory_hit)
        };
        if finished {
            let current = self.0.current.borrow_mut().take().expect("a current run");
            let report = current.transcript.report.expect("a finished transcript has its report");
            crate::startup::mark("run:received");
            (self.0.notify)(RunnerEvent::Finished(report));
        } else if memory_hit {
            self.stop_current(Stop::Memory);
        } else {
            self.schedule_flush();
        }
    }

    /// Passes what was streamed to the page, at most once per batch interval.
    fn schedule_flush(&self) {
        let mut current = self.0.current.borrow_mut();
        let Some(current) = current.as_mut() else { return };
        if current.flush_timer.is_some() {
            return;
        }
        let weak = Rc::downgrade(&self.0);
        current.flush_timer = Some(gloo::timers::callback::Timeout::new(STREAM_BATCH_MS, move || {
            if let Some(inner) = weak.upgrade() {
                Runner(inner).flush();
            }
        }));
    }

    fn flush(&self) {
        let batch = {
            let mut current = self.0.current.borrow_mut();
            let Some(current) = current.as_mut() else { return };
            current.flush_timer = None;
            let logs = current.transcript.logs[current.transcript.logs.len() - current.unsent_logs..].to_vec();
            let requests = current.transcript.requests[current.transcript.requests.len() - current.unsent_requests..].to_vec();
            current.unsent_logs = 0;
            current.unsent_requests = 0;
            RunnerEvent::Streamed { logs, requests }
        };
        (self.0.notify)(batch);
    }

    fn on_unreadable(&self, why: String) {
        if self.is_running() {
            self.stop_current(Stop::Crashed(why));
        } else {
            (self.0.notify)(RunnerEvent::Unavailable(format!("{why}. Reload the page to run again (your work is saved).")));
        }
    }

    fn on_crash(&self, what: String) {
        if !self.0.ready.get() {
            self.failed_to_start(what);
        } else if self.is_running() {
            self.stop_current(Stop::Crashed(what));
        } else {
            // Died between runs: start over quietly.
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
    fn stop_current(&self, stop: Stop) {
        self.finish_stopped(stop);
        self.restart();
    }

    fn finish_stopped(&self, stop: Stop) {
        let Some(current) = self.0.current.borrow_mut().take() else { return };
        let elapsed = now_ms() - current.started;
        let report = current.transcript.stopped(stop, &current.scenario_settings, elapsed);
        (self.0.notify)(RunnerEvent::Finished(report));
    }
}

/// The worker `boot.js` started as the page began to load (in parallel
/// with the page's own wasm and the editor), and the events it sent before
/// anyone listened; taken once, by the first runner.
fn adopt_boot_worker() -> Option<(web_sys::Worker, Vec<web_sys::Event>)> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("__engineBoot");
    let boot = js_sys::Reflect::get(&window, &key).ok().filter(|b| b.is_object())?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let worker: web_sys::Worker = js_sys::Reflect::get(&boot, &JsValue::from_str("worker")).ok()?.dyn_into().ok()?;
    let early = js_sys::Reflect::get(&boot, &JsValue::from_str("early")).ok().map(|list| js_sys::Array::from(&list)).unwrap_or_default();
    Some((worker, early.iter().filter_map(|e| e.dyn_into().ok()).collect()))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn js_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

// ---- the worker's side ----

#[cfg(target_arch = "wasm32")]
fn worker_post(event: &RunEvent) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&JsValue::from_str(&event.encode()));
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
    action_playground::engine::collect_garbage();
    NEXT.with(|next| *next.borrow_mut() = prepared);
}

/// Loads what `code` needs into the next run's context. No collection
/// after it: the first context's (a Test may wait on this) would walk the
/// whole fresh heap in code the browser has not compiled yet, for the
/// little garbage a preload leaves.
#[cfg(target_arch = "wasm32")]
fn preload_next(code: &str) {
    NEXT.with(|next| {
        if let Some(prepared) = next.borrow_mut().as_mut() {
            prepared.preload(code);
        }
    });
}

/// The first context, without util.inspect (engine::prepare_lean): the
/// first Test waits for it, and most first runs log strings only. The worker
/// binary exports this for web/snapshot-worker.mjs, which calls it at build
/// time with every import refusing and stores the memory it leaves in the
/// wasm: the browser then instantiates the worker with this context made.
#[cfg(target_arch = "wasm32")]
pub fn prepare_first_context() {
    let prepared = action_playground::engine::prepare_lean().ok();
    NEXT.with(|next| *next.borrow_mut() = prepared);
}

/// About what the first context and a first run allocate, asked of the
/// browser at once rather than in small `memory.grow` steps.
#[cfg(target_arch = "wasm32")]
const FIRST_CONTEXT_HEAP_BYTES: usize = 24 << 20;

/// The worker binary's entry: answer each run request with its events.
#[cfg(target_arch = "wasm32")]
pub fn worker_main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        if let Some(tool) = ToolRequest::decode(&text) {
            match (tool.answer(), &tool) {
                (Some(answer), _) => worker_post(&answer),
                (None, ToolRequest::Prepare { code }) => preload_next(code),
                (None, _) => {}
            }
            return;
        }
        let request = match RunRequest::decode(&text) {
            Ok(request) => request,
            Err(why) => {
                // The page expects an answer for its run: say why there is none.
                let run = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| v.get("run")?.as_u64()).unwrap_or(0) as u32;
                let report = RunReport::platform_error("Error", why, 0.0);
                worker_post(&RunEvent::Finished { run, report: Box::new(report) });
                return;
            }
        };
        let prepared = NEXT.with(|next| next.borrow_mut().take());
        action_playground::host::run_guest(&request, prepared, worker_post);
        prepare_next(&request.scenario.code);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let compiled = crate::startup::epoch_ms();
    // The wasm Trunk builds starts with its first context already in its
    // memory (prepare_first_context, run at build time by
    // web/snapshot-worker.mjs); a wasm built otherwise makes it now.
    let from_snapshot = NEXT.with(|next| next.borrow().is_some());
    if !from_snapshot {
        action_playground::memory::grow_heap_once(FIRST_CONTEXT_HEAP_BYTES);
        prepare_first_context();
    }
    let mark = |name: &str, epoch_ms: f64| action_playground::host::StartupMark { name: name.into(), epoch_ms };
    let mut marks = vec![mark("engine:compiled", compiled), mark("engine:context", crate::startup::epoch_ms())];
    marks.extend(crate::startup::time_origin_epoch_ms().map(|at| mark("engine:started", at)));
    if from_snapshot {
        marks.push(mark("engine:snapshot", compiled));
    }
    if let Some([requested, first_byte, downloaded]) = crate::startup::resource_epoch_ms("worker_bg.wasm") {
        marks.extend([mark("engine:requested", requested), mark("engine:first-byte", first_byte), mark("engine:downloaded", downloaded)]);
    }
    worker_post(&RunEvent::Ready { build: BUILD.to_string(), marks });
}
