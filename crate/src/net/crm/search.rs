//! CRM search semantics: filter groups (OR of ANDs), HubSpot's operators,
//! sorts, free-text `query`.

use serde_json::Value;
use std::cmp::Ordering;

/// A property value or filter value as a number, when it is one (dates as epoch ms).
fn as_number(text: &str) -> Option<f64> {
    if let Ok(n) = text.trim().parse::<f64>() {
        return Some(n);
    }
    if text.len() >= 10 && text.as_bytes()[4] == b'-' {
        let day = if text.len() == 10 { format!("{text}T00:00:00Z") } else { text.to_string() };
        return day.parse::<jiff::Timestamp>().ok().map(|t| t.as_millisecond() as f64);
    }
    None
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Orders two property values: numerically (or as dates) when both are, else as text.
pub fn compare(a: &str, b: &str) -> Ordering {
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

fn equal(a: &str, b: &str) -> bool {
    compare(a, b) == Ordering::Equal && (as_number(a).is_some() == as_number(b).is_some())
}

/// Words of a value, as CONTAINS_TOKEN sees them.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '@' && c != '.' && c != '_' && c != '-')
        .flat_map(|w| {
            let mut parts = vec![w.to_lowercase()];
            parts.extend(w.split(['@', '.', '-', '_']).map(str::to_lowercase));
            parts
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn wildcard(pattern: &str, text: &str) -> bool {
    crate::net::glob_matches(pattern, text)
}

/// Whether one filter holds for `value` (the record's property, `None` when unset).
/// An unknown operator is an error message for a 400.
pub fn filter_holds(filter: &Value, value: Option<&str>) -> Result<bool, String> {
    let operator = filter.get("operator").and_then(Value::as_str).unwrap_or("EQ");
    let wanted = filter.get("value").map(text_of).unwrap_or_default();
    let values: Vec<String> = filter.get("values").and_then(Value::as_array).map(|a| a.iter().map(text_of).collect()).unwrap_or_default();
    let present = value.filter(|v| !v.is_empty());
    Ok(match operator {
        "HAS_PROPERTY" => present.is_some(),
        "NOT_HAS_PROPERTY" => present.is_none(),
        "EQ" => present.is_some_and(|v| equal(v, &wanted)),
        "NEQ" => !present.is_some_and(|v| equal(v, &wanted)),
        "LT" => present.is_some_and(|v| compare(v, &wanted) == Ordering::Less),
        "LTE" => present.is_some_and(|v| compare(v, &wanted) != Ordering::Greater),
        "GT" => present.is_some_and(|v| compare(v, &wanted) == Ordering::Greater),
        "GTE" => present.is_some_and(|v| compare(v, &wanted) != Ordering::Less),
        "BETWEEN" => {
            let high = filter.get("highValue").map(text_of).unwrap_or_default();
            present.is_some_and(|v| compare(v, &wanted) != Ordering::Less && compare(v, &high) != Ordering::Greater)
        }
        "IN" => present.is_some_and(|v| values.iter().any(|w| equal(v, w))),
        "NOT_IN" => !present.is_some_and(|v| values.iter().any(|w| equal(v, w))),
        "CONTAINS_TOKEN" | "NOT_CONTAINS_TOKEN" => {
            let pattern = wanted.to_lowercase();
            let found = present.is_some_and(|v| tokens(v).iter().any(|t| wildcard(&pattern, t)) || wildcard(&pattern, &v.to_lowercase()));
            if operator == "CONTAINS_TOKEN" {
                found
            } else {
                !found
            }
        }
        other => return Err(format!("Invalid input JSON: unknown filter operator '{other}'")),
    })
}

/// A sort as the request gives it: `{propertyName, direction}` or a bare name (`-name` descending).
pub fn sort_key(sort: &Value) -> Option<(String, bool)> {
    match sort {
        Value::String(s) => Some(match s.strip_prefix('-') {
            Some(name) => (name.to_string(), true),
            None => (s.clone(), false),
        }),
        Value::Object(o) => {
            let name = o.get("propertyName").and_then(Value::as_str)?.to_string();
            let descending = o.get("direction").and_then(Value::as_str).is_some_and(|d| d.eq_ignore_ascii_case("DESCENDING"));
            Some((name, descending))
        }
        _ => None,
    }
}

/// Free-text `query`: every word must start some token of some value.
pub fn query_matches(query: &str, values: &[String]) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    words.iter().all(|w| values.iter().any(|v| tokens(v).iter().any(|t| t.starts_with(w.as_str())) || v.to_lowercase().contains(w.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn holds(filter: Value, value: Option<&str>) -> bool {
        filter_holds(&filter, value).unwrap()
    }

    #[test]
    fn operators() {
        assert!(holds(json!({"propertyName":"email","operator":"EQ","value":"Ada@Example.com"}), Some("ada@example.com")));
        assert!(holds(json!({"operator":"NEQ","value":"x"}), None));
        assert!(holds(json!({"operator":"GT","value":"9"}), Some("10")));
        assert!(!holds(json!({"operator":"GT","value":"9"}), None));
        assert!(holds(json!({"operator":"LTE","value":"2026-03-01"}), Some("2026-02-28T10:00:00Z")));
        assert!(holds(json!({"operator":"GTE","value":1772323200000_i64}), Some("2026-03-01T00:00:00.000Z")));
        assert!(holds(json!({"operator":"BETWEEN","value":"5","highValue":"10"}), Some("10")));
        assert!(holds(json!({"operator":"IN","values":["a","b"]}), Some("B")));
        assert!(holds(json!({"operator":"NOT_IN","values":["a","b"]}), Some("c")));
        assert!(holds(json!({"operator":"HAS_PROPERTY"}), Some("x")));
        assert!(holds(json!({"operator":"NOT_HAS_PROPERTY"}), Some("")));
        assert!(holds(json!({"operator":"CONTAINS_TOKEN","value":"example"}), Some("ada@example.com")));
        assert!(holds(json!({"operator":"CONTAINS_TOKEN","value":"*@example.com"}), Some("ada@example.com")));
        assert!(holds(json!({"operator":"NOT_CONTAINS_TOKEN","value":"acme"}), Some("ada@example.com")));
        assert!(filter_holds(&json!({"operator":"NEAR"}), Some("x")).is_err());
    }

    #[test]
    fn sorts_and_queries() {
        assert_eq!(sort_key(&json!({"propertyName":"amount","direction":"DESCENDING"})), Some(("amount".into(), true)));
        assert_eq!(sort_key(&json!("-createdate")), Some(("createdate".into(), true)));
        assert_eq!(compare("9", "10"), Ordering::Less);
        assert!(query_matches("ada exam", &["Ada Lovelace".into(), "ada@example.com".into()]));
        assert!(!query_matches("grace", &["Ada".into()]));
    }
}
