//! The run as it happened on its clock: every request and its answer, the
//! action's timers, each log line and the handler's end. `RunState` notes
//! each event where it notifies the run's observer (one event path, no
//! second recorder); the report carries them as `timeline`, the text panel
//! prints them compactly ([`text`]) and the page draws them.

use crate::report::Status;
use serde::{Deserialize, Serialize};

/// One event of the timeline.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    /// Milliseconds after the run started, on its clock.
    pub at_ms: f64,
    /// Which attempt or execution (index into `attempts`/`executions`) when the run has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution: Option<usize>,
    #[serde(flatten)]
    pub what: Happening,
}

/// The log text kept on a timeline event (the report's `logs` has it whole).
pub const LOG_PREVIEW_CHARS: usize = 160;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Happening {
    /// A request left; `index` is its place in the execution's `requests`.
    #[serde(rename_all = "camelCase")]
    Request { index: usize, method: String, url: String },
    /// Its answer arrived (`status` null: it failed) after `latencyMs`.
    #[serde(rename_all = "camelCase")]
    Response { index: usize, status: Option<u16>, latency_ms: u64 },
    /// The action set a timer (`setTimeout`, `setInterval`: `repeat`).
    #[serde(rename_all = "camelCase")]
    Timer { delay_ms: u64, repeat: bool },
    #[serde(rename_all = "camelCase")]
    Log { level: String, message: String },
    /// The execution ended (outputs delivered and the loop empty, an error, the limit).
    #[serde(rename_all = "camelCase")]
    End {
        status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
}

impl TimelineEvent {
    pub fn kind(&self) -> &'static str {
        match self.what {
            Happening::Request { .. } => "request",
            Happening::Response { .. } => "response",
            Happening::Timer { .. } => "timer",
            Happening::Log { .. } => "log",
            Happening::End { .. } => "end",
        }
    }
}

/// The first line of a log message, cut to [`LOG_PREVIEW_CHARS`].
pub fn log_preview(message: &str) -> String {
    let line = message.lines().next().unwrap_or("");
    let mut preview: String = line.chars().take(LOG_PREVIEW_CHARS).collect();
    if preview.len() < message.len() {
        preview.push('…');
    }
    preview
}

fn ms_text(ms: f64) -> String {
    if ms >= 60_000.0 {
        let minutes = ms / 60_000.0;
        if minutes >= 120.0 {
            format!("{:.1} h", minutes / 60.0)
        } else {
            format!("{minutes:.1} min")
        }
    } else if ms >= 1_000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{ms:.0} ms")
    }
}

/// The timeline as text, one event a line, for the CLI's panel: requests
/// with their latency and answer, timers, logs, each execution's end
/// against `limit_ms`.
pub fn text(events: &[TimelineEvent], limit_ms: u64) -> Vec<String> {
    let mut out = Vec::new();
    let mut starts: Vec<(Option<usize>, f64)> = Vec::new();
    for event in events {
        let start = match starts.iter().find(|(e, _)| *e == event.execution) {
            Some((_, at)) => *at,
            None => {
                starts.push((event.execution, event.at_ms));
                if let Some(n) = event.execution {
                    out.push(format!("  -- execution {} at {} --", n + 1, ms_text(event.at_ms)));
                }
                event.at_ms
            }
        };
        let at = event.at_ms - start;
        let line = match &event.what {
            Happening::Request { method, url, .. } => format!("→ {method} {url}"),
            Happening::Response { status, latency_ms, .. } => {
                format!("← {} after {}", status.map_or("failed".to_string(), |s| s.to_string()), ms_text(*latency_ms as f64))
            }
            Happening::Timer { delay_ms, repeat } => format!("⏱ {} {}", if *repeat { "setInterval" } else { "setTimeout" }, ms_text(*delay_ms as f64)),
            Happening::Log { level, message } => format!("✎ {level}: {message}"),
            Happening::End { status, error } => {
                let used = at / limit_ms as f64 * 100.0;
                let verdict = match (status, error) {
                    (Status::Success, _) => "success".to_string(),
                    (Status::Error, Some(e)) => format!("error: {e}"),
                    (Status::Error, None) => "error".to_string(),
                };
                format!("■ end, {verdict} ({used:.0} % of the {} limit)", ms_text(limit_ms as f64))
            }
        };
        out.push(format!("  {:>9}  {line}", format!("+{}", ms_text(at))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(at_ms: f64, what: Happening) -> TimelineEvent {
        TimelineEvent { at_ms, execution: None, what }
    }

    #[test]
    fn events_serialize_flat_with_their_kind() {
        let event = at(12.5, Happening::Response { index: 0, status: Some(200), latency_ms: 12 });
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json, serde_json::json!({"atMs": 12.5, "kind": "response", "index": 0, "status": 200, "latencyMs": 12}));
        assert_eq!(serde_json::from_value::<TimelineEvent>(json).unwrap(), event);
    }

    #[test]
    fn the_text_form_reads_against_the_limit() {
        let events = [
            at(0.0, Happening::Request { index: 0, method: "GET".into(), url: "https://x/1".into() }),
            at(250.0, Happening::Response { index: 0, status: Some(503), latency_ms: 250 }),
            at(250.0, Happening::Timer { delay_ms: 1000, repeat: false }),
            at(5000.0, Happening::End { status: Status::Success, error: None }),
        ];
        let lines = text(&events, 20_000);
        assert_eq!(lines[1], "    +250 ms  ← 503 after 250 ms");
        assert_eq!(lines[2], "    +250 ms  ⏱ setTimeout 1.00 s");
        assert_eq!(lines[3], "    +5.00 s  ■ end, success (25 % of the 20.00 s limit)");
    }

    #[test]
    fn long_log_lines_are_previewed() {
        assert_eq!(log_preview("a\nb"), "a…");
        assert_eq!(log_preview("short"), "short");
        assert_eq!(log_preview(&"x".repeat(200)).chars().count(), LOG_PREVIEW_CHARS + 1);
    }
}
