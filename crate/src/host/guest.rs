//! The guest's side of a run, the same in the CLI's child process and the
//! browser's worker: cap memory, stream every log and request as it
//! happens, run, send the report.

use super::event::{RunEvent, RunRequest};
use super::policy::memory_cap_bytes;
use crate::engine::{run, run_prepared, Prepared, RunOptions};
use crate::memory;
use crate::report::{LogLine, RequestRecord, RunReport};
use crate::run_state::RunObserver;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// How a guest reaches its host: a line on stdout, a `postMessage`.
pub type Send = fn(&RunEvent);

/// The allocator's refusal hook is a plain `fn()`: it finds the run and the
/// way out here.
static REFUSED_RUN: AtomicU32 = AtomicU32::new(0);
static REFUSED_SEND: AtomicUsize = AtomicUsize::new(0);

fn say_memory_limit() {
    let send = REFUSED_SEND.load(Ordering::Relaxed);
    if send != 0 {
        // SAFETY: only `run_guest` stores here, always a `Send`.
        let send: Send = unsafe { std::mem::transmute::<usize, Send>(send) };
        send(&RunEvent::MemoryLimit { run: REFUSED_RUN.load(Ordering::Relaxed) });
    }
}

struct Stream {
    run: u32,
    send: Send,
}

impl RunObserver for Stream {
    fn on_log(&self, line: &LogLine) {
        (self.send)(&RunEvent::Log { run: self.run, line: line.clone() });
    }
    fn on_request(&self, request: &RequestRecord) {
        (self.send)(&RunEvent::Request { run: self.run, request: request.clone() });
    }
}

/// Runs `request` in this guest (in `prepared` when the guest built a
/// context ahead), streaming events through `send`; the report is sent as
/// `Finished` and returned.
pub fn run_guest(request: &RunRequest, prepared: Option<Prepared>, send: Send) -> RunReport {
    let scenario = &request.scenario;
    REFUSED_RUN.store(request.run, Ordering::Relaxed);
    REFUSED_SEND.store(send as usize, Ordering::Relaxed);
    memory::set_refusal_hook(say_memory_limit);
    memory::set_limit(memory_cap_bytes(memory::current_bytes(), &scenario.settings));
    let options = RunOptions { observer: Some(Rc::new(Stream { run: request.run, send })), ..Default::default() };
    let report = match prepared {
        Some(prepared) => run_prepared(prepared, scenario, &options),
        None => run(scenario, &options),
    };
    memory::set_limit(0);
    send(&RunEvent::Finished { run: request.run, report: Box::new(report.clone()) });
    report
}
