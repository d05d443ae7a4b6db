//! The HTTP mock rules (`http` in the scenario): tried in order, first match
//! wins. Requests to api.hubapi.com that no rule answers go to the CRM mock.

use super::json_field::{JsonField, Shape};
use super::{on_input_text, on_text};
use action_playground::scenario::bounds::MOCK_RULES_LIMIT;
use action_playground::scenario::{MockMatch, MockRule};
use serde_json::{Map, Value};
use yew::prelude::*;

const METHODS: [&str; 7] = ["", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

#[derive(Properties, PartialEq)]
pub struct MocksProps {
    pub rules: Vec<MockRule>,
    pub on_change: Callback<Vec<MockRule>>,
}

/// A body as typed: JSON when it parses (sent JSON-encoded), else the text as is.
pub fn body_from_text(text: &str) -> Option<Value> {
    if text.trim().is_empty() {
        return None;
    }
    Some(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string())))
}

pub fn body_text(body: &Option<Value>) -> String {
    match body {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

#[function_component]
pub fn MocksPanel(props: &MocksProps) -> Html {
    let edit = |index: usize, f: Box<dyn Fn(&mut MockRule, String)>| {
        let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
        Callback::from(move |text: String| {
            let mut rules = rules.clone();
            f(&mut rules[index], text);
            on_change.emit(rules);
        })
    };
    let number = |t: &str| t.trim().parse::<u64>().ok();
    let rows = props.rules.iter().enumerate().map(|(i, rule)| {
        let remove = {
            let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut rules = rules.clone();
                rules.remove(i);
                on_change.emit(rules);
            })
        };
        let set_headers = {
            let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
            Callback::from(move |v: Value| {
                let mut rules = rules.clone();
                rules[i].headers = v.as_object().cloned().unwrap_or_default();
                on_change.emit(rules);
            })
        };
        let set_json = |f: fn(&mut MockRule, Value)| {
            let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
            Callback::from(move |v: Value| {
                let mut rules = rules.clone();
                f(&mut rules[i], v);
                on_change.emit(rules);
            })
        };
        let toggle = {
            let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut rules = rules.clone();
                rules[i].enabled = (!input.checked()).then_some(false);
                on_change.emit(rules);
            })
        };
        let method = rule.method.clone().unwrap_or_default();
        let matching = rule.matching.as_ref().map(|m| serde_json::to_value(m).unwrap_or_default()).unwrap_or_else(|| Value::Object(Map::new()));
        let responses = serde_json::to_value(&rule.responses).unwrap_or_default();
        html! {
            <fieldset class={classes!("mock-rule", (!rule.is_enabled()).then_some("disabled"))} data-index={i.to_string()}>
                <legend>{ format!("Rule {}", i + 1) }
                    <label class="mock-enabled"><input type="checkbox" class="mock-enabled-box" checked={rule.is_enabled()} onchange={toggle} />{" on"}</label>
                </legend>
                <div class="grid mock-line">
                    <label>{"Method"}<select class="mock-method" onchange={on_text(edit(i, Box::new(|r, t| r.method = Some(t).filter(|t| !t.is_empty()))))}>
                        { for METHODS.iter().map(|m| html! { <option value={*m} selected={method == *m}>{ if m.is_empty() { "any" } else { m } }</option> }) }
                    </select></label>
                    <label class="wide">{"URL pattern (* matches anything)"}<input class="mock-url" value={rule.url.clone()}
                        onchange={on_text(edit(i, Box::new(|r, t| r.url = t.trim().to_string())))} /></label>
                    <label>{"Status"}<input class="mock-status" type="number" value={rule.status.map(|s| s.to_string()).unwrap_or_default()} placeholder="200"
                        onchange={on_text(edit(i, Box::new(move |r, t| r.status = t.trim().parse().ok())))} /></label>
                    <label>{"Delay (ms)"}<input class="mock-delay" type="number" value={rule.delay_ms.map(|s| s.to_string()).unwrap_or_default()} placeholder="0"
                        onchange={on_text(edit(i, Box::new(move |r, t| r.delay_ms = number(&t))))} /></label>
                    <label>{"Times"}<input class="mock-times" type="number" value={rule.times.map(|s| s.to_string()).unwrap_or_default()} placeholder="always"
                        onchange={on_text(edit(i, Box::new(move |r, t| r.times = number(&t))))} /></label>
                    <label>{"Fail with"}<select class="mock-error" onchange={on_text(edit(i, Box::new(|r, t| r.error = Some(t).filter(|t| !t.is_empty()))))}>
                        <option value="" selected={rule.error.is_none()}>{"— (answer)"}</option>
                        <option value="timeout" selected={rule.error.as_deref() == Some("timeout")}>{"timeout"}</option>
                        <option value="network" selected={rule.error.as_deref() == Some("network")}>{"network error"}</option>
                    </select></label>
                </div>
                <div class="grid mock-bodies">
                    <label>{"Response headers (JSON)"}
                        <JsonField id={format!("mock-headers-{i}")} value={Value::Object(rule.headers.clone())} on_valid={set_headers} rows={3} shape={Shape::Object} what="Headers" /></label>
                    <label class="wide">{"Response body (JSON is sent as JSON, anything else as text)"}
                        <textarea class="mock-body" rows="4" spellcheck="false" value={body_text(&rule.body)}
                            oninput={on_input_text(edit(i, Box::new(|r, t| r.body = body_from_text(&t))))} /></label>
                </div>
                <details class="mock-advanced" open={rule.matching.is_some() || !rule.responses.is_empty()}>
                    <summary>{"Matching and sequences"}</summary>
                    <div class="grid mock-bodies">
                        <label>{"Match also (query, headers, body subsets): {\"query\": {\"page\": \"2\"}, \"headers\": {…}, \"body\": {…}}"}
                            <JsonField id={format!("mock-match-{i}")} value={matching} rows={3} shape={Shape::Object} what="Match"
                                on_valid={set_json(|r, v| r.matching = serde_json::from_value(v).ok().filter(|m: &MockMatch| *m != MockMatch::default()))} /></label>
                        <label class="wide">{"Sequence: one answer per matching request, the last repeats ([{\"status\": 429}, {\"status\": 200, \"body\": {…}, \"delayMs\": 100}])"}
                            <JsonField id={format!("mock-responses-{i}")} value={responses} rows={3} what="The sequence"
                                on_valid={set_json(|r, v| if let Ok(list) = serde_json::from_value(v) { r.responses = list })} /></label>
                    </div>
                </details>
                <button class="remove" onclick={remove}>{"Remove rule"}</button>
            </fieldset>
        }
    });
    let add = {
        let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut rules = rules.clone();
            rules.push(MockRule {
                method: Some("GET".into()),
                url: "https://api.example.com/*".into(),
                status: Some(200),
                headers: Map::new(),
                body: Some(serde_json::json!({"ok": true})),
                ..Default::default()
            });
            on_change.emit(rules);
        })
    };
    html! {
        <div class="mocks">
            { for rows }
            <button id="add-mock" onclick={add} disabled={props.rules.len() >= MOCK_RULES_LIMIT}
                    title={format!("at most {MOCK_RULES_LIMIT} rules")}>{"Add mock rule"}</button>
        </div>
    }
}
