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

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker only runs in the browser (built by Trunk)");
}
