//! Linux: prepared once, isolated per run. A *zygote* child prepares the
//! Node layer once (`engine::prepare`) and, for each scenario, `fork()`s: the
//! forked process runs the scenario in its copy of the prepared context and
//! streams the host's `RunEvent`s on the zygote's stdout; the zygote then
//! says how it ended. Before a fork the zygote loads what the scenario's code
//! will use and its context lacks (`engine::preloads`; loading is cumulative
//! and invisible to a run, so one context serves a whole suite and each
//! library is loaded once per worker) and compiles the action. A run costs a
//! fork, not a preparation, and still ends in a process of its own: the CLI
//! kills that pid at the kill deadline, the counting allocator caps its
//! memory (`host::run_guest`), and a crash takes only it.
//!
//! The zygote is single-threaded (fork keeps only the calling thread: a
//! lock another thread held would stay locked forever), so it runs on its
//! main thread, whose stack the CLI raises with `RLIMIT_STACK` before the
//! exec, as deep as the run thread of `isolate.rs`.

use super::isolate::{conclude, read_tail, send_line, InfraError, RUN_STACK_BYTES};
use action_playground::engine::{preloads, prepare, Preloads, Prepared};
use action_playground::host::{kill_after_ms, run_guest, RunEvent, RunRequest, Stop, Transcript};
use action_playground::memory::fresh_heap;
use action_playground::{RunReport, Scenario};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Write};
use std::os::fd::FromRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The hidden sub-command the CLI starts its zygotes with.
pub const ZYGOTE_COMMAND: &str = "__zygote";

/// How long a zygote may take to fork a run (it may be loading libraries
/// first) before the CLI gives up on it.
const FORK_PATIENCE: Duration = Duration::from_secs(60);

/// What the zygote (not the forked run) says on its stdout, between runs' events.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Note {
    /// The forked run's pid: the process the CLI kills at the deadline.
    Started { pid: i32 },
    /// The forked run ended: its wait status and the tail of its stderr.
    Exited { status: String, stderr: String },
    /// This zygote cannot fork safely (or read its request): use plain children.
    Unfit { why: String },
}

fn say(note: &Note) {
    let mut out = std::io::stdout().lock();
    // The newline first ends a line a killed run left half-written.
    let _ = writeln!(out, "\n{}", serde_json::to_string(note).expect("notes serialize"));
    let _ = out.flush();
}

fn threads_in_this_process() -> usize {
    std::fs::read_dir("/proc/self/task").map(|d| d.count()).unwrap_or(usize::MAX)
}

/// Zygote side: run requests on stdin, one per line, until stdin closes.
pub fn zygote_main() -> i32 {
    name_this_process(b"ap-zygote\0");
    super::shared_code::map_code_into_forks();
    // The prepared context lives in huge pages: a fork copies a few page
    // directory entries instead of thousands of page table entries.
    fresh_heap::start(true);
    let Ok(prepared) = prepare() else {
        say(&Note::Unfit { why: "the Node layer failed to start".into() });
        return 3;
    };
    settle();
    serve(prepared, std::io::stdin().lock())
}

/// What preparing or loading left behind is collected once, here, not by
/// every run (which also leaves the runs room to allocate before the next
/// collection); the heap's free pages go back to the system, and what
/// writing after earlier forks split into 4 KB pages is in 2 MB pages again.
fn settle() {
    action_playground::engine::collect_garbage();
    // SAFETY: plain libc call.
    unsafe { libc::malloc_trim(0) };
    fresh_heap::collapse_huge_pages();
}

/// Forks a run per request read from `input`, in a copy of `prepared`.
fn serve(prepared: Prepared, mut input: impl BufRead) -> i32 {
    let zygote_pid = std::process::id() as i32;
    let mut prepared = Some(prepared);
    let mut loaded = Preloads::default();
    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return 0,
            Ok(_) => {}
        }
        let request = match RunRequest::decode(line.trim_end()) {
            Ok(request) => request,
            Err(why) => {
                say(&Note::Unfit { why });
                return 3;
            }
        };
        let context = prepared.as_mut().expect("the zygote keeps its context");
        let wanted = preloads(&request.scenario.code);
        if !wanted.is_within(&loaded) {
            context.load(&wanted);
            loaded.absorb(&wanted);
            settle();
        }
        context.compile_action(&request.scenario.code);
        let threads = threads_in_this_process();
        if threads != 1 {
            say(&Note::Unfit { why: format!("the zygote has {threads} threads; fork needs one") });
            return 3;
        }
        let mut pipe = [0; 2];
        // SAFETY: plain syscalls on fds this process owns; the forked child
        // only runs this thread's code (the process has no other thread).
        unsafe {
            if libc::pipe2(pipe.as_mut_ptr(), libc::O_CLOEXEC) != 0 {
                say(&Note::Unfit { why: format!("pipe: {}", std::io::Error::last_os_error()) });
                return 3;
            }
            let _ = std::io::stdout().flush();
            match libc::fork() {
                -1 => {
                    say(&Note::Unfit { why: format!("fork: {}", std::io::Error::last_os_error()) });
                    return 3;
                }
                0 => {
                    name_this_process(b"ap-run\0");
                    // The run allocates from fresh pages, not the zygote's free lists.
                    fresh_heap::start(false);
                    // The run: dies with the zygote, writes its stderr to the pipe.
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    if libc::getppid() != zygote_pid {
                        libc::_exit(1);
                    }
                    libc::dup2(pipe[1], 2);
                    libc::close(pipe[0]);
                    libc::close(pipe[1]);
                    say(&Note::Started { pid: libc::getpid() });
                    run_guest(&request, prepared.take(), send_line);
                    let _ = std::io::stdout().flush();
                    // No destructors: the exit frees everything at once.
                    libc::_exit(0);
                }
                pid => {
                    libc::close(pipe[1]);
                    let mut stderr = std::fs::File::from_raw_fd(pipe[0]);
                    let stderr = read_tail(&mut stderr);
                    let mut status = 0;
                    libc::waitpid(pid, &mut status, 0);
                    say(&Note::Exited { status: describe(status), stderr });
                }
            }
        }
    }
}

/// Names this process for `ps`, `top` and profilers (the zygote, a group
/// zygote and each run would otherwise all be `action-playground`).
fn name_this_process(name: &[u8]) {
    // SAFETY: PR_SET_NAME reads a NUL-terminated string of at most 16 bytes.
    unsafe { libc::prctl(libc::PR_SET_NAME, name.as_ptr()) };
}

/// A wait status as `std::process::ExitStatus` words it.
fn describe(status: i32) -> String {
    if libc::WIFEXITED(status) {
        format!("exit status: {}", libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        let core = if libc::WCOREDUMP(status) { " (core dumped)" } else { "" };
        format!("signal: {}{core}", libc::WTERMSIG(status))
    } else {
        format!("wait status {status}")
    }
}

enum Line {
    Event(RunEvent),
    Note(Note),
    Unreadable(String),
}

fn read_line(text: &str) -> Option<Line> {
    if text.is_empty() {
        return None;
    }
    Some(match RunEvent::decode(text) {
        Ok(event) => Line::Event(event),
        Err(e) => serde_json::from_str::<Note>(text).map(Line::Note).unwrap_or(Line::Unreadable(e)),
    })
}

/// The CLI's handle on one zygote; runs one scenario at a time.
pub struct Zygote {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    run: u32,
}

/// How a run through a zygote went.
pub enum Ran {
    /// The run's report; `healthy` is false when the zygote was lost with it.
    Report { report: RunReport, healthy: bool },
    /// This zygote cannot fork (the CLI falls back to a plain child per run).
    Unfit(String),
    /// The zygote died before the run started (the scenario never ran): start another.
    NotStarted,
}

impl Zygote {
    pub fn start() -> Result<Self, InfraError> {
        let exe = std::env::current_exe().map_err(|e| InfraError(format!("cannot find the CLI binary: {e}")))?;
        let mut command = Command::new(exe);
        command.arg(ZYGOTE_COMMAND).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let stack = libc::rlimit { rlim_cur: RUN_STACK_BYTES as libc::rlim_t, rlim_max: libc::RLIM_INFINITY };
                let mut current = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
                libc::getrlimit(libc::RLIMIT_STACK, &mut current);
                let wanted = libc::rlimit { rlim_max: current.rlim_max, rlim_cur: stack.rlim_cur.min(current.rlim_max) };
                libc::setrlimit(libc::RLIMIT_STACK, &wanted);
                // A zygote outlives no CLI.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let mut child = command.spawn().map_err(|e| InfraError(format!("cannot start the runs: {e}")))?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Self { child, stdin, lines, run: 0 })
    }

    pub fn run(&mut self, scenario: &Scenario) -> Ran {
        self.run += 1;
        let started = Instant::now();
        let request = RunRequest::new(self.run, scenario.clone()).encode();
        if writeln!(self.stdin, "{request}").and_then(|()| self.stdin.flush()).is_err() {
            let _ = self.end();
            return Ran::NotStarted;
        }
        let mut transcript = Transcript::new(self.run);
        let mut pid = None;
        let mut stop = None;
        let mut unreadable = None;
        let mut deadline = Instant::now() + FORK_PATIENCE;
        loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(wait) {
                Ok(text) => match read_line(&text) {
                    None => {}
                    Some(Line::Event(event)) => {
                        transcript.accept(event);
                    }
                    Some(Line::Note(Note::Started { pid: forked })) => {
                        pid = Some(forked);
                        deadline = Instant::now() + Duration::from_millis(kill_after_ms(&scenario.settings));
                    }
                    Some(Line::Note(Note::Exited { status, stderr })) => {
                        let report = conclude(transcript, stop, unreadable, Ok(status), &stderr, scenario, started);
                        return Ran::Report { report, healthy: true };
                    }
                    Some(Line::Note(Note::Unfit { why })) => return Ran::Unfit(why),
                    Some(Line::Unreadable(e)) => unreadable = unreadable.or(Some(e)),
                },
                Err(RecvTimeoutError::Timeout) => match (pid, &stop) {
                    // The deadline: kill the run; the zygote then says it exited.
                    (Some(pid), None) => {
                        // SAFETY: `pid` is the zygote's unreaped child until it says Exited.
                        unsafe { libc::kill(pid, libc::SIGKILL) };
                        stop = Some(Stop::Timeout);
                        deadline = Instant::now() + FORK_PATIENCE;
                    }
                    _ => return self.lost(transcript, stop.or(Some(Stop::Timeout)), unreadable, scenario, started),
                },
                Err(RecvTimeoutError::Disconnected) if pid.is_none() => {
                    let _ = self.end();
                    return Ran::NotStarted;
                }
                Err(RecvTimeoutError::Disconnected) => return self.lost(transcript, stop, unreadable, scenario, started),
            }
        }
    }

    /// The zygote died or stopped answering: this run's report from what it
    /// streamed, and a zygote the caller replaces.
    fn lost(&mut self, transcript: Transcript, stop: Option<Stop>, unreadable: Option<String>, scenario: &Scenario, started: Instant) -> Ran {
        let status = self.end().map(|s| format!("the zygote ended ({s})")).map_err(|e| e.to_string());
        let report = conclude(transcript, stop, unreadable, status, "", scenario, started);
        Ran::Report { report, healthy: false }
    }
}

impl Zygote {
    fn end(&mut self) -> std::io::Result<std::process::ExitStatus> {
        let _ = self.child.kill();
        self.child.wait()
    }
}

impl Drop for Zygote {
    fn drop(&mut self) {
        let _ = self.end();
    }
}
