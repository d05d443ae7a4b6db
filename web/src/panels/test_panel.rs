//! HubSpot's test panel: the Test button, Status, Data outputs, Logs in
//! Lambda's frame; plus what HubSpot lacks: the requests made and the CRM
//! changes. Everything is rendered as text.

use crate::workspace::output_type_warning;
use action_playground::panel::{log_frame, request_id, undeclared_alert};
use action_playground::report::{CrmChange, LogLine, RequestRecord, RunReport, Status};
use action_playground::scenario::OutputDecl;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TestPanelProps {
    pub report: Option<RunReport>,
    pub running: bool,
    pub engine_ready: bool,
    /// Why Test cannot run (the engine cannot start, the scenario is read-only).
    #[prop_or_default]
    pub blocked: Option<AttrValue>,
    pub live_logs: Vec<LogLine>,
    pub live_requests: Vec<RequestRecord>,
    pub outputs: Vec<OutputDecl>,
    /// Seeds the Lambda request id (the code), and the log lines' timestamp.
    pub seed: AttrValue,
    pub started_at: AttrValue,
    pub on_test: Callback<()>,
    pub on_stop: Callback<()>,
}

/// Lines the running view shows (the newest); the report shows them all.
const RUNNING_TAIL_LINES: usize = 200;

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[function_component]
pub fn TestPanel(props: &TestPanelProps) -> Html {
    let on_click = props.on_test.reform(|_: MouseEvent| ());
    let label = if props.running { "Testing…" } else { "Test" };
    html! {
        <section class="test-panel" aria-label="Test panel">
            <div class="test-head">
                <h2>{"Test action"}</h2>
                <button id="test" class="primary" onclick={on_click} disabled={props.running || props.blocked.is_some()}
                        title={props.blocked.clone().unwrap_or(AttrValue::Static("Run the action (Ctrl/Cmd+Enter in the editor)"))}>{ label }</button>
                if props.running {
                    <button id="stop" onclick={props.on_stop.reform(|_: MouseEvent| ())}
                            title="End this run now (its logs so far are kept)">{"Stop"}</button>
                }
                if let Some(why) = &props.blocked {
                    <span id="test-blocked" class="hint">{ why.clone() }</span>
                } else if !props.engine_ready && !props.running {
                    <span class="hint">{"loading the engine…"}</span>
                }
            </div>
            if props.running {
                <Running logs={props.live_logs.clone()} requests={props.live_requests.len()} />
            } else if let Some(report) = &props.report {
                <Results report={report.clone()} outputs={props.outputs.clone()} seed={props.seed.clone()} started_at={props.started_at.clone()} />
            } else {
                <p class="hint">{"Press Test to run the action against the event, secrets and mocks on the left. Nothing leaves this page: every request is answered by a mock."}</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RunningProps {
    logs: Vec<LogLine>,
    requests: usize,
}

#[function_component]
fn Running(props: &RunningProps) -> Html {
    html! {
        <div id="running" class="running">
            <p>{ format!("Running… {} log lines, {} requests so far.", props.logs.len(), props.requests) }</p>
            <pre class="logs">{ for props.logs.iter().skip(props.logs.len().saturating_sub(RUNNING_TAIL_LINES)).map(|l| html! { <>{ &l.message }{"\n"}</> }) }</pre>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    report: RunReport,
    outputs: Vec<OutputDecl>,
    seed: AttrValue,
    started_at: AttrValue,
}

#[function_component]
fn Results(props: &ResultsProps) -> Html {
    let report = &props.report;
    let ok = report.status == Status::Success;
    let status = html! {
        <div id="status" class={classes!("status", if ok { "success" } else { "failure" })} data-status={if ok { "success" } else { "error" }}>
            <h3>{"Status"}</h3>
            <p class="status-line">{ if ok { "Success" } else { "Error" } }</p>
            if let Some(e) = &report.error {
                <pre id="error" class="error">{ format!("{}: {}", e.name, e.message) }</pre>
            }
        </div>
    };
    let fields = report.output_fields.as_ref().and_then(Value::as_object).cloned().unwrap_or_default();
    let outputs = html! {
        <div id="outputs-result" class="outputs">
            <h3>{"Data outputs"}</h3>
            if fields.is_empty() {
                <p class="hint">{"none"}</p>
            } else {
                <table><tbody>{ for fields.iter().map(|(name, value)| {
                    let declared = props.outputs.iter().find(|d| &d.name == name);
                    let warning = declared.and_then(|d| output_type_warning(&d.kind, value));
                    html! {
                        <tr data-output={name.clone()}>
                            <th>{ name }</th>
                            <td class="output-value">{ value_text(value) }</td>
                            <td class="output-type">{ declared.map(|d| d.kind.clone()).unwrap_or_default() }
                                if let Some(w) = warning { <span class="warning" role="note">{ format!(" ⚠ {w}") }</span> }
                            </td>
                        </tr>
                    }
                }) }</tbody></table>
            }
            if let Some(alert) = undeclared_alert(report) {
                <p id="undeclared" class="alert" role="alert">{ alert }</p>
            }
        </div>
    };
    let id = request_id(&props.seed);
    let frame = log_frame(report, &id, &props.started_at);
    let logs = html! {
        <div class="logs-box">
            <h3>{"Logs"}</h3>
            <pre id="logs" class="logs">{ frame.join("\n") }</pre>
            <p class="meta">{ format!("Runtime {:.2} ms · memory used {:.1} MB by the run", report.runtime_ms, report.memory_bytes as f64 / 1_048_576.0) }</p>
        </div>
    };
    html! {
        <div id="results" class="results">
            { status }{ outputs }{ logs }
            <Requests requests={report.requests.clone()} />
            <CrmChanges changes={report.crm_changes.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RequestsProps {
    requests: Vec<RequestRecord>,
}

#[function_component]
fn Requests(props: &RequestsProps) -> Html {
    html! {
        <div id="requests" class="requests">
            <h3>{ format!("Requests ({})", props.requests.len()) }</h3>
            if props.requests.is_empty() {
                <p class="hint">{"The action made no HTTP requests."}</p>
            }
            { for props.requests.iter().map(|r| {
                let status = r.status.map_or("failed".to_string(), |s| s.to_string());
                let failed = r.status.is_none_or(|s| s >= 400);
                let latency = r.latency_ms.map(|ms| format!("{ms} ms")).unwrap_or_default();
                html! {
                    <details class="request">
                        <summary><span class="method">{ &r.method }</span>{" "}<span class="url">{ &r.url }</span>{" "}
                            <span class={classes!("code", failed.then_some("bad"))}>{ status }</span>{" "}
                            <span class="latency">{ latency }</span></summary>
                        <div class="exchange">
                            <h4>{"Request headers"}</h4><pre class="headers">{ headers_text(&r.request_headers) }</pre>
                            <h4>{"Request body"}</h4><pre class="body">{ r.body.clone().unwrap_or_else(|| "(none)".into()) }</pre>
                            <h4>{"Response headers"}</h4><pre class="headers">{ headers_text(&r.response_headers) }</pre>
                            <h4>{"Response body"}</h4><pre class="body">{ r.response_body.clone().unwrap_or_else(|| "(none)".into()) }</pre>
                        </div>
                    </details>
                }
            }) }
        </div>
    }
}

fn headers_text(headers: &serde_json::Map<String, Value>) -> String {
    if headers.is_empty() {
        return "(none)".into();
    }
    headers.iter().map(|(k, v)| format!("{k}: {}", value_text(v))).collect::<Vec<_>>().join("\n")
}

#[derive(Properties, PartialEq)]
struct CrmChangesProps {
    changes: Vec<CrmChange>,
}

#[function_component]
fn CrmChanges(props: &CrmChangesProps) -> Html {
    if props.changes.is_empty() {
        return html! {};
    }
    html! {
        <div id="crm-changes" class="crm-changes">
            <h3>{ format!("CRM changes ({})", props.changes.len()) }</h3>
            <table><tbody>{ for props.changes.iter().map(|c| html! {
                <tr>
                    <td>{ format!("{} {}", c.object, c.id) }</td>
                    <td>{ &c.property }</td>
                    <td>{ format!("{} → {}", value_text(&c.before), value_text(&c.after)) }</td>
                </tr>
            }) }</tbody></table>
        </div>
    }
}
