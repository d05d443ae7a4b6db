//! What HubSpot's test panel shows, as text: Status, Data outputs (with the
//! undeclared-output alert), and the Logs in Lambda's frame. The CLI prints
//! [`render`]; the browser's panel shows the same pieces.

use crate::report::{RunReport, Status};
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

/// `started_at` is the run clock's start, shown on each log line as Lambda does.
pub fn render(report: &RunReport, seed: &str, started_at: &str) -> String {
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
            let _ = writeln!(out, "  {} {} -> {status}", r.method, r.url);
        }
    }
    if !report.crm_changes.is_empty() {
        out.push_str("\nCRM changes:\n");
        let text = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
        for c in &report.crm_changes {
            let _ = writeln!(out, "  {} {} {}: {} -> {}", c.object, c.id, c.property, text(&c.before), text(&c.after));
        }
    }
    out
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
