//! A run's executions: the action once (the default), several times in one
//! warm container (`settings.warmRuns`), and again on HubSpot's retry
//! schedule when it fails on a 429/5xx answer (`settings.retries`,
//! `retries.rs`). Every execution is on the one run clock and timeline.

use super::event_loop::LoopEnd;
use super::retries::RetrySchedule;
use super::{hooks, outputs, prepare, report_uncaught, Prepared, RunOptions};
use crate::report::{memory_message, timeout_message, ErrorInfo, Execution, RunReport};
use crate::scenario::{Runtime, Scenario};
use crate::time::cpu;
use boa_engine::{js_string, Context, JsError, JsString, JsValue};

/// Runs one scenario in a context [`prepare`]d for it (used for this run only).
pub fn run_prepared(prepared: Prepared, scenario: &Scenario, options: &RunOptions) -> RunReport {
    crate::memory::reset_peak();
    let peak_start = crate::memory::current_bytes();
    let start_ms = match prepared.configure(scenario, options) {
        Ok(start_ms) => start_ms,
        Err(message) => return RunReport::platform_error("Error", message, 0.0),
    };
    let settings = &scenario.settings;
    let warm_runs = settings.executions() as usize;
    let listed = settings.retries || warm_runs > 1;
    let mut container = prepared;
    let mut attempts: Vec<Execution> = Vec::new();
    let mut executions: Vec<Execution> = Vec::new();
    let mut last: Option<RunReport> = None;
    for run in 0..warm_runs {
        let mut schedule = RetrySchedule::default();
        loop {
            let state = container.state.clone();
            let index = if settings.retries { attempts.len() } else { run };
            state.timeline.execution.set(listed.then_some(index));
            let started_at_ms = state.timeline_now_ms();
            let changes_before = state.network.borrow().crm_changes().len();
            let report = match container.execute(scenario, run > 0, started_at_ms, changes_before, peak_start) {
                Ok(report) => report,
                Err(message) => return RunReport::platform_error("Error", message, 0.0),
            };
            // A timed-out attempt is not one HubSpot retries; the schedule
            // counts from the failure on the run's clock (simulated time only,
            // so the attempts' times do not depend on this machine's speed).
            let retry_status = state.retry_status.get().filter(|_| !report.error.as_ref().is_some_and(|e| e.message == timeout_message(settings.timeout_ms)));
            let ended_at_ms = state.timeline_now_ms();
            let next_at = if settings.retries { retry_status.and_then(|_| schedule.next_attempt_at(ended_at_ms)) } else { None };
            attempts.push(Execution::of(&report, started_at_ms, retry_status.filter(|_| next_at.is_some())));
            let finished_at_ms = started_at_ms + report.runtime_ms;
            last = Some(report);
            let Some(next_at) = next_at else {
                // The next warm execution starts once this one is over, its
                // computing time included.
                let elapsed = finished_at_ms - state.timeline.offset_ms.get();
                state.clock.advance_to_ms(elapsed.ceil().max(state.clock.elapsed_ms()) as u64);
                break;
            };
            // HubSpot's next attempt is a new invocation: a fresh context
            // whose clock starts at the attempt's time; the mock network
            // (rule use counts, the CRM's records) and the timeline carry on.
            let fresh = match prepare() {
                Ok(fresh) => fresh,
                Err(message) => return RunReport::platform_error("Error", message, 0.0),
            };
            if let Err(message) = fresh.configure_at(scenario, options, start_ms + next_at as i64) {
                return RunReport::platform_error("Error", message, 0.0);
            }
            *fresh.state.network.borrow_mut() = std::mem::take(&mut *container.state.network.borrow_mut());
            *fresh.state.timeline.events.borrow_mut() = container.state.timeline.events.take();
            fresh.state.timeline.offset_ms.set(next_at);
            container = fresh;
        }
        executions.push(attempts.last().expect("an execution ran").clone());
    }
    let mut report = last.expect("an execution ran");
    flag_repeated_writes(&mut attempts);
    if let Some(final_attempt) = attempts.last() {
        report.requests = final_attempt.requests.clone();
    }
    report.memory_bytes = crate::memory::peak_bytes().saturating_sub(peak_start);
    report.timeline = container.state.take_timeline();
    if settings.retries {
        report.attempts = attempts;
    }
    if warm_runs > 1 {
        report.executions = executions;
    }
    report
}

/// Marks each write an attempt makes that an earlier attempt already made
/// (same method and URL): HubSpot's retry runs the whole action again, so
/// a non-idempotent action writes twice.
fn flag_repeated_writes(attempts: &mut [Execution]) {
    let mut earlier: Vec<(String, String)> = Vec::new();
    for attempt in attempts.iter_mut() {
        let mut made = Vec::new();
        for request in attempt.requests.iter_mut().filter(|r| r.is_write()) {
            let key = (request.method.clone(), request.url.clone());
            request.repeated_write = earlier.contains(&key);
            made.push(key);
        }
        earlier.extend(made);
    }
}

impl Prepared {
    /// One execution of the action in this context: `warm` reuses the
    /// module the last execution loaded. The report's CRM changes are the
    /// ones made after the first `changes_before`; memory counts from `peak_start`.
    fn execute(&mut self, scenario: &Scenario, warm: bool, started_at_ms: f64, changes_before: usize, peak_start: u64) -> Result<RunReport, String> {
        let Prepared { context, event_loop, hooks, state, harness } = self;
        let context: &mut Context = context;
        state.reset_execution();
        let event = JsValue::from_json(&scenario.effective_event(), context).map_err(|e| format!("event: {e}"))?;
        let runtime = match scenario.runtime {
            Runtime::Node20 => js_string!("nodejs20"),
            Runtime::Node24 => js_string!("nodejs24"),
        };
        let code = JsString::from(scenario.code.as_str());
        let clock_start_ms = state.clock.elapsed_ms();
        state.cpu_start.set(cpu::CpuTimer::start());
        if let Err(err) = harness.run_action.call(&JsValue::undefined(), &[code.into(), event, runtime.into(), warm.into()], context) {
            report_uncaught(err, harness, state, context);
        }

        // The event loop, until Node's process would exit or the limit is hit.
        let timeout_ms = scenario.settings.timeout_ms;
        let mut timed_out = false;
        loop {
            if state.exit_code.get().is_some() {
                break;
            }
            let hooks_ref = hooks.clone();
            let harness_fail = harness.fail.clone();
            let mut check_rejections = |ctx: &mut Context| -> Result<(), JsError> {
                if let Some(promise) = hooks_ref.take_unhandled() {
                    if let Some(reason) = hooks::rejection_reason(&promise) {
                        harness_fail.call(&JsValue::undefined(), &[reason], ctx)?;
                    }
                }
                Ok(())
            };
            let cpu_ms = state.cpu_start.get().elapsed_ms() as u64;
            let deadline = clock_start_ms as u64 + timeout_ms.saturating_sub(cpu_ms);
            match event_loop.run(context, deadline, &mut check_rejections) {
                Ok(LoopEnd::Idle) => break,
                Ok(LoopEnd::Deadline) => {
                    timed_out = true;
                    break;
                }
                Err(err) => report_uncaught(err, harness, state, context),
            }
        }

        let cpu_ms = state.cpu_start.get().elapsed_ms();
        let mut runtime_ms = state.clock.elapsed_ms() - clock_start_ms + cpu_ms;
        if timed_out || runtime_ms > timeout_ms as f64 {
            runtime_ms = timeout_ms as f64;
            *state.error.borrow_mut() = Some(ErrorInfo { name: "Error".into(), message: timeout_message(timeout_ms) });
        }
        let memory_bytes = crate::memory::peak_bytes().saturating_sub(peak_start);
        let over_memory = crate::memory::is_counting() && memory_bytes > scenario.settings.memory_mb * 1024 * 1024;
        if over_memory && state.error.borrow().is_none() {
            *state.error.borrow_mut() = Some(ErrorInfo { name: "Error".into(), message: memory_message(scenario.settings.memory_mb) });
        }

        let delivered_json = if state.delivered.get() {
            harness.outputs_json.call(&JsValue::undefined(), &[], context).ok().and_then(|v| v.as_string().map(|s| s.to_std_string_escaped()))
        } else {
            None
        };
        state.note_dropped_logs();
        let logs = state.logs.borrow().clone();
        let requests = state.requests.borrow().clone();
        let error = state.error.borrow().clone();
        let crm_changes = state.network.borrow().crm_changes().split_off(changes_before);
        let report = outputs::finish(scenario, error, delivered_json, logs, requests, runtime_ms, memory_bytes, crm_changes);
        state.note_end_at(
            started_at_ms + report.runtime_ms,
            report.status,
            report.error.as_ref().map(|e| format!("{}: {}", e.name, e.message.lines().next().unwrap_or(""))),
        );
        Ok(report)
    }
}
