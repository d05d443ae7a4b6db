//! Node's event loop on the virtual clock: drain every microtask, then run
//! the earliest timer, jumping the clock to its due time instead of waiting.

use crate::time::VirtualClock;
use boa_engine::job::{GenericJob, IntervalJob, Job, JobExecutor, NativeAsyncJob, PromiseJob, TimeoutJob};
use boa_engine::{Context, JsError, JsResult};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

enum TimerJob {
    Timeout(TimeoutJob),
    Interval(IntervalJob),
}

/// Why [`EventLoop::run`] returned.
#[derive(Debug, PartialEq)]
pub enum LoopEnd {
    /// Nothing left to do: Node's process would exit.
    Idle,
    /// The next timer is due past the deadline.
    Deadline,
}

pub struct EventLoop {
    clock: Rc<VirtualClock>,
    microtasks: RefCell<VecDeque<PromiseJob>>,
    generic: RefCell<VecDeque<GenericJob>>,
    async_jobs: RefCell<VecDeque<NativeAsyncJob>>,
    /// Keyed by (due ms since start, insertion order): Node's timer order.
    timers: RefCell<BTreeMap<(u64, u64), TimerJob>>,
    sequence: Cell<u64>,
}

impl EventLoop {
    pub fn new(clock: Rc<VirtualClock>) -> Self {
        Self {
            clock,
            microtasks: RefCell::default(),
            generic: RefCell::default(),
            async_jobs: RefCell::default(),
            timers: RefCell::default(),
            sequence: Cell::new(0),
        }
    }

    fn schedule(&self, delay_ms: u64, job: TimerJob) {
        // Node clamps delays below 1 ms to 1 ms.
        let due = (self.clock.elapsed_ns() / 1_000_000) as u64 + delay_ms.max(1);
        let seq = self.sequence.get();
        self.sequence.set(seq + 1);
        self.timers.borrow_mut().insert((due, seq), job);
    }

    /// Runs every queued microtask (and what they queue) to exhaustion.
    pub fn drain_microtasks(&self, context: &mut Context) -> JsResult<()> {
        loop {
            let job = self.microtasks.borrow_mut().pop_front();
            if let Some(job) = job {
                job.call(context)?;
                continue;
            }
            let job = self.generic.borrow_mut().pop_front();
            if let Some(job) = job {
                job.call(context)?;
                continue;
            }
            let job = self.async_jobs.borrow_mut().pop_front();
            if let Some(job) = job {
                let cell = RefCell::new(&mut *context);
                futures_lite::future::block_on(job.call(&cell))?;
                continue;
            }
            return Ok(());
        }
    }

    /// Runs one turn: every microtask, then the earliest timer unless it is
    /// due after `deadline_ms` (elapsed clock time). `after_microtasks` runs
    /// whenever the microtask queue has drained (Node checks unhandled
    /// rejections there).
    pub fn run(&self, context: &mut Context, deadline_ms: u64, after_microtasks: &mut dyn FnMut(&mut Context) -> Result<(), JsError>) -> JsResult<LoopEnd> {
        loop {
            self.drain_microtasks(context)?;
            after_microtasks(context)?;
            let next = {
                let mut timers = self.timers.borrow_mut();
                loop {
                    let Some((&key, job)) = timers.iter().next() else { break None };
                    let cancelled = match job {
                        TimerJob::Timeout(t) => t.cancelled(),
                        TimerJob::Interval(i) => i.cancelled(),
                    };
                    if cancelled {
                        timers.remove(&key);
                        continue;
                    }
                    if key.0 > deadline_ms {
                        return Ok(LoopEnd::Deadline);
                    }
                    break timers.remove(&key).map(|job| (key.0, job));
                }
            };
            let Some((due, job)) = next else { return Ok(LoopEnd::Idle) };
            self.clock.advance_to_ms(due);
            match job {
                TimerJob::Timeout(job) => {
                    job.call(context)?;
                }
                TimerJob::Interval(job) => {
                    job.call(context)?;
                    if !job.cancelled() {
                        let every = job.interval().as_millis();
                        self.schedule(every, TimerJob::Interval(job));
                    }
                }
            }
        }
    }
}

impl JobExecutor for EventLoop {
    fn enqueue_job(self: Rc<Self>, job: Job, _context: &mut Context) {
        match job {
            Job::PromiseJob(job) => self.microtasks.borrow_mut().push_back(job),
            Job::GenericJob(job) => self.generic.borrow_mut().push_back(job),
            Job::AsyncJob(job) => self.async_jobs.borrow_mut().push_back(job),
            Job::TimeoutJob(job) => {
                let delay = job.timeout().as_millis();
                self.schedule(delay, TimerJob::Timeout(job));
            }
            Job::IntervalJob(job) => {
                let delay = job.interval().as_millis();
                self.schedule(delay, TimerJob::Interval(job));
            }
            // Finalizers never observably run within one short action.
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, context: &mut Context) -> JsResult<()> {
        self.drain_microtasks(context)
    }
}
