//! The run's host side: one sandbox policy, two transports. A run happens
//! in a *guest* (the CLI's child process, the browser's Web Worker) that can
//! be killed, because boa cannot be interrupted. Both guests speak the same
//! typed [`RunEvent`] stream; both hosts collect it in a [`Transcript`] and,
//! when they must stop a run, turn it into the report HubSpot would show.
//! The CLI (`cli/isolate.rs`) and the page (`web/src/runner.rs`) only carry
//! these events over their pipe or `postMessage`.

mod event;
mod guest;
mod policy;

pub use event::{RunEvent, RunRequest, StartupMark, ToolRequest, UpgradeAnswer, BUILD};
pub use guest::run_guest;
pub use policy::{kill_after_ms, memory_cap_bytes, Stop, Transcript, KILL_GRACE_MS};
