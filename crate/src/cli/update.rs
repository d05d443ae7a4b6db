//! `test --update`: expectations rewritten from the results, as snapshot
//! tools do. A failing expectation is replaced, and a case without one gets
//! one (a new snapshot); passing ones, and a base scenario without `expect`
//! (a file that is no test), are left alone. The file keeps its key order,
//! its unknown keys and its indentation; only `expect` values change, each
//! written without the unit's `ignore` paths.

use serde_json::Value;
use std::path::Path;

/// Writes each new expectation (`None`: the base's, else the named case's) into the file.
pub fn write_expectations(path: &Path, updates: &[(Option<String>, Value)]) -> Result<(), String> {
    let failed = |what: String| format!("{}: not updated: {what}", path.display());
    let text = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
    let mut root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| failed(e.to_string()))?;
    for (case, expect) in updates {
        let target = match case {
            None => root.as_object_mut(),
            Some(name) => root
                .get_mut("cases")
                .and_then(Value::as_array_mut)
                .and_then(|cases| cases.iter_mut().find(|c| c["name"] == name.as_str()))
                .and_then(Value::as_object_mut),
        };
        target
            .ok_or_else(|| failed(format!("case '{}' is no longer in the file", case.as_deref().unwrap_or_default())))?
            .insert("expect".into(), expect.clone());
    }
    std::fs::write(path, to_text_like(&root, &text)).map_err(|e| failed(e.to_string()))
}

/// `value` as JSON text indented as `original` is (two spaces when it is on one line).
fn to_text_like(value: &Value, original: &str) -> String {
    let indent: String = original
        .lines()
        .nth(1)
        .map(|line| line.chars().take_while(|c| *c == ' ' || *c == '\t').collect())
        .filter(|i: &String| !i.is_empty())
        .unwrap_or_else(|| "  ".into());
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(value, &mut serializer).expect("JSON values serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_expectations_change_and_key_order_and_indentation_stay() {
        let dir = std::env::temp_dir().join(format!("ap-update-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.json");
        let original = "{\n    \"version\": 1,\n    \"zeta\": true,\n    \"code\": \"x\",\n    \"expect\": {\"status\": \"error\"},\n    \"cases\": [\n        {\"name\": \"a\", \"later\": 1},\n        {\"name\": \"b\", \"expect\": {}, \"z\": 2}\n    ]\n}\n";
        std::fs::write(&path, original).unwrap();
        let success = serde_json::json!({"status": "success"});
        write_expectations(&path, &[(None, success.clone()), (Some("a".into()), success.clone()), (Some("b".into()), success.clone())]).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(value.as_object().unwrap().keys().collect::<Vec<_>>(), ["version", "zeta", "code", "expect", "cases"]);
        assert_eq!(value["cases"][0], serde_json::json!({"name": "a", "later": 1, "expect": {"status": "success"}}));
        assert_eq!(value["cases"][1].as_object().unwrap().keys().collect::<Vec<_>>(), ["name", "expect", "z"]);
        assert!(written.starts_with("{\n    \"version\": 1,"));
        assert!(write_expectations(&path, &[(Some("gone".into()), success)]).unwrap_err().contains("case 'gone' is no longer in the file"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
