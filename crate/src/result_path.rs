//! Paths into a run's result JSON, as `ignore` names them: dot-separated
//! keys, `[n]` for an array index, `[*]` for every element
//! (`requests[*].body.id`, `logs[0].message`, `outputFields.createdAt`).

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
    Every,
}

/// A parsed path; `parse` refuses what is not one, saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultPath(pub Vec<Step>);

impl ResultPath {
    pub fn parse(text: &str) -> Result<ResultPath, String> {
        let mut steps = Vec::new();
        let mut rest = text;
        let mut expect_key = true;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let close = after.find(']').ok_or_else(|| format!("'{text}': '[' without ']'"))?;
                let inside = &after[..close];
                steps.push(match inside {
                    "*" => Step::Every,
                    n => Step::Index(n.parse().map_err(|_| format!("'{text}': [{n}] is neither an index nor [*]"))?),
                });
                rest = &after[close + 1..];
                expect_key = false;
                continue;
            }
            if !expect_key {
                rest = rest.strip_prefix('.').ok_or_else(|| format!("'{text}': expected '.' or '[' after ']'"))?;
            }
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            if end == 0 {
                return Err(format!("'{text}': an empty key"));
            }
            steps.push(Step::Key(rest[..end].to_string()));
            rest = &rest[end..];
            if let Some(after_dot) = rest.strip_prefix('.') {
                if after_dot.is_empty() {
                    return Err(format!("'{text}': ends with '.'"));
                }
                rest = after_dot;
                expect_key = true;
            } else {
                expect_key = false;
            }
        }
        if steps.is_empty() {
            return Err("an empty path".into());
        }
        Ok(ResultPath(steps))
    }

    /// Removes what the path names from `value` (every match, for `[*]`).
    /// An array element is removed, so the elements after it move up: the
    /// same happens on both sides of a comparison.
    pub fn remove_from(&self, value: &mut Value) {
        remove(&self.0, value);
    }
}

fn remove(steps: &[Step], value: &mut Value) {
    let Some((step, rest)) = steps.split_first() else { return };
    match (step, value) {
        (Step::Key(key), Value::Object(map)) => {
            if rest.is_empty() {
                map.shift_remove(key);
            } else if let Some(inner) = map.get_mut(key) {
                remove(rest, inner);
            }
        }
        (Step::Index(i), Value::Array(items)) if *i < items.len() => {
            if rest.is_empty() {
                items.remove(*i);
            } else {
                remove(rest, &mut items[*i]);
            }
        }
        (Step::Every, Value::Array(items)) => {
            if rest.is_empty() {
                items.clear();
            } else {
                items.iter_mut().for_each(|item| remove(rest, item));
            }
        }
        _ => {}
    }
}

/// `value` without everything the (valid) paths name; invalid ones are skipped
/// (the parser refuses them in a file).
pub fn without_paths(value: &Value, paths: &[String]) -> Value {
    let mut out = value.clone();
    for path in paths.iter().filter_map(|p| ResultPath::parse(p).ok()) {
        path.remove_from(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_parse_into_steps() {
        let p = ResultPath::parse("requests[*].body.id").unwrap();
        assert_eq!(p.0, vec![Step::Key("requests".into()), Step::Every, Step::Key("body".into()), Step::Key("id".into())]);
        assert_eq!(ResultPath::parse("logs[0].message").unwrap().0[1], Step::Index(0));
        assert_eq!(ResultPath::parse("a[1][2]").unwrap().0.len(), 3);
        for bad in ["", "a.", ".a", "a..b", "a[x]", "a[1", "a[0]b"] {
            assert!(ResultPath::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn removal_follows_keys_indexes_and_every_element() {
        let value = json!({"outputFields": {"createdAt": 5, "id": 1}, "requests": [{"body": {"id": 1, "x": 2}}, {"body": {"id": 3}}], "logs": [{"message": "a"}, {"message": "b"}]});
        let out = without_paths(&value, &["outputFields.createdAt".into(), "requests[*].body.id".into(), "logs[0]".into(), "missing.path".into()]);
        assert_eq!(out, json!({"outputFields": {"id": 1}, "requests": [{"body": {"x": 2}}, {"body": {}}], "logs": [{"message": "b"}]}));
    }
}
