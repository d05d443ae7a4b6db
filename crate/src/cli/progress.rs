//! The progress bar of a long `test` run on a terminal: counts and an ETA
//! on stderr's last line, cleared before each result line is printed.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A run shorter than this gets no bar (and no flicker).
const SHOW_AFTER: Duration = Duration::from_secs(1);
const REDRAW_EVERY: Duration = Duration::from_millis(100);
const WIDTH: usize = 24;

pub struct Progress {
    enabled: bool,
    total: usize,
    started: Instant,
    /// When the bar was last drawn, if it is on screen.
    drawn: Option<Instant>,
}

impl Progress {
    /// A bar for `total` units, shown only when stderr is a terminal.
    pub fn new(total: usize) -> Self {
        Self { enabled: std::io::stderr().is_terminal(), total, started: Instant::now(), drawn: None }
    }

    /// `done` units finished, `failed` of them not passing.
    pub fn update(&mut self, done: usize, failed: usize) {
        let now = Instant::now();
        // Redrawn at most every REDRAW_EVERY while on screen; at once after a clear.
        if !self.enabled || now - self.started < SHOW_AFTER || self.drawn.is_some_and(|at| now - at < REDRAW_EVERY) {
            return;
        }
        self.drawn = Some(now);
        let filled = WIDTH * done / self.total.max(1);
        let elapsed = now - self.started;
        let eta = if done == 0 { String::from("?") } else { format!("{:.0}s", elapsed.as_secs_f64() * (self.total - done) as f64 / done as f64) };
        let bar = format!("{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
        let _ = write!(std::io::stderr(), "\r\x1b[K[{bar}] {done}/{} ({failed} not passing) {:.0}s, ETA {eta}", self.total, elapsed.as_secs_f64());
    }

    /// Removes the bar so a result line can be printed in its place.
    pub fn clear(&mut self) {
        if self.drawn.take().is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
