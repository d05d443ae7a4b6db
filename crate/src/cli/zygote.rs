//! Linux: prepared once, isolated per run. A *zygote* child prepares the
//! Node layer once (`engine::prepare`); for each group of scenarios with the
//! same preloads (`pool.rs` sends them grouped) it forks a *group zygote*
//! that loads them (`Prepared::preload`, as `prepare_for` does) and, for each
//! scenario, `fork()`s again: the forked process runs the scenario in its
//! copy of the prepared context and streams the host's `RunEvent`s on the
//! zygote's stdout; the group zygote then says how it ended. One context per
//! group zygote keeps what a fork copies and what the run's garbage
//! collector walks as small as a fresh run's. A run costs a fork, not a
//! preparation, and still ends in a process of
//! its own: the CLI kills that pid at the kill deadline, the counting
//! allocator caps its memory (`host::run_guest`), and a crash takes only it.
//!
//! The zygote is single-threaded (fork keeps only the calling thread: a
//! lock another thread held would stay locked forever), so it runs on its
//! main thread, whose stack the CLI raises with `RLIMIT_STACK` before the
//! exec, as deep as the run thread of `isolate.rs`.

use super::isolate::{conclude, read_tail, send_line, InfraError, RUN_STACK_BYTES};
use action_playground::engine::{preloads, prepare, Prepared};

/// What decides which group zygote a code runs from (`Preloads::group_key`).
pub type PreloadKey = (Vec<String>, Vec<&'static str>);
use action_playground::host::{kill_after_ms, run_guest, RunEvent, RunRequest, Stop, Transcript};
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

/// How long a zygote may take to fork a run (it may be preparing a context
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
/// This process prepares the Node layer once (`engine::prepare`) and forks,
/// per group of scenarios with the same preloads, a *group zygote* that
/// loads them into its copy and forks the group's runs; requests are
/// passed on to the current group's zygote, which answers on the same stdout.
pub fn zygote_main() -> i32 {
    name_this_process(b"ap-zygote\0");
    super::shared_code::map_code_into_forks();
    // The prepared context lives in huge pages: a fork copies a few page
    // directory entries instead of thousands of page table entries.
    action_playground::memory::fresh_heap::start(true);
    let mut base = prepare().ok();
    if base.is_none() {
        say(&Note::Unfit { why: "the Node layer failed to start".into() });
        return 3;
    }
    settle();
    let mut group: Option<(PreloadKey, libc::pid_t, std::fs::File)> = None;
    let mut line = String::new();
    loop {
        line.clear();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                end_group(group.take());
                return 0;
            }
            Ok(_) => {}
        }
        let key = match RunRequest::decode(line.trim_end()) {
            Ok(request) => preloads(&request.scenario.code).group_key(),
            Err(why) => {
                say(&Note::Unfit { why });
                return 3;
            }
        };
        if group.as_ref().is_none_or(|(on, _, _)| *on != key) {
            end_group(group.take());
            match fork_group(&mut base, &line) {
                Ok((pid, input)) => group = Some((key, pid, input)),
                Err(why) => {
                    say(&Note::Unfit { why });
                    return 3;
                }
            }
        }
        let (_, _, input) = group.as_mut().expect("a group zygote");
        if input.write_all(line.as_bytes()).is_err() {
            say(&Note::Unfit { why: "a group zygote died".into() });
            return 3;
        }
    }
}

/// What preparing left behind is collected once, here, not by every run
/// (which also leaves the runs room to allocate before the next collection);
/// the heap's free pages go back to the system.
fn settle() {
    action_playground::engine::collect_garbage();
    // SAFETY: plain libc call.
    unsafe { libc::malloc_trim(0) };
}

/// Closes a group zygote's input (it exits when its last run is done) and reaps it.
fn end_group(group: Option<(PreloadKey, libc::pid_t, std::fs::File)>) {
    if let Some((_, pid, input)) = group {
        drop(input);
        let mut status = 0;
        // SAFETY: `pid` is this process's child.
        unsafe { libc::waitpid(pid, &mut status, 0) };
    }
}

/// Forks the group zygote for the preloads of `request_line`'s code: its pid and its input.
fn fork_group(base: &mut Option<Prepared>, request_line: &str) -> Result<(libc::pid_t, std::fs::File), String> {
    let code = RunRequest::decode(request_line.trim_end())?.scenario.code;
    let mut pipe = [0; 2];
    // SAFETY: plain syscalls on fds this process owns; this process has one thread.
    unsafe {
        if libc::pipe2(pipe.as_mut_ptr(), libc::O_CLOEXEC) != 0 {
            return Err(format!("pipe: {}", std::io::Error::last_os_error()));
        }
        let _ = std::io::stdout().flush();
        let parent = libc::getpid();
        match libc::fork() {
            -1 => Err(format!("fork: {}", std::io::Error::last_os_error())),
            0 => {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                name_this_process(b"ap-group\0");
                if libc::getppid() != parent {
                    libc::_exit(1);
                }
                libc::close(pipe[1]);
                // This process's copy of the base context becomes the group's.
                let Some(mut prepared) = base.take() else { libc::_exit(3) };
                let wanted = preloads(&code);
                prepared.load(&wanted);
                settle();
                // What loading split into 4 KB pages, in 2 MB pages again: each run's fork copies less.
                action_playground::memory::fresh_heap::collapse_huge_pages();
                let input = BufReader::new(std::fs::File::from_raw_fd(pipe[0]));
                let status = serve(Some((wanted.group_key(), prepared)), input);
                let _ = std::io::stdout().flush();
                libc::_exit(status);
            }
            pid => {
                libc::close(pipe[0]);
                Ok((pid, std::fs::File::from_raw_fd(pipe[1])))
            }
        }
    }
}

/// A group zygote: forks a run per request read from `input`, in a copy of `prepared`.
fn serve(mut prepared: Option<(PreloadKey, Prepared)>, mut input: impl BufRead) -> i32 {
    let zygote_pid = std::process::id() as i32;
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
        // A scenario with other preloads runs from a fresh context (never sent: requests are routed by preloads).
        let wanted = preloads(&request.scenario.code);
        let fits = prepared.as_ref().is_some_and(|(k, _)| *k == wanted.group_key());
        if let (true, Some((_, group_context))) = (fits, prepared.as_mut()) {
            // What this code's first calls load and the group's context does
            // not have yet: loaded once here, for this and every later run.
            group_context.load(&wanted);
            group_context.compile_action(&request.scenario.code);
        }
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
                    action_playground::memory::fresh_heap::start(false);
                    // The run: dies with the zygote, writes its stderr to the pipe.
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    if libc::getppid() != zygote_pid {
                        libc::_exit(1);
                    }
                    libc::dup2(pipe[1], 2);
                    libc::close(pipe[0]);
                    libc::close(pipe[1]);
                    say(&Note::Started { pid: libc::getpid() });
                    let context = if fits { prepared.take().map(|(_, p)| p) } else { None };
                    run_guest(&request, context, send_line);
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
