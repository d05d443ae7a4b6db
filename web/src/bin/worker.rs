//! The engine's Web Worker: receives a scenario, runs it, streams logs and
//! requests, answers with the report. The page terminates this worker when
//! a run passes its limit (boa cannot be interrupted) and starts a new one.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: action_playground::memory::CountingAllocator = action_playground::memory::CountingAllocator;

#[cfg(target_arch = "wasm32")]
fn main() {
    playground_web::runner::worker_main();
}

/// The first context, prepared at build time (web/snapshot-worker.mjs).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn snapshot_prepare() {
    playground_web::runner::prepare_first_context();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker only runs in the browser (built by Trunk)");
}
