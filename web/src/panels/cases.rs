//! The Cases view: the scenario's named cases (add, duplicate, rename,
//! delete, edit as JSON, ignore paths), Run all with its table, and for a
//! selected result the expected-vs-actual diff with "Save result as
//! expectation". The logic is `crate::cases`'; this only renders it.

use super::json_field::{JsonField, Shape};
use super::on_text;
use crate::cases::{case_json, CaseResult, Verdict, BASE_LABEL};
use action_playground::report::Status;
use action_playground::Scenario;
use serde_json::Value;
use yew::prelude::*;

/// An edit the view asks the app to make (each goes through `crate::cases`).
#[derive(Debug, Clone, PartialEq)]
pub enum CaseEdit {
    Add,
    Duplicate(usize),
    Rename(usize, String),
    Delete(usize),
    Replace(usize, Value),
    /// The ignore paths of a case (`None`: the base), as typed.
    Ignore(Option<String>, String),
    /// "Save result as expectation" for a case (`None`: the base).
    SaveExpectation(Option<String>),
}

/// Run all in progress: finished so far, total, the case running.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub running: String,
}

#[derive(Properties, PartialEq)]
pub struct CasesPanelProps {
    pub scenario: Scenario,
    pub results: Vec<CaseResult>,
    /// Wall time of the last Run all, from the first send to the last report.
    pub total_ms: Option<f64>,
    pub progress: Option<Progress>,
    /// Why cases cannot run now (the engine cannot start, the scenario is read-only).
    #[prop_or_default]
    pub blocked: Option<AttrValue>,
    pub on_run_all: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_edit: Callback<CaseEdit>,
}

fn verdict_text(verdict: &Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Pass => ("pass", "pass"),
        Verdict::Fail(_) => ("FAIL", "fail"),
        Verdict::NoExpectation => ("no expectation", "none"),
        Verdict::Gone => ("renamed or deleted", "none"),
    }
}

fn outputs_text(result: &CaseResult) -> String {
    match (&result.report.status, &result.report.error) {
        (Status::Error, Some(e)) => format!("{}: {}", e.name, e.message.lines().next().unwrap_or("")),
        _ => result.report.output_fields.as_ref().map(Value::to_string).unwrap_or_default(),
    }
}

#[function_component]
pub fn CasesPanel(props: &CasesPanelProps) -> Html {
    let chosen = use_state(|| None::<String>);
    let edit = |make: fn(usize) -> CaseEdit, index: usize| props.on_edit.reform(move |_: MouseEvent| make(index));
    let busy = props.progress.is_some();
    let verdicts: Vec<Verdict> = props.results.iter().map(|r| r.verdict(&props.scenario)).collect();
    // The row shown in detail: the one clicked, else the first failure.
    let selected = (*chosen)
        .clone()
        .and_then(|label| props.results.iter().position(|r| r.label() == label))
        .or_else(|| verdicts.iter().position(|v| matches!(v, Verdict::Fail(_))));
    let passed = verdicts.iter().filter(|v| **v == Verdict::Pass).count();
    html! {
        <section id="cases" class="card cases" aria-label="Test cases">
            <div class="cases-head">
                <h2>{ format!("Test cases ({})", props.scenario.cases.len()) }</h2>
                <button id="add-case" onclick={props.on_edit.reform(|_: MouseEvent| CaseEdit::Add)}>{"Add case"}</button>
                <button id="run-all" class="primary" onclick={props.on_run_all.reform(|_: MouseEvent| ())} disabled={busy || props.blocked.is_some()}
                        title={props.blocked.clone().unwrap_or(AttrValue::Static("Run the base scenario (when it has an expectation) and every case"))}>
                    { if busy { "Running…" } else { "Run all" } }</button>
                if busy { <button id="stop-cases" onclick={props.on_stop.reform(|_: MouseEvent| ())}>{"Stop"}</button> }
            </div>
            <p class="hint">{"Each case runs the scenario above with its own inputs, event, secrets, mocks (tried before the scenario's), CRM records or settings, and checks its expectation."}</p>
            <ol class="case-list">
                { for props.scenario.cases.iter().enumerate().map(|(i, case)| {
                    let rename = props.on_edit.reform(move |name: String| CaseEdit::Rename(i, name));
                    let ignore_for = case.name.clone();
                    let ignore = props.on_edit.reform(move |text: String| CaseEdit::Ignore(Some(ignore_for.clone()), text));
                    html! {
                        <li class="case-item" data-case={case.name.clone()}>
                            <input class="case-name" aria-label="Case name" value={case.name.clone()} onchange={on_text(rename)} />
                            <button class="duplicate-case" onclick={edit(CaseEdit::Duplicate, i)}>{"Duplicate"}</button>
                            <button class="delete-case" onclick={edit(CaseEdit::Delete, i)}>{"Delete"}</button>
                            <span class="hint">{ if case.expect.is_some() { "has an expectation" } else { "no expectation yet" } }</span>
                            <details class="case-edit">
                                <summary>{"Overrides and expectation (JSON)"}</summary>
                                <JsonField id={format!("case-json-{i}")} value={case_json(case)} rows={8} shape={Shape::Object} what="A case"
                                           on_valid={props.on_edit.reform(move |v: Value| CaseEdit::Replace(i, v))} />
                                <label>{"Ignore paths "}
                                    <input class="case-ignore" placeholder="outputFields.createdAt, requests[*].body.id" value={case.ignore.join(", ")} onchange={on_text(ignore)} />
                                </label>
                            </details>
                        </li>
                    }
                }) }
            </ol>
            if let Some(progress) = &props.progress {
                <p id="cases-progress" role="status">{ format!("Running {} of {}: {}", progress.done + 1, progress.total, progress.running) }</p>
            }
            if !props.results.is_empty() {
                <p id="cases-summary" role="status">{ format!("{passed} of {} passed", props.results.len()) }
                    { props.total_ms.map(|ms| format!(" in {ms:.0} ms")).unwrap_or_default() }</p>
                <table id="case-results" class="case-results">
                    <thead><tr><th>{"Case"}</th><th>{"Status"}</th><th>{"Outputs"}</th><th>{"Time"}</th><th>{"Result"}</th></tr></thead>
                    <tbody>{ for props.results.iter().zip(&verdicts).enumerate().map(|(i, (result, verdict))| {
                        let (text, class) = verdict_text(verdict);
                        let label = result.label().to_string();
                        let choose = { let chosen = chosen.clone(); Callback::from(move |_: MouseEvent| chosen.set(Some(label.clone()))) };
                        html! {
                            <tr data-case={result.label().to_string()} class={classes!((selected == Some(i)).then_some("selected"))} onclick={choose}>
                                <td>{ result.label() }</td>
                                <td class="case-status">{ if result.report.status == Status::Success { "Success" } else { "Error" } }</td>
                                <td class="case-outputs">{ outputs_text(result) }</td>
                                <td class="case-time">{ format!("{:.0} ms", result.wall_ms) }</td>
                                <td class={classes!("verdict", class)}>{ text }</td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
                if let Some(i) = selected {
                    <CaseDetail scenario={props.scenario.clone()} result={props.results[i].clone()} on_edit={props.on_edit.clone()} />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CaseDetailProps {
    scenario: Scenario,
    result: CaseResult,
    on_edit: Callback<CaseEdit>,
}

/// One result: what failed, expected next to actual per part, and the snapshot button.
#[function_component]
fn CaseDetail(props: &CaseDetailProps) -> Html {
    let verdict = props.result.verdict(&props.scenario);
    let case = props.result.case.clone();
    let save = props.on_edit.reform(move |_: MouseEvent| CaseEdit::SaveExpectation(case.clone()));
    let ignore = match &props.result.case {
        Some(name) => props.scenario.case_named(name).map(|c| c.ignore.clone()).unwrap_or_default(),
        None => props.scenario.ignore.clone(),
    };
    let ignore_for = props.result.case.clone();
    let on_ignore = props.on_edit.reform(move |text: String| CaseEdit::Ignore(ignore_for.clone(), text));
    html! {
        <div id="case-diff" class="case-diff" data-case={props.result.label().to_string()}>
            <h3>{ props.result.label() }</h3>
            if let Verdict::Fail(problems) = &verdict {
                <ul class="problems">{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            if verdict != Verdict::Gone {
                <div class="snapshot">
                    <button id="save-expectation" onclick={save} disabled={verdict == Verdict::Pass}>{"Save result as expectation"}</button>
                    <label>{ if props.result.case.is_none() { format!("Ignore paths of {BASE_LABEL} ") } else { "Ignore paths ".to_string() } }
                        <input id="diff-ignore" placeholder="outputFields.createdAt, requests[*].body.id" value={ignore.join(", ")} onchange={on_text(on_ignore)} />
                    </label>
                </div>
            }
            <table class="diff">
                <thead><tr><th></th><th>{"Expected"}</th><th>{"Actual"}</th></tr></thead>
                <tbody>{ for props.result.diff(&props.scenario).into_iter().map(|part| html! {
                    <tr class={classes!("diff-part", part.differs.then_some("differs"))} data-part={part.title}>
                        <th>{ part.title }</th>
                        <td><pre class="expected">{ part.expected.unwrap_or_else(|| "(not checked)".into()) }</pre></td>
                        <td><pre class="actual">{ part.actual }</pre></td>
                    </tr>
                }) }</tbody>
            </table>
        </div>
    }
}
