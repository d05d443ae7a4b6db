//! Why a check failed, in the words a learner uses: the status, an output's
//! value, a log line, a request — never a JSON path.

use serde_json::{Map, Value};

/// What differs between the expected result (a subset of the result's keys)
/// and the actual one, one sentence each. Empty when nothing differs on the
/// keys this explains (the caller then falls back to the raw comparison).
pub fn explain(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(expected) = expected.as_object() else { return out };
    let want_status = expected.get("status").and_then(Value::as_str);
    let got_status = actual.get("status").and_then(Value::as_str).unwrap_or("error");
    let got_error = error_text(actual.get("error"));
    match (want_status, got_status) {
        (Some("success"), "error") => {
            out.push(format!("The action should finish without an error, but it failed: {}.", got_error.as_deref().unwrap_or("an error")))
        }
        (Some("error"), "success") => out.push("The action should fail here (throw an error), but it finished successfully.".to_string()),
        _ => {}
    }
    if let Some(want) = expected.get("error").filter(|e| e.is_object()) {
        let want_text = error_text(Some(want)).unwrap_or_default();
        match &got_error {
            Some(got) if !same_error(want, actual.get("error")) => out.push(format!("The error should be “{want_text}”, but it was “{got}”.")),
            None if got_status == "success" && want_status != Some("error") => {
                out.push(format!("The action should fail with “{want_text}”, but it did not fail."))
            }
            _ => {}
        }
    }
    if want_status != Some("error") {
        if let Some(want) = expected.get("outputFields").and_then(Value::as_object) {
            outputs(want, actual.get("outputFields").and_then(Value::as_object), &mut out);
        }
    }
    if let Some(want) = expected.get("logs").and_then(Value::as_array) {
        logs(want, actual.get("logs").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]), &mut out);
    }
    if let Some(want) = expected.get("requests").and_then(Value::as_array) {
        requests(want, actual.get("requests").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]), &mut out);
    }
    if let Some(want) = expected.get("undeclaredOutputs").and_then(Value::as_array) {
        if Some(want) != actual.get("undeclaredOutputs").and_then(Value::as_array) && !want.is_empty() {
            out.push(format!("These outputs should be set without being declared: {}.", names(want)));
        }
    }
    out
}

fn error_text(error: Option<&Value>) -> Option<String> {
    let error = error.filter(|e| e.is_object())?;
    let name = error.get("name").and_then(Value::as_str).unwrap_or("Error");
    let message = error.get("message").and_then(Value::as_str).unwrap_or("").lines().next().unwrap_or("");
    Some(if message.is_empty() { name.to_string() } else { format!("{name}: {message}") })
}

fn same_error(want: &Value, got: Option<&Value>) -> bool {
    let first = |v: Option<&Value>| v.and_then(Value::as_str).map(|s| s.lines().next().unwrap_or("").to_string());
    want.get("name").is_none_or(|n| Some(n) == got.and_then(|g| g.get("name")))
        && want.get("message").is_none_or(|m| first(Some(m)) == first(got.and_then(|g| g.get("message"))))
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

fn outputs(want: &Map<String, Value>, got: Option<&Map<String, Value>>, out: &mut Vec<String>) {
    let empty = Map::new();
    let got = got.unwrap_or(&empty);
    for (name, value) in want {
        match got.get(name) {
            None => out.push(format!("Output {name} should be {}, but the action did not set it.", shown(value))),
            Some(actual) if actual != value => {
                let hint = if actual.to_string().trim_matches('"') == value.to_string().trim_matches('"') { " (same text, different type)" } else { "" };
                out.push(format!("Output {name} should be {}, but it was {}{hint}.", shown(value), shown(actual)));
            }
            _ => {}
        }
    }
    for name in got.keys().filter(|k| !want.contains_key(*k)) {
        out.push(format!("Output {name} should not be set."));
    }
}

fn log_text(line: &Value) -> String {
    let message = line.get("message").and_then(Value::as_str).unwrap_or("");
    match line.get("level").and_then(Value::as_str) {
        Some("log" | "info") | None => message.to_string(),
        Some(level) => format!("{message} ({level})"),
    }
}

fn logs(want: &[Value], got: &[Value], out: &mut Vec<String>) {
    for (i, line) in want.iter().enumerate() {
        match got.get(i) {
            None => {
                out.push(format!("Log line {} should be “{}”, but there was no such line.", i + 1, log_text(line)));
                return;
            }
            Some(actual) if log_text(actual) != log_text(line) => {
                out.push(format!("Log line {} should be “{}”, but it was “{}”.", i + 1, log_text(line), log_text(actual)));
                return;
            }
            _ => {}
        }
    }
    if got.len() > want.len() {
        out.push(format!("The action logged more than expected, from line {}: “{}”.", want.len() + 1, log_text(&got[want.len()])));
    }
}

fn request_text(request: &Value) -> String {
    let method = request.get("method").and_then(Value::as_str).unwrap_or("GET");
    let url = request.get("url").and_then(Value::as_str).unwrap_or("");
    match request.get("status") {
        Some(Value::Number(status)) => format!("{method} {url} (answered {status})"),
        Some(Value::Null) => format!("{method} {url} (failed)"),
        _ => format!("{method} {url}"),
    }
}

fn requests(want: &[Value], got: &[Value], out: &mut Vec<String>) {
    let same = |a: &Value, b: &Value| {
        a.get("method") == b.get("method") && a.get("url") == b.get("url") && a.get("status").unwrap_or(&Value::Null) == b.get("status").unwrap_or(&Value::Null)
    };
    for (i, request) in want.iter().enumerate() {
        match got.get(i) {
            None => {
                out.push(format!(
                    "Request {} should be {}, but the action made {} request{}.",
                    i + 1,
                    request_text(request),
                    got.len(),
                    if got.len() == 1 { "" } else { "s" }
                ));
                return;
            }
            Some(actual) if !same(request, actual) => {
                out.push(format!("Request {} should be {}, but it was {}.", i + 1, request_text(request), request_text(actual)));
                return;
            }
            _ => {}
        }
    }
    if got.len() > want.len() {
        out.push(format!("The action made more requests than expected: {}.", request_text(&got[want.len()])));
    }
}

fn names(values: &[Value]) -> String {
    values.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
}
