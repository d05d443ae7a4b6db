//! One run: Scenario → fresh boa context with the Node layer → the action's
//! `exports.main` driven on the virtual-clock event loop → RunReport.

mod comments;
mod event_loop;
mod execute;
mod hooks;
mod outputs;
mod preload;
mod retries;

pub use execute::run_prepared;
pub use preload::{preloads, required_modules, Preloads};
pub use retries::MAX_ATTEMPTS;

use crate::report::RunReport;
use crate::run_state::{RunObserver, RunState, ENGINE_RECURSION_LIMIT, VALUE_STACK_LIMIT};
use crate::scenario::Scenario;
use crate::time::{cpu, parse_iso_millis, TimeZone, VirtualClock};
use boa_engine::context::ContextBuilder;
use boa_engine::{js_string, Context, JsError, JsResult, JsString, JsValue};
use event_loop::EventLoop;
use hooks::NodeHooks;
use std::rc::Rc;

/// How the caller wants the run done.
#[derive(Clone, Default)]
pub struct RunOptions {
    /// Live log/request notifications.
    pub observer: Option<Rc<dyn RunObserver>>,
    /// The clock's start when the scenario has no `settings.now`.
    pub real_now_ms: Option<i64>,
}

fn wall_clock_ms() -> i64 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
    }
    #[cfg(target_arch = "wasm32")]
    {
        web_time::SystemTime::now().duration_since(web_time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
    }
}

/// A context with the engine's globals and the Node layer built, and the
/// console's formatter loaded, waiting for its scenario. Building one is most
/// of a run's fixed cost, so the browser worker prepares the next one while
/// the page shows the last result.
pub struct Prepared {
    context: Context,
    event_loop: Rc<EventLoop>,
    hooks: Rc<NodeHooks>,
    state: Rc<RunState>,
    harness: crate::node::module::Harness,
}

impl Drop for Prepared {
    /// A context dropped before its run still holds its compiled action in
    /// `RunState`, which the context's own functions hold: a cycle through a
    /// garbage-collector root that would keep the context alive forever.
    fn drop(&mut self) {
        self.state.compiled_action.borrow_mut().take();
    }
}

/// Builds a [`Prepared`] context (no scenario yet: UTC, clock at 0, no secrets, no mocks).
pub fn prepare() -> Result<Prepared, String> {
    let mut prepared = prepare_lean()?;
    // Node has util.inspect loaded before any action runs; it captures the
    // built-ins it uses as it loads, so an action that changes them later
    // does not change how its values are logged.
    prepared.load_internal(INSPECTOR).map_err(|e| format!("the console failed to load: {e}"))?;
    Ok(prepared)
}

/// The module behind `util.inspect` (Node's own inspector, extracted).
const INSPECTOR: &str = "node-inspect-extracted";

/// [`prepare`] without `util.inspect`, which is then loaded when a run first
/// logs something other than strings (nearly two thirds of the work of
/// preparing, natively). The browser's first context is made so, to answer
/// the first Test sooner; the price is that an action which changes a
/// built-in before it first logs a value gets an inspector that sees the
/// change, which Node's would not.
pub fn prepare_lean() -> Result<Prepared, String> {
    let clock = Rc::new(VirtualClock::new(0));
    let event_loop = Rc::new(EventLoop::new(clock.clone()));
    let hooks = Rc::new(NodeHooks::new(TimeZone::named("UTC").expect("UTC exists")));
    let mut context =
        ContextBuilder::new().clock(clock.clone()).job_executor(event_loop.clone()).host_hooks(hooks.clone()).build().map_err(|e| e.to_string())?;
    context.runtime_limits_mut().set_recursion_limit(ENGINE_RECURSION_LIMIT);
    // boa's value-stack cap (10,240 values by default) ends recursion near
    // 1,200 frames; Node allows about 10,800. Room for RECURSION_LIMIT frames.
    context.runtime_limits_mut().set_stack_size_limit(VALUE_STACK_LIMIT);
    context.runtime_limits_mut().set_backtrace_limit(12);
    crate::globals::register(&mut context).map_err(|e| e.to_string())?;
    let state = Rc::new(RunState {
        secrets: Default::default(),
        action_source: Default::default(),
        compiled_action: Default::default(),
        clock,
        logs: Default::default(),
        log_bytes: Default::default(),
        logs_dropped: Default::default(),
        requests: Default::default(),
        error: Default::default(),
        delivered: Default::default(),
        exit_code: Default::default(),
        observer: Default::default(),
        memory_baseline: Default::default(),
        cpu_start: std::cell::Cell::new(cpu::CpuTimer::NOT_STARTED),
        network: Default::default(),
        configured: Default::default(),
        time_zone: std::cell::RefCell::new("UTC".into()),
        timeline: Default::default(),
        retry_status: Default::default(),
        loaded_in_run: Default::default(),
    });
    let harness = crate::node::module::bootstrap(state.clone(), &mut context).map_err(|e| format!("the Node layer failed to start: {e}"))?;
    // Node has its console loaded before any action runs.
    harness.require.call(&JsValue::undefined(), &[js_string!("console").into()], &mut context).map_err(|e| format!("the console failed to load: {e}"))?;
    // And what every run loads: how the action is loaded and checked.
    for id in preload::ALWAYS {
        harness
            .load_internal
            .call(&JsValue::undefined(), &[js_string!(id).into()], &mut context)
            .map_err(|e| format!("the Node layer failed to load {id}: {e}"))?;
    }
    Ok(Prepared { context, event_loop, hooks, state, harness })
}

/// Collects the garbage of earlier runs and preparations now, while nobody
/// waits: boa collects when allocation passes a threshold, and a collection
/// inside a run would be a run paying for its predecessors (and, in a forked
/// run, touching every page of the inherited heap). So the next run also
/// gets [`RUN_ALLOCATION_HEADROOM`] to allocate before boa's next collection.
pub fn collect_garbage() {
    leave_collection_headroom(RUN_ALLOCATION_HEADROOM);
    boa_gc::force_collect();
}

/// What a run may allocate before boa collects. A run over a large library
/// (HubSpot's client) otherwise started near the threshold and paid for a
/// collection of the whole heap that its own garbage did not need; a run
/// allocating more is collected as before, well inside its memory cap.
const RUN_ALLOCATION_HEADROOM: usize = 16 << 20;

/// Makes the next collection wait until `bytes` more are allocated. boa
/// collects when its allocations pass a threshold that only an automatic
/// collection raises (to what survives it, over 70 %), and `force_collect`
/// leaves where it was. Holding `bytes` of ballast through automatic
/// collections raises it; the ballast is dropped for the collection after.
fn leave_collection_headroom(bytes: usize) {
    const CHUNK: usize = 64 << 10;
    let ballast: Vec<boa_gc::Gc<[u8; CHUNK]>> = (0..bytes / CHUNK).map(|_| boa_gc::Gc::new([0; CHUNK])).collect();
    drop(ballast);
}

/// [`prepare`], then load what `code` will use ([`preloads`]). Nothing of
/// the action runs; unknown module ids are skipped (the action's own
/// `require` reports them).
pub fn prepare_for(code: &str) -> Result<Prepared, String> {
    let mut prepared = prepare()?;
    prepared.preload(code);
    Ok(prepared)
}

impl Prepared {
    /// Loads what `code` will use ([`preloads`]) into this context and
    /// compiles the action: what [`prepare_for`] adds to [`prepare`].
    pub fn preload(&mut self, code: &str) {
        self.load(&preloads(code));
        self.compile_action(code);
    }

    /// Instruments, parses and compiles the action's code now, so a run of
    /// that code starts at its evaluation. Parsing has no effect a run could
    /// see; a syntax error is left for the run to find and report.
    pub fn compile_action(&mut self, code: &str) {
        self.set_action_source(code);
        if self.state.compiled_action.borrow().is_some() {
            return;
        }
        let text = self.state.action_source.borrow().text.clone();
        let compiled = crate::node::module::parse_action(&text, &mut self.context);
        *self.state.compiled_action.borrow_mut() = compiled;
    }

    /// The action's instrumented source, made again only when the code changed.
    fn set_action_source(&self, code: &str) {
        if self.state.action_source.borrow().code != code || self.state.action_source.borrow().text.is_empty() {
            *self.state.action_source.borrow_mut() = crate::node::module::rewrite::instrument(code);
            *self.state.compiled_action.borrow_mut() = None;
        }
    }

    /// Loads `wanted` into this context (cumulative: what is loaded stays).
    pub fn load(&mut self, wanted: &Preloads) {
        let Preloads { modules, globals, internals } = wanted;
        for id in modules {
            let _ = self.harness.require.call(&JsValue::undefined(), &[JsString::from(id.as_str()).into()], &mut self.context);
        }
        let global = self.context.global_object();
        for name in globals {
            let _ = global.get(JsString::from(*name), &mut self.context);
        }
        for id in internals {
            let _ = self.load_internal(id);
        }
    }

    /// Loads one module of the Node layer (not one an action may require).
    fn load_internal(&mut self, id: &str) -> JsResult<JsValue> {
        self.harness.load_internal.call(&JsValue::undefined(), &[JsString::from(id).into()], &mut self.context)
    }

    /// Gives the prepared context its scenario: clock start, time zone,
    /// secrets, source, mocks, observer.
    fn configure(&self, scenario: &Scenario, options: &RunOptions) -> Result<i64, String> {
        let start_ms = match &scenario.settings.now {
            Some(now) => parse_iso_millis(now).ok_or("settings.now is not a date")?,
            None => options.real_now_ms.unwrap_or_else(wall_clock_ms),
        };
        self.configure_at(scenario, options, start_ms)?;
        Ok(start_ms)
    }

    /// [`Prepared::configure`] with the clock starting at `start_ms`.
    fn configure_at(&self, scenario: &Scenario, options: &RunOptions, start_ms: i64) -> Result<(), String> {
        let zone = TimeZone::named(&scenario.settings.timezone).ok_or("unknown time zone")?;
        self.state.clock.restart(start_ms);
        self.hooks.set_zone(zone);
        *self.state.time_zone.borrow_mut() = scenario.settings.timezone.clone();
        *self.state.secrets.borrow_mut() = scenario.secret_strings();
        self.set_action_source(&scenario.code);
        *self.state.network.borrow_mut() =
            crate::net::MockNetwork::new(scenario.http.clone(), scenario.crm.as_ref(), start_ms).with_settings(&scenario.settings);
        *self.state.observer.borrow_mut() = options.observer.clone();
        self.state.memory_baseline.set(crate::memory::current_bytes());
        self.state.timeline.events.borrow_mut().clear();
        self.state.loaded_in_run.borrow_mut().clear();
        self.state.configured.set(true);
        Ok(())
    }
}

/// Hands an error that escaped to the top (a throwing timer, a runtime
/// limit) to the harness, which records it as Node would report it.
fn report_uncaught(err: JsError, harness: &crate::node::module::Harness, state: &RunState, context: &mut Context) {
    if state.exit_code.get().is_some() {
        return;
    }
    if let Some(engine) = err.as_engine() {
        let text = engine.to_string();
        let (name, message) = if text.contains("recursive calls") || text.contains("stack size") {
            ("RangeError", "Maximum call stack size exceeded".to_string())
        } else {
            ("Error", text)
        };
        state.record_error(name.into(), message);
        return;
    }
    let value = err.into_opaque(context).unwrap_or_else(|_| JsString::from("Error").into());
    if harness.fail.call(&JsValue::undefined(), &[value], context).is_err() {
        state.record_error("Error".into(), "uncaught error".into());
    }
}

/// Runs one scenario to completion in this thread, in a fresh context.
pub fn run(scenario: &Scenario, options: &RunOptions) -> RunReport {
    match prepare() {
        Ok(prepared) => run_prepared(prepared, scenario, options),
        Err(message) => RunReport::platform_error("Error", message, 0.0),
    }
}

/// Milliseconds to build a ready context for `scenario` (benchmark only).
pub fn bench_context_creation(scenario: &Scenario) -> f64 {
    let t = cpu::CpuTimer::start();
    let built = prepare().and_then(|p| p.configure(scenario, &RunOptions::default()).map(|_| p));
    let ms = t.elapsed_ms();
    drop(built);
    ms
}

/// The embedded modules a run of `scenario` still compiles after
/// [`prepare_for`] loaded what its code names: what the first result waits
/// for that could be loaded ahead (benchmark and tests).
pub fn modules_loaded_by(scenario: &Scenario) -> Result<Vec<String>, String> {
    let prepared = prepare_for(&scenario.code)?;
    let state = prepared.state.clone();
    run_prepared(prepared, scenario, &RunOptions::default());
    let loaded = state.loaded_in_run.borrow().clone();
    Ok(loaded)
}

/// Median milliseconds of the first `require(id)` in a fresh context, or
/// `None` when the module is not available (benchmark only).
pub fn bench_require(id: &str, runs: usize) -> Option<f64> {
    if !crate::node::is_public(id, false) {
        return None;
    }
    let mut times = Vec::new();
    for _ in 0..runs {
        let mut prepared = prepare().ok()?;
        let Prepared { context, harness, .. } = &mut prepared;
        let t = cpu::CpuTimer::start();
        harness.require.call(&JsValue::undefined(), &[JsString::from(id).into()], context).ok()?;
        times.push(t.elapsed_ms());
    }
    times.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    Some(times[times.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warm_context_runs_like_a_cold_one() {
        let scenario = crate::parse_scenario(
            r#"{"version":1,"runtime":"nodejs24","settings":{"now":"2026-03-02T14:30:00Z","timezone":"Europe/Paris"},"secrets":{"K":"v"},
                "code":"const _ = require('lodash'); exports.main = async () => { console.log(_.chunk([1,2,3], 2), new Date().getHours(), process.env.K); return { outputFields: { n: 1 } }; };"}"#,
        )
        .unwrap();
        let cold = run(&scenario, &RunOptions::default());
        let warm = run_prepared(prepare_for(&scenario.code).unwrap(), &scenario, &RunOptions::default());
        assert_eq!(cold.logs, warm.logs);
        assert_eq!(cold.logs[0].message, "[ [ 1, 2 ], [ 3 ] ] 15 v");
        assert_eq!(cold.output_fields, warm.output_fields);
    }
}
