//! A scenario and its result as one Markdown block, ready for a forum post
//! or a bug report ("Copy as Markdown"): the code, the event, a summary of
//! the mocks, then the result (status, outputs, log lines, requests) and the
//! share link. Secret values never appear: only their names are listed, and
//! any secret value the run printed or sent is replaced by its name.

use crate::report::{RunReport, Status};
use crate::scenario::Scenario;
use serde_json::Value;
use std::fmt::Write;

/// Secret values shorter than this are not masked in the result: a one- or
/// two-character value ("1", "en") would blank unrelated text everywhere.
const MASKED_SECRET_MIN_CHARS: usize = 3;

/// The Markdown for `scenario` and, when it ran, its `report`.
pub fn scenario_markdown(scenario: &Scenario, report: Option<&RunReport>, share_link: Option<&str>) -> String {
    let mask = SecretMask::new(scenario);
    let mut out = String::new();
    let title = scenario.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("Custom code action");
    let _ = writeln!(out, "### {}\n", one_line(title));
    if let Some(description) = scenario.description.as_deref().filter(|d| !d.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", description.trim());
    }
    let runtime = serde_json::to_value(scenario.runtime).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    let _ = writeln!(out, "Runtime: `{runtime}`\n");
    out.push_str(&fenced("js", scenario.code.trim_end()));
    out.push_str("\n**Event**\n\n");
    out.push_str(&fenced("json", &pretty(&scenario.event)));
    out.push('\n');
    mocks_summary(scenario, &mut out);
    if let Some(report) = report {
        result_section(report, &mask, &mut out);
    }
    if let Some(link) = share_link {
        let _ = writeln!(out, "[Open in Action Playground]({link})");
        if !scenario.secrets.is_empty() {
            out.push_str("\n_Secret values are not in the link: fill them in after opening it._\n");
        }
    }
    out
}

fn mocks_summary(scenario: &Scenario, out: &mut String) {
    if !scenario.secrets.is_empty() {
        let names: Vec<String> = scenario.secrets.keys().map(|k| format!("`{k}`")).collect();
        let _ = writeln!(out, "**Secrets** (values not included): {}\n", names.join(", "));
    }
    if !scenario.outputs.is_empty() {
        let outputs: Vec<String> = scenario.outputs.iter().map(|o| format!("`{}` ({})", o.name, o.kind)).collect();
        let _ = writeln!(out, "**Data outputs**: {}\n", outputs.join(", "));
    }
    if !scenario.http.is_empty() {
        out.push_str("**HTTP mocks**\n\n");
        for rule in &scenario.http {
            let method = rule.method.as_deref().unwrap_or("any");
            let answer = match (&rule.error, rule.status) {
                (Some(error), _) => format!("fails with `{error}`"),
                (None, status) => format!("{}", status.unwrap_or(200)),
            };
            let times = rule.times.map(|n| format!(" ({n}×)")).unwrap_or_default();
            let _ = writeln!(out, "- {method} `{}` → {answer}{times}", rule.url);
        }
        out.push('\n');
    }
    if let Some(objects) = scenario.crm.as_ref().and_then(|c| c.get("objects")).and_then(Value::as_object) {
        let counts: Vec<String> = objects.iter().map(|(kind, records)| format!("{} {kind}", records.as_array().map_or(0, Vec::len))).collect();
        if !counts.is_empty() {
            let _ = writeln!(out, "**CRM mock records**: {}\n", counts.join(", "));
        }
    }
}

fn result_section(report: &RunReport, mask: &SecretMask, out: &mut String) {
    let status = match report.status {
        Status::Success => "Success",
        Status::Error => "Error",
    };
    let _ = writeln!(out, "**Result: {status}**\n");
    if let Some(error) = &report.error {
        out.push_str(&fenced("", &mask.apply(&format!("{}: {}", error.name, error.message))));
        out.push('\n');
    }
    if let Some(fields) = report.output_fields.as_ref().filter(|f| f.as_object().is_some_and(|m| !m.is_empty())) {
        out.push_str("Data outputs:\n\n");
        out.push_str(&fenced("json", &mask.apply(&pretty(fields))));
        out.push('\n');
    }
    if !report.undeclared_outputs.is_empty() {
        let _ = writeln!(out, "Undeclared outputs (HubSpot drops them): {}\n", report.undeclared_outputs.join(", "));
    }
    if !report.logs.is_empty() {
        out.push_str("Logs:\n\n");
        let lines: Vec<String> = report.logs.iter().map(|l| format!("{}\t{}", l.level.to_uppercase(), l.message)).collect();
        out.push_str(&fenced("", &mask.apply(&lines.join("\n"))));
        out.push('\n');
    }
    if !report.requests.is_empty() {
        out.push_str("Requests:\n\n");
        for r in &report.requests {
            let status = r.status.map_or("failed".to_string(), |s| s.to_string());
            let _ = writeln!(out, "- {} `{}` → {status}", r.method, mask.apply(&r.url).replace('`', "%60"));
        }
        out.push('\n');
    }
}

/// Replaces each secret's value by `[secret NAME]`, longest values first so
/// a value containing another is masked whole.
struct SecretMask(Vec<(String, String)>);

impl SecretMask {
    fn new(scenario: &Scenario) -> Self {
        let mut pairs: Vec<(String, String)> = scenario
            .secret_strings()
            .into_iter()
            .filter(|(_, v)| v.chars().count() >= MASKED_SECRET_MIN_CHARS)
            .map(|(k, v)| (v, format!("[secret {k}]")))
            .collect();
        pairs.sort_by_key(|(value, _)| std::cmp::Reverse(value.len()));
        Self(pairs)
    }

    fn apply(&self, text: &str) -> String {
        self.0.iter().fold(text.to_string(), |acc, (value, name)| acc.replace(value.as_str(), name))
    }
}

/// A fenced code block whose fence is longer than any backtick run inside,
/// so code holding ``` cannot end the block early.
fn fenced(language: &str, body: &str) -> String {
    let longest_run = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    format!("{fence}{language}\n{body}\n{fence}\n")
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
