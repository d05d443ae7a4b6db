//! CPU time a run spends, for `runtimeMs` (the virtual clock covers waits).

#[cfg(not(target_arch = "wasm32"))]
type Instant = std::time::Instant;
#[cfg(target_arch = "wasm32")]
type Instant = web_time::Instant;

#[derive(Clone, Copy)]
pub struct CpuTimer(Instant);

impl CpuTimer {
    pub fn start() -> Self {
        Self(Instant::now())
    }

    pub fn elapsed_ns(&self) -> u128 {
        self.0.elapsed().as_nanos()
    }

    pub fn elapsed_ms(&self) -> f64 {
        self.0.elapsed().as_secs_f64() * 1000.0
    }
}
