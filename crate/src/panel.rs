//! What HubSpot's test panel shows, as text: Status, Data outputs (with the
//! undeclared-output alert), and the Logs in Lambda's frame. The CLI prints
//! [`render`]; the browser's panel shows the same pieces.

use crate::report::{Execution, RunReport, Status};
use std::fmt::Write;

/// A request id in Lambda's shape, stable for a given scenario text.
pub fn request_id(seed: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let g = h.rotate_left(17) ^ 0x9e37_79b9_7f4a_7c15;
    format!("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", h >> 32, (h >> 16) & 0xffff, h & 0xfff, 0x8000 | (g & 0x3fff), g >> 16)
}

/// `started_at` is the run clock's start, shown on each log line as Lambda
/// does; `timeout_ms` the limit the timeline is read against.
pub fn render(report: &RunReport, seed: &str, started_at: &str, timeout_ms: u64) -> String {
    let mut out = String::new();
    let id = request_id(seed);
    match report.status {
        Status::Success => out.push_str("Status: Success\n"),
        Status::Error => {
            out.push_str("Status: Error\n");
            if let Some(e) = &report.error {
                let _ = writeln!(out, "  {}: {}", e.name, e.message.replace('\n', "\n  "));
            }
        }
    }
    out.push_str("\nData outputs:\n");
    match report.output_fields.as_ref().and_then(|v| v.as_object()) {
        Some(map) if !map.is_empty() => {
            for (k, v) in map {
                let _ = writeln!(out, "  {k}: {v}");
            }
        }
        _ => out.push_str("  (none)\n"),
    }
    if let Some(alert) = undeclared_alert(report) {
        let _ = writeln!(out, "  ! {alert}");
    }
    out.push_str("\nLogs:\n");
    for line in log_frame(report, &id, started_at) {
        let _ = writeln!(out, "{line}");
    }
    if !report.requests.is_empty() {
        out.push_str("\nRequests:\n");
        for r in &report.requests {
            let status = r.status.map_or("failed".to_string(), |s| s.to_string());
            let unmatched = if r.unmatched { "   (no mock rule matched)" } else { "" };
            let _ = writeln!(out, "  {} {} -> {status}{unmatched}", r.method, r.url);
        }
    }
    if !report.crm_changes.is_empty() {
        out.push_str("\nCRM changes:\n");
        let text = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
        for c in &report.crm_changes {
            let _ = writeln!(out, "  {} {} {}: {} -> {}", c.object, c.id, c.property, text(&c.before), text(&c.after));
        }
    }
    for (title, list) in [("HubSpot's retries (attempts)", &report.attempts), ("Warm container (executions)", &report.executions)] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{title}:");
            for line in executions_text(list) {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    if !report.timeline.is_empty() {
        out.push_str("\nTimeline:\n");
        for line in crate::timeline::text(&report.timeline, timeout_ms) {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

/// One paragraph per execution: when it started, how it ended, its outputs,
/// and its requests, writes repeated from an earlier attempt flagged.
pub fn executions_text(list: &[Execution]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, e) in list.iter().enumerate() {
        let verdict = match (&e.status, &e.error) {
            (Status::Success, _) => "success".to_string(),
            (Status::Error, Some(err)) => format!("error {}: {}", err.name, err.message.lines().next().unwrap_or("")),
            (Status::Error, None) => "error".to_string(),
        };
        out.push(format!("  #{} at {} — {verdict}", n + 1, clock_text(e.started_at_ms)));
        if let Some(fields) = e.output_fields.as_ref().and_then(|v| v.as_object()).filter(|m| !m.is_empty()) {
            out.push(format!("     outputs: {}", serde_json::Value::Object(fields.clone())));
        }
        for r in &e.requests {
            let status = r.status.map_or("failed".to_string(), |s| s.to_string());
            let flag = if r.repeated_write { "   ! repeats a write of an earlier attempt (not idempotent)" } else { "" };
            out.push(format!("     {} {} -> {status}{flag}", r.method, r.url));
        }
        if let Some(status) = e.retry_on_status {
            out.push(format!("     HubSpot retries: the action failed on a {status} answer"));
        }
    }
    out
}

/// A time on the run's clock as a person reads it: `+1 min 0.3 s`, `+2 h 7 min`.
pub fn clock_text(ms: f64) -> String {
    let seconds = ms / 1000.0;
    if seconds < 60.0 {
        format!("+{seconds:.2} s")
    } else if seconds < 3600.0 {
        format!("+{} min {:.1} s", (seconds / 60.0).floor(), seconds % 60.0)
    } else {
        format!("+{} h {} min", (seconds / 3600.0).floor(), ((seconds % 3600.0) / 60.0).floor())
    }
}

/// HubSpot's alert for outputs the code delivered but nobody declared.
pub fn undeclared_alert(report: &RunReport) -> Option<String> {
    if report.undeclared_outputs.is_empty() {
        return None;
    }
    Some(format!(
        "Alert: {} not declared as data outputs; HubSpot will not make {} available to later actions.",
        report.undeclared_outputs.join(", "),
        if report.undeclared_outputs.len() == 1 { "it" } else { "them" }
    ))
}

/// The Logs box: Lambda's START line, one line per console call, the invoke
/// error, END, and REPORT with duration and memory.
pub fn log_frame(report: &RunReport, id: &str, started_at: &str) -> Vec<String> {
    let mut out = Vec::new();
    out.push(format!("START RequestId: {id} Version: $LATEST"));
    let prefix_level = |level: &str| match level {
        "error" => "ERROR",
        "warn" => "WARN",
        "debug" => "DEBUG",
        _ => "INFO",
    };
    for line in &report.logs {
        out.push(format!("{started_at}\t{id}\t{}\t{}", prefix_level(&line.level), line.message));
    }
    if let Some(e) = &report.error {
        if report.status == Status::Error {
            out.push(format!(
                "{started_at}\t{id}\tERROR\tInvoke Error \t{{\"errorType\":\"{}\",\"errorMessage\":{}}}",
                e.name,
                serde_json::Value::String(e.message.clone())
            ));
        }
    }
    out.push(format!("END RequestId: {id}"));
    let billed = report.runtime_ms.ceil().max(1.0);
    out.push(format!(
        "REPORT RequestId: {id}\tDuration: {:.2} ms\tBilled Duration: {} ms\tMemory Size: 128 MB\tMax Memory Used: {} MB",
        report.runtime_ms,
        billed,
        max_memory_used_mb(report)
    ));
    out
}

/// Lambda's "Max Memory Used": the run's peak plus the Node runtime's own
/// ~40 MB baseline, in whole MB.
pub fn max_memory_used_mb(report: &RunReport) -> u64 {
    (report.memory_bytes + 41_943_040).div_ceil(1024 * 1024)
}
