//! The event handed to `exports.main`: quick fields for its usual parts and
//! the whole event as JSON (validated before it is applied).

use super::json_field::{JsonField, Shape};
use super::on_text;
use serde_json::{Map, Value};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventProps {
    pub event: Value,
    /// The event as the code receives it (defaults filled in), for placeholders.
    pub effective: Value,
    pub on_change: Callback<Value>,
}

/// Sets `event[part][key]` (or `event[key]` when `part` is empty) from text:
/// numbers stay numbers, blank removes the key so the default applies.
fn set_path(event: &Value, part: &str, key: &str, text: &str, numeric: bool) -> Value {
    let mut event = event.as_object().cloned().unwrap_or_default();
    let text = text.trim();
    let value = if numeric { text.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::String(text.into())) } else { Value::String(text.into()) };
    let target: &mut Map<String, Value> = if part.is_empty() {
        &mut event
    } else {
        let slot = event.entry(part).or_insert_with(|| Value::Object(Map::new()));
        if !slot.is_object() {
            *slot = Value::Object(Map::new());
        }
        slot.as_object_mut().expect("made an object above")
    };
    if text.is_empty() {
        target.shift_remove(key);
    } else {
        target.insert(key.to_string(), value);
    }
    Value::Object(event)
}

#[function_component]
pub fn EventPanel(props: &EventProps) -> Html {
    let field = |label: &'static str, part: &'static str, key: &'static str, numeric: bool| {
        let (event, on_change) = (props.event.clone(), props.on_change.clone());
        let get = |v: &Value| {
            let v = if part.is_empty() { v.get(key) } else { v.get(part).and_then(|p| p.get(key)) };
            v.map(crate::workspace::cell_text).unwrap_or_default()
        };
        let onchange = on_text(Callback::from(move |text: String| on_change.emit(set_path(&event, part, key, &text, numeric))));
        html! {
            <label>{ label }
                <input id={format!("event-{}", if part.is_empty() { key.to_string() } else { format!("{part}-{key}") })}
                       value={get(&props.event)} placeholder={get(&props.effective)} {onchange} />
            </label>
        }
    };
    html! {
        <div class="event">
            <div class="grid">
                { field("Portal ID", "origin", "portalId", true) }
                { field("Action definition ID", "origin", "actionDefinitionId", true) }
                { field("Object type", "object", "objectType", false) }
                { field("Object ID", "object", "objectId", true) }
                { field("Callback ID", "", "callbackId", false) }
            </div>
            <p class="hint">{"The whole event (inputFields are edited above, as HubSpot's properties to include in code):"}</p>
            <JsonField id="event-json" value={props.event.clone()} on_valid={props.on_change.clone()} shape={Shape::Object} what="The event" rows={10} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quick_fields_set_and_clear_paths() {
        let e = set_path(&json!({"inputFields": {"a": "1"}}), "object", "objectId", "77", true);
        assert_eq!(e, json!({"inputFields": {"a": "1"}, "object": {"objectId": 77}}));
        let e = set_path(&e, "object", "objectId", " ", true);
        assert_eq!(e, json!({"inputFields": {"a": "1"}, "object": {}}));
        let e = set_path(&e, "", "callbackId", "cb-1", false);
        assert_eq!(e["callbackId"], json!("cb-1"));
    }
}
