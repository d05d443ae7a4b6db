//! Which rule answers a request, and with what: method, URL glob, `match`
//! conditions (query, headers, body subset), `enabled`, `times`, and the
//! `responses` sequence.

use crate::scenario::{MockMatch, MockRule};
use serde_json::{Map, Value};

/// `*` matches any run of characters; everything else literally.
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

/// What a request carries that rules can match on.
pub struct Incoming<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a Map<String, Value>,
    pub body: Option<&'a str>,
}

/// Whether `rule` applies to `request` (its `times` aside).
pub fn rule_matches(rule: &MockRule, request: &Incoming) -> bool {
    rule.is_enabled()
        && rule.method.as_ref().is_none_or(|m| m.eq_ignore_ascii_case(request.method))
        && glob_matches(&rule.url, request.url)
        && rule.matching.as_ref().is_none_or(|m| conditions_hold(m, request))
}

fn text_of(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_string)
}

fn conditions_hold(conditions: &MockMatch, request: &Incoming) -> bool {
    let query_holds = conditions.query.is_empty() || {
        let pairs: Vec<(String, String)> = url::Url::parse(request.url).map(|u| u.query_pairs().into_owned().collect()).unwrap_or_default();
        conditions.query.iter().all(|(name, want)| pairs.iter().any(|(k, v)| k == name && *v == text_of(want)))
    };
    let headers_hold =
        conditions.headers.iter().all(|(name, want)| request.headers.iter().any(|(k, v)| k.eq_ignore_ascii_case(name) && text_of(v) == text_of(want)));
    let body_holds = conditions.body.as_ref().is_none_or(|want| {
        let got: Option<Value> = request.body.and_then(|b| serde_json::from_str(b).ok());
        got.is_some_and(|got| contains_subset(&got, want))
    });
    query_holds && headers_hold && body_holds
}

/// `want` is found in `got`: objects by their keys (recursively), anything
/// else by equality.
pub fn contains_subset(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(got), Value::Object(want)) => want.iter().all(|(k, w)| got.get(k).is_some_and(|g| contains_subset(g, w))),
        _ => got == want,
    }
}

/// The answer a rule gives to its `nth` matching request (0-based): the
/// rule's own fields, or the sequence's entry (the last repeats).
pub struct Reply {
    pub status: u16,
    pub headers: Map<String, Value>,
    pub body: Option<Value>,
    pub delay_ms: u64,
    pub error: Option<String>,
}

pub fn reply(rule: &MockRule, nth: u64) -> Reply {
    let Some(last) = rule.responses.len().checked_sub(1) else {
        return Reply {
            status: rule.status.unwrap_or(200),
            headers: rule.headers.clone(),
            body: rule.body.clone(),
            delay_ms: rule.delay_ms.unwrap_or(0),
            error: rule.error.clone(),
        };
    };
    let step = &rule.responses[(nth as usize).min(last)];
    Reply {
        status: step.status.or(rule.status).unwrap_or(200),
        headers: if step.headers.is_empty() { rule.headers.clone() } else { step.headers.clone() },
        body: step.body.clone().or_else(|| rule.body.clone()),
        delay_ms: step.delay_ms.or(rule.delay_ms).unwrap_or(0),
        error: step.error.clone().or_else(|| rule.error.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: &str) -> MockRule {
        serde_json::from_str(json).unwrap()
    }

    fn incoming<'a>(method: &'a str, url: &'a str, headers: &'a Map<String, Value>, body: Option<&'a str>) -> Incoming<'a> {
        Incoming { method, url, headers, body }
    }

    #[test]
    fn globs_match_runs_of_characters() {
        assert!(glob_matches("https://a.com/v1/*", "https://a.com/v1/4?x=1"));
        assert!(glob_matches("https://a.com/*/x*", "https://a.com/v1/xy"));
        assert!(!glob_matches("https://a.com/v1/*", "https://a.com/v2/4"));
        assert!(glob_matches("exact", "exact"));
        assert!(!glob_matches("a*a", "a"));
    }

    #[test]
    fn match_conditions_check_query_headers_and_body_subsets() {
        let r = rule(r#"{"url":"https://x/*","match":{"query":{"page":"2"},"headers":{"X-Key":"k"},"body":{"contact":{"email":"a@b.c"}}}}"#);
        let mut headers = Map::new();
        headers.insert("x-key".into(), "k".into());
        let body = r#"{"contact":{"email":"a@b.c","name":"Ada"},"n":1}"#;
        assert!(rule_matches(&r, &incoming("POST", "https://x/s?page=2&q=1", &headers, Some(body))));
        assert!(!rule_matches(&r, &incoming("POST", "https://x/s?page=3", &headers, Some(body))));
        assert!(!rule_matches(&r, &incoming("POST", "https://x/s?page=2", &Map::new(), Some(body))));
        assert!(!rule_matches(&r, &incoming("POST", "https://x/s?page=2", &headers, Some(r#"{"contact":{"email":"x"}}"#))));
        assert!(!rule_matches(&r, &incoming("POST", "https://x/s?page=2", &headers, Some("not json"))));
    }

    #[test]
    fn a_disabled_rule_never_matches() {
        let r = rule(r#"{"url":"https://x/*","enabled":false}"#);
        assert!(!rule_matches(&r, &incoming("GET", "https://x/1", &Map::new(), None)));
    }

    #[test]
    fn sequences_answer_in_order_and_the_last_repeats() {
        let r = rule(r#"{"url":"https://x/*","headers":{"a":"1"},"responses":[{"status":429,"delayMs":5},{"status":429},{"body":{"ok":true}}]}"#);
        let statuses: Vec<u16> = (0..5).map(|n| reply(&r, n).status).collect();
        assert_eq!(statuses, [429, 429, 200, 200, 200]);
        assert_eq!((reply(&r, 0).delay_ms, reply(&r, 1).delay_ms), (5, 0));
        assert_eq!(reply(&r, 2).body, Some(serde_json::json!({"ok": true})));
        assert_eq!(reply(&r, 1).headers.get("a"), Some(&Value::from("1")));
    }
}
