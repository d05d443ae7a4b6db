//! CPU time a run spends, for `runtimeMs` (the virtual clock covers waits).

#[cfg(not(target_arch = "wasm32"))]
type Instant = std::time::Instant;
#[cfg(target_arch = "wasm32")]
type Instant = web_time::Instant;

#[derive(Clone, Copy)]
pub struct CpuTimer(Option<Instant>);

impl CpuTimer {
    /// A timer that reads zero until replaced by a started one. Preparing a
    /// context reads no clock with it: the browser worker's first context is
    /// prepared at build time, where a clock reading would be a call out of
    /// the wasm (web/snapshot-worker.mjs).
    pub const NOT_STARTED: Self = Self(None);

    pub fn start() -> Self {
        Self(Some(Instant::now()))
    }

    pub fn elapsed_ns(&self) -> u128 {
        self.0.map_or(0, |at| at.elapsed().as_nanos())
    }

    pub fn elapsed_ms(&self) -> f64 {
        self.0.map_or(0.0, |at| at.elapsed().as_secs_f64() * 1000.0)
    }
}
