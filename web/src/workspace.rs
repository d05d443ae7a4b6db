//! Editing a scenario the way the screen shows it: name → value tables for
//! secrets and "properties to include in code", the secrets budget, checks
//! of delivered outputs against their declared types. No DOM here.

use action_playground::report::{RequestRecord, RunReport};
use action_playground::scenario::{MockRule, SECRETS_TOTAL_LIMIT};
use action_playground::{parse_scenario, Scenario};
use serde_json::{Map, Value};

/// What a new action starts as: Node 24, the runtime HubSpot gives new actions.
pub fn new_action() -> Scenario {
    parse_scenario(include_str!("../samples/new-action.json")).expect("the new-action template is valid")
}

/// One edit of a name → value table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableEdit {
    Add { name: String, value: String },
    Rename { index: usize, name: String },
    SetValue { index: usize, value: String },
    Remove { index: usize },
}

/// A value as a table cell shows it: strings bare, anything else as JSON.
pub fn cell_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The text typed into a cell, as a value: a value that was not a string
/// (a number from an imported file) keeps its JSON type while the text parses.
fn cell_value(previous: Option<&Value>, text: &str) -> Value {
    match previous {
        Some(p) if !p.is_string() => serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.into())),
        _ => Value::String(text.into()),
    }
}

/// Applies `edit` to an ordered map; refuses empty or duplicate names.
pub fn edit_map(map: &mut Map<String, Value>, edit: TableEdit) -> Result<(), String> {
    match edit {
        TableEdit::Add { name, value } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err("Give it a name first.".into());
            }
            if map.contains_key(&name) {
                return Err(format!("\"{name}\" is already in the list."));
            }
            map.insert(name, Value::String(value));
        }
        TableEdit::Rename { index, name } => {
            let name = name.trim().to_string();
            let Some(old) = map.keys().nth(index).cloned() else { return Ok(()) };
            if name == old {
                return Ok(());
            }
            if name.is_empty() {
                return Err("A name cannot be empty.".into());
            }
            if map.contains_key(&name) {
                return Err(format!("\"{name}\" is already in the list."));
            }
            *map = std::mem::take(map).into_iter().map(|(k, v)| if k == old { (name.clone(), v) } else { (k, v) }).collect();
        }
        TableEdit::SetValue { index, value } => {
            if let Some((_, slot)) = map.iter_mut().nth(index) {
                *slot = cell_value(Some(slot), &value);
            }
        }
        TableEdit::Remove { index } => {
            if let Some(key) = map.keys().nth(index).cloned() {
                map.shift_remove(&key);
            }
        }
    }
    Ok(())
}

/// `event.inputFields`, created when missing.
pub fn input_fields_mut(scenario: &mut Scenario) -> &mut Map<String, Value> {
    if !scenario.event.is_object() {
        scenario.event = Value::Object(Map::new());
    }
    let event = scenario.event.as_object_mut().expect("made an object above");
    let fields = event.entry("inputFields").or_insert_with(|| Value::Object(Map::new()));
    if !fields.is_object() {
        *fields = Value::Object(Map::new());
    }
    fields.as_object_mut().expect("made an object above")
}

pub fn input_fields(scenario: &Scenario) -> Vec<(String, String)> {
    scenario.event.get("inputFields").and_then(Value::as_object).map(|m| m.iter().map(|(k, v)| (k.clone(), cell_text(v))).collect()).unwrap_or_default()
}

pub fn secret_rows(scenario: &Scenario) -> Vec<(String, String)> {
    scenario.secret_strings()
}

/// Characters all secret values use together, against HubSpot's 1,000.
pub fn secrets_total(scenario: &Scenario) -> (usize, usize) {
    (scenario.secret_strings().iter().map(|(_, v)| v.chars().count()).sum(), SECRETS_TOTAL_LIMIT)
}

/// A warning when a delivered value does not fit its declared output type.
pub fn output_type_warning(kind: &str, value: &Value) -> Option<String> {
    action_playground::scenario::OutputType::named(kind)?.misfit(value)
}

/// The line of the action (`/var/task/index.js:LINE`) a failed run's logs or
/// error point at, to mark it in the editor.
pub fn error_line(report: &RunReport) -> Option<u32> {
    let mut texts: Vec<&str> = report.logs.iter().rev().map(|l| l.message.as_str()).collect();
    if let Some(error) = &report.error {
        texts.insert(0, error.message.as_str());
    }
    texts.into_iter().find_map(|text| {
        let at = text.find("/var/task/index.js:")? + "/var/task/index.js:".len();
        text[at..].split(':').next()?.parse().ok()
    })
}

/// "Add rule from this request": a rule answering exactly this method and
/// URL with a 200 and an empty body for the user to fill.
pub fn rule_from_request(request: &RequestRecord) -> MockRule {
    MockRule { method: Some(request.method.clone()), url: request.url.clone(), status: Some(200), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_rule_from_an_unmatched_request_answers_it() {
        let request = RequestRecord { method: "POST".into(), url: "https://x.example.com/a?b=1".into(), unmatched: true, ..Default::default() };
        let rule = rule_from_request(&request);
        assert_eq!((rule.method.as_deref(), rule.url.as_str(), rule.status, rule.body.clone()), (Some("POST"), "https://x.example.com/a?b=1", Some(200), None));
        let net = action_playground::net::MockNetwork::new(vec![rule], None, 0);
        let (answer, record) = net.answer("POST", &request.url, None, Map::new(), 0);
        assert!(matches!(answer, action_playground::net::Answer::Response { status: 200, .. }) && !record.unmatched);
    }

    #[test]
    fn table_edits_keep_order_and_refuse_bad_names() {
        let mut map = Map::new();
        edit_map(&mut map, TableEdit::Add { name: " email ".into(), value: "a@b.c".into() }).unwrap();
        edit_map(&mut map, TableEdit::Add { name: "score".into(), value: "1".into() }).unwrap();
        assert!(edit_map(&mut map, TableEdit::Add { name: "email".into(), value: "x".into() }).is_err());
        assert!(edit_map(&mut map, TableEdit::Add { name: " ".into(), value: "x".into() }).is_err());
        edit_map(&mut map, TableEdit::Rename { index: 0, name: "mail".into() }).unwrap();
        assert!(edit_map(&mut map, TableEdit::Rename { index: 0, name: "score".into() }).is_err());
        assert_eq!(map.keys().collect::<Vec<_>>(), ["mail", "score"]);
        edit_map(&mut map, TableEdit::SetValue { index: 1, value: "42".into() }).unwrap();
        assert_eq!(map["score"], json!("42"));
        edit_map(&mut map, TableEdit::Remove { index: 0 }).unwrap();
        assert_eq!(map.keys().collect::<Vec<_>>(), ["score"]);
    }

    #[test]
    fn non_string_inputs_keep_their_type() {
        let mut map = Map::new();
        map.insert("n".into(), json!(3));
        edit_map(&mut map, TableEdit::SetValue { index: 0, value: "4".into() }).unwrap();
        assert_eq!(map["n"], json!(4));
    }

    #[test]
    fn output_types_are_checked() {
        assert_eq!(output_type_warning("number", &json!(3)), None);
        assert!(output_type_warning("number", &json!("three")).is_some());
        assert!(output_type_warning("datetime", &json!("2026-01-01")).unwrap().contains("UNIX milliseconds"));
        assert_eq!(output_type_warning("date", &json!(1767225600000_i64)), None);
        assert!(output_type_warning("bool", &json!("yes")).is_some());
        assert!(output_type_warning("string", &json!({"a": 1})).is_some());
    }

    #[test]
    fn the_new_action_template_runs_on_node_24() {
        let s = new_action();
        assert_eq!(s.runtime, action_playground::scenario::Runtime::Node24);
        let report = action_playground::run(&s, &Default::default());
        assert_eq!(report.status, action_playground::report::Status::Success, "{report:?}");
    }
}
