//! Time as a run sees it: the virtual clock `Date` reads, the scenario's
//! zone, and the CPU timer that adds real work to the clock. A leaf: the
//! scenario parser, the Node layer and the engine all stand on it.

pub mod clock;
pub mod cpu;

pub use clock::{parse_iso_millis, TimeZone, VirtualClock};
pub use cpu::CpuTimer;
