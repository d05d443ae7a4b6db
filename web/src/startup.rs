//! The first result's path as User Timing marks (`performance.mark`), so
//! the browser benchmark (`web/tests/bench.mjs`) can break the wait down:
//! the page's wasm starting, its first render, the engine worker compiled
//! and its first context ready (marked in the worker, placed on the page's
//! timeline from their epoch times), the run sent and its result received.
//! A mark costs microseconds and nothing reads them but the benchmark.

use wasm_bindgen::{JsCast, JsValue};

/// The `performance` of this global (page or worker); `None` outside a browser.
fn performance() -> Option<web_sys::Performance> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok()?.dyn_into().ok()
}

/// Marks `name` now on this global's timeline.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Now, in ms since the UNIX epoch with the fraction (comparable across the
/// page and its worker, whose `performance.now()` origins differ).
pub fn epoch_ms() -> f64 {
    performance().map(|p| p.time_origin() + p.now()).unwrap_or_else(js_sys::Date::now)
}

/// Marks `name` on this global's timeline at `epoch_ms` (a worker's moment).
/// Through `Reflect`: web-sys has `mark(name, { startTime })` only among its unstable APIs.
pub fn mark_at_epoch(name: &str, epoch_ms: f64) {
    let Some(performance) = performance() else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("startTime"), &JsValue::from_f64(epoch_ms - performance.time_origin()));
    let Ok(mark) = js_sys::Reflect::get(&performance, &JsValue::from_str("mark")) else { return };
    if let Some(mark) = mark.dyn_ref::<js_sys::Function>() {
        let _ = mark.call2(&performance, &JsValue::from_str(name), &options);
    }
}

/// When this global's worker started: its time origin, in epoch ms.
pub fn time_origin_epoch_ms() -> Option<f64> {
    performance().map(|p| p.time_origin())
}

/// The Resource Timing of the resource whose URL ends with `suffix`, as
/// epoch ms: when it was requested, its first byte came, and its last.
pub fn resource_epoch_ms(suffix: &str) -> Option<[f64; 3]> {
    let performance = performance()?;
    let entries = performance.get_entries_by_type("resource");
    entries.iter().find_map(|entry| {
        let name = js_sys::Reflect::get(&entry, &JsValue::from_str("name")).ok()?.as_string()?;
        let at = |field: &str| js_sys::Reflect::get(&entry, &JsValue::from_str(field)).ok()?.as_f64().map(|ms| performance.time_origin() + ms);
        name.ends_with(suffix).then(|| Some([at("startTime")?, at("responseStart")?, at("responseEnd")?])).flatten()
    })
}
