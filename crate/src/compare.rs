//! "Identical", as `shared/oracle/compare.py` defines it, and the `expect`
//! subset check built on it: status, outputFields, error name and first line
//! of its message, log lines (stack frames ignored), request method/URL/status.

use serde_json::Value;

fn strip_stack(message: &str) -> String {
    let kept: Vec<&str> = message
        .split('\n')
        .filter(|line| {
            let t = line.trim_start();
            !(line.starts_with(char::is_whitespace) && (t.starts_with("at ") || (t.starts_with("... ") && t.contains(" lines matching"))))
        })
        .collect();
    kept.join("\n").trim_end().to_string()
}

fn logs_of(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|l| (l["level"].as_str().unwrap_or("").to_string(), strip_stack(l["message"].as_str().unwrap_or(""))))
                .collect()
        })
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
                if s.len() > 400 { format!("{}…", &s[..s.floor_char_boundary(400)]) } else { s }
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
    fn stack_frames_do_not_count() {
        let exp = json!({"logs": [{"level": "error", "message": "Error: x\n    at a (/f.js:1:1)"}]});
        let act = json!({"logs": [{"level": "error", "message": "Error: x\n    at b (/g.js:2:2)\n    at c"}]});
        assert!(mismatches(&exp, &act).is_empty());
    }

    #[test]
    fn error_compares_name_and_first_line() {
        let exp = json!({"error": {"name": "Error", "message": "Cannot find module 'm'\nRequire stack:"}});
        assert!(mismatches(&exp, &json!({"error": {"name": "Error", "message": "Cannot find module 'm'"}})).is_empty());
        assert_eq!(mismatches(&exp, &json!({"error": {"name": "TypeError", "message": "Cannot find module 'm'"}})).len(), 1);
        assert_eq!(mismatches(&exp, &json!({"error": null})).len(), 1);
    }

    #[test]
    fn outputs_and_requests_must_match() {
        let exp = json!({"status": "success", "outputFields": {"a": 1}, "requests": [{"method": "GET", "url": "u", "status": 200}]});
        let act = json!({"status": "success", "outputFields": {"a": 2}, "requests": [{"method": "GET", "url": "u", "status": 500}]});
        assert_eq!(mismatches(&exp, &act).len(), 2);
    }
}
