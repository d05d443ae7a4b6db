//! "Identical", as `shared/oracle/compare.py` defines it, and the `expect`
//! subset check built on it: status, outputFields, error name and first line
//! of its message, log lines (stack frames ignored), request method/URL/status.

use crate::result_path::without_paths;
use serde_json::Value;

/// `compare.py`'s `STACK.sub("", m).rstrip()` with
/// `STACK = r"^\s+at .*$|^\s+\.\.\. \d+ lines matching.*$"` (multi-line):
/// a frame line becomes empty but its line break stays, so the number of
/// frames counts when text follows them (an error's own properties). `\s+`
/// may start on a blank line before the frame, taking that line with it.
fn strip_stack(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut i = 0;
    while i < message.len() {
        let at_line_start = i == 0 || message.as_bytes()[i - 1] == b'\n';
        if at_line_start {
            if let Some(len) = stack_line_at(&message[i..]) {
                i += len;
                continue;
            }
        }
        let c = message[i..].chars().next().expect("inside the string");
        out.push(c);
        i += c.len_utf8();
    }
    out.trim_end().to_string()
}

/// Length of the pattern's match at the start of `text`, if it matches there.
fn stack_line_at(text: &str) -> Option<usize> {
    let indent = text.len() - text.trim_start().len();
    if indent == 0 {
        return None;
    }
    let rest = &text[indent..];
    let is_frame = rest.starts_with("at ") || {
        let digits = rest.strip_prefix("... ").map(|r| r.len() - r.trim_start_matches(|c: char| c.is_numeric()).len());
        digits.is_some_and(|n| n > 0 && rest[4 + n..].starts_with(" lines matching"))
    };
    is_frame.then(|| indent + rest.find('\n').unwrap_or(rest.len()))
}

fn logs_of(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| a.iter().map(|l| (l["level"].as_str().unwrap_or("").to_string(), strip_stack(l["message"].as_str().unwrap_or("")))).collect())
        .unwrap_or_default()
}

fn requests_of(v: &Value) -> Vec<(Value, Value, Value)> {
    v.as_array()
        .map(|a| a.iter().map(|r| (r["method"].clone(), r["url"].clone(), r.get("status").cloned().unwrap_or(Value::Null))).collect())
        .unwrap_or_default()
}

fn first_line(v: &Value) -> String {
    v.as_str().unwrap_or("").split('\n').next().unwrap_or("").to_string()
}

/// [`mismatches`] after removing the `ignore` paths (`result_path.rs`) from
/// both sides: what a case's `ignore` leaves out of its comparison.
pub fn mismatches_ignoring(expected: &Value, actual: &Value, ignore: &[String]) -> Vec<String> {
    if ignore.is_empty() {
        return mismatches(expected, actual);
    }
    mismatches(&without_paths(expected, ignore), &without_paths(actual, ignore))
}

/// Every way `actual` differs from `expected` on the keys `expected` has.
pub fn mismatches(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(exp) = expected.as_object() else { return vec!["expect: not an object".into()] };
    for (key, want) in exp {
        let got = actual.get(key).cloned().unwrap_or(Value::Null);
        let same = match key.as_str() {
            "logs" => logs_of(want) == logs_of(&got),
            "requests" => requests_of(want) == requests_of(&got),
            "error" => match (want, &got) {
                (Value::Null, Value::Null) => true,
                (Value::Object(w), Value::Object(_)) => {
                    w.get("name").is_none_or(|n| n == &got["name"]) && w.get("message").is_none_or(|m| first_line(m) == first_line(&got["message"]))
                }
                _ => false,
            },
            "outputFields" if exp.get("status").and_then(Value::as_str) == Some("error") => true,
            "runtimeMs" | "memoryBytes" => true,
            _ => want == &got,
        };
        if !same && key == "logs" {
            let (w, g) = (logs_of(want), logs_of(&got));
            match (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i)) {
                Some(i) => out.push(format!("logs[{i}]: expected {:?}, got {:?}", w.get(i), g.get(i))),
                None => out.push("logs differ".into()),
            }
            continue;
        }
        if !same {
            let show = |v: &Value| {
                let s = v.to_string();
                if s.len() > 400 {
                    format!("{}…", &s[..s.floor_char_boundary(400)])
                } else {
                    s
                }
            };
            out.push(format!("{key}: expected {}, got {}", show(want), show(&got)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn trailing_stack_frames_do_not_count() {
        let exp = json!({"logs": [{"level": "error", "message": "Error: x\n    at a (/f.js:1:1)"}]});
        let act = json!({"logs": [{"level": "error", "message": "Error: x\n    at b (/g.js:2:2)\n    at c"}]});
        assert!(mismatches(&exp, &act).is_empty());
    }

    #[test]
    fn frames_before_more_text_leave_their_lines_as_compare_py_does() {
        assert_eq!(strip_stack("Error: x\n    at a\n    at b\n  code: 1 }"), "Error: x\n\n\n  code: 1 }");
        assert_eq!(strip_stack("E\n\n    at a\n    ... 3 lines matching cause stack trace ...\nz"), "E\n\n\nz");
        assert_eq!(strip_stack("  attic\n    atlas"), "  attic\n    atlas");
        let exp = json!({"logs": [{"level": "error", "message": "Error: x\n    at a\n    at b\n  code: 1 }"}]});
        let act = json!({"logs": [{"level": "error", "message": "Error: x\n    at a\n  code: 1 }"}]});
        assert_eq!(mismatches(&exp, &act).len(), 1);
    }

    #[test]
    fn error_compares_name_and_first_line() {
        let exp = json!({"error": {"name": "Error", "message": "Cannot find module 'm'\nRequire stack:"}});
        assert!(mismatches(&exp, &json!({"error": {"name": "Error", "message": "Cannot find module 'm'"}})).is_empty());
        assert_eq!(mismatches(&exp, &json!({"error": {"name": "TypeError", "message": "Cannot find module 'm'"}})).len(), 1);
        assert_eq!(mismatches(&exp, &json!({"error": null})).len(), 1);
    }

    #[test]
    fn ignored_paths_leave_both_sides() {
        let exp = json!({"outputFields": {"id": 1, "at": 5}, "logs": [{"level": "info", "message": "t=1"}, {"level": "info", "message": "ok"}]});
        let act = json!({"outputFields": {"id": 1, "at": 9}, "logs": [{"level": "info", "message": "t=2"}, {"level": "info", "message": "ok"}]});
        assert_eq!(mismatches(&exp, &act).len(), 2);
        assert!(mismatches_ignoring(&exp, &act, &["outputFields.at".into(), "logs[0].message".into()]).is_empty());
        assert_eq!(mismatches_ignoring(&exp, &act, &["outputFields.at".into()]).len(), 1);
    }

    #[test]
    fn outputs_and_requests_must_match() {
        let exp = json!({"status": "success", "outputFields": {"a": 1}, "requests": [{"method": "GET", "url": "u", "status": 200}]});
        let act = json!({"status": "success", "outputFields": {"a": 2}, "requests": [{"method": "GET", "url": "u", "status": 500}]});
        assert_eq!(mismatches(&exp, &act).len(), 2);
    }
}
