//! Runs many scenarios on `jobs` workers, each run isolated in a process of
//! its own: forked from a worker's zygote on Linux (`zygote.rs`), a plain
//! child per run elsewhere or when `ACTION_PLAYGROUND_ISOLATION=process`
//! (`isolate.rs`). A zygote compiles an action before it forks its runs and
//! keeps the last one compiled, so the workers take scenarios grouped by
//! code (a worker stays on its group while it lasts, then joins the largest
//! one left). Results come back in the input's order all the same.

use super::isolate::{run_isolated, InfraError};
use action_playground::{RunReport, Scenario};
use std::collections::VecDeque;
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

/// Set to `process` to run each scenario in a fresh child process (the
/// slower path every platform has), e.g. to compare the two.
pub const ISOLATION_ENV: &str = "ACTION_PLAYGROUND_ISOLATION";

/// One worker's way of running a scenario in isolation.
enum Runner {
    #[cfg(target_os = "linux")]
    Fork(Option<super::zygote::Zygote>),
    Process,
}

impl Runner {
    fn new() -> Self {
        #[cfg(target_os = "linux")]
        if std::env::var(ISOLATION_ENV).map_or(true, |v| v != "process") {
            return Runner::Fork(None);
        }
        Runner::Process
    }

    fn run(&mut self, scenario: &Scenario) -> Result<RunReport, InfraError> {
        #[cfg(target_os = "linux")]
        if let Runner::Fork(slot) = self {
            use super::zygote::{Ran, Zygote};
            // A zygote lost before the run started is replaced once; then a plain child runs it.
            for _ in 0..2 {
                let zygote = match slot {
                    Some(zygote) => zygote,
                    None => slot.insert(Zygote::start()?),
                };
                match zygote.run(scenario) {
                    Ran::Report { report, healthy } => {
                        if !healthy {
                            *slot = None;
                        }
                        return Ok(report);
                    }
                    Ran::NotStarted => *slot = None,
                    Ran::Unfit(why) => {
                        eprintln!("action-playground: cannot fork runs ({why}); running each in a new process");
                        *self = Runner::Process;
                        break;
                    }
                }
            }
        }
        run_isolated(scenario)
    }
}

/// The scenarios left to run, grouped by code (in order of first appearance).
struct Queue {
    groups: Vec<VecDeque<usize>>,
    /// Set when the machine failed: no worker starts another run.
    stopped: bool,
}

impl Queue {
    fn new(scenarios: &[&Scenario]) -> Self {
        let mut codes: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut groups: Vec<VecDeque<usize>> = Vec::new();
        for (i, scenario) in scenarios.iter().enumerate() {
            let next = groups.len();
            let g = *codes.entry(scenario.code.as_str()).or_insert(next);
            if g == next {
                groups.push(VecDeque::new());
            }
            groups[g].push_back(i);
        }
        Self { groups, stopped: false }
    }

    /// The next scenario for a worker on group `on`: its group's next, or
    /// the next of the largest group left.
    fn take(&mut self, on: Option<usize>) -> Option<(usize, usize)> {
        if self.stopped {
            return None;
        }
        let group = on
            .filter(|&g| !self.groups[g].is_empty())
            .or_else(|| (0..self.groups.len()).filter(|&g| !self.groups[g].is_empty()).max_by_key(|&g| (self.groups[g].len(), std::cmp::Reverse(g))))?;
        self.groups[group].pop_front().map(|i| (group, i))
    }
}

/// A scenario's report and the wall time its run took (as the CLI saw it).
pub type Finished = Result<(RunReport, Duration), InfraError>;

/// What `run_all` tells its caller, on the caller's thread.
pub enum News {
    /// `done` runs have finished (in any order).
    Progress { done: usize },
    /// Scenario `i`'s result; these come in index order (0, 1, 2, …), each
    /// as soon as it and all before it are done.
    Result(usize, Finished),
}

/// Runs `scenarios` on `jobs` workers, telling `news` as they finish.
pub fn run_all(scenarios: &[&Scenario], jobs: usize, mut news: impl FnMut(News)) {
    let queue = Mutex::new(Queue::new(scenarios));
    let (tx, rx) = mpsc::channel::<(usize, Finished)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, scenarios.len().max(1)) {
            let tx = tx.clone();
            let queue = &queue;
            scope.spawn(move || {
                let mut runner = Runner::new();
                let mut on = None;
                loop {
                    let Some((group, i)) = queue.lock().expect("queue").take(on) else { break };
                    on = Some(group);
                    let started = Instant::now();
                    let result = runner.run(scenarios[i]).map(|report| (report, started.elapsed()));
                    let failed = result.is_err();
                    if failed {
                        queue.lock().expect("queue").stopped = true;
                    }
                    if tx.send((i, result)).is_err() || failed {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: Vec<Option<Finished>> = (0..scenarios.len()).map(|_| None).collect();
        let mut emitted = 0;
        let mut done = 0;
        for (i, result) in rx {
            waiting[i] = Some(result);
            done += 1;
            news(News::Progress { done });
            while let Some(result) = waiting.get_mut(emitted).and_then(Option::take) {
                news(News::Result(emitted, result));
                emitted += 1;
            }
        }
        // After a machine failure some earlier scenarios never ran: the failure is still told.
        if let Some((i, failure)) = waiting.into_iter().enumerate().skip(emitted).find_map(|(i, r)| r.filter(Result::is_err).map(|r| (i, r))) {
            news(News::Result(i, failure));
        }
    });
}
