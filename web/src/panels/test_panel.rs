//! HubSpot's test panel: the Test button, Status, Data outputs, Logs in
//! Lambda's frame; plus what HubSpot lacks: the requests made and the CRM
//! changes. Everything is rendered as text.

use super::timeline::Timeline;
use crate::workspace::{output_type_warning, rule_from_request};
use action_playground::panel::{clock_text, log_frame, request_id, undeclared_alert};
use action_playground::report::{CrmChange, Execution, LogLine, RequestRecord, RunReport, Status};
use action_playground::scenario::{MockRule, OutputDecl};
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
    /// `settings.timeoutMs`: the limit the timeline is drawn against.
    #[prop_or(20_000)]
    pub limit_ms: u64,
    /// "Add rule from this request" on a request no mock rule answered.
    #[prop_or_default]
    pub on_add_rule: Callback<MockRule>,
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
                // The Test button comes last, at the row's right edge, with
                // one width for both labels: what comes and goes beside it
                // (the engine's hint, Stop) never moves it under the pointer.
                if let Some(why) = &props.blocked {
                    <span id="test-blocked" class="hint">{ why.clone() }</span>
                } else if !props.engine_ready && !props.running {
                    <span class="hint">{"loading the engine…"}</span>
                }
                if props.running {
                    <button id="stop" onclick={props.on_stop.reform(|_: MouseEvent| ())}
                            title="End this run now (its logs so far are kept)">{"Stop"}</button>
                }
                <button id="test" class="primary" onclick={on_click} disabled={props.running || props.blocked.is_some()}
                        title={props.blocked.clone().unwrap_or(AttrValue::Static("Run the action (Ctrl/Cmd+Enter in the editor)"))}>{ label }</button>
            </div>
            if props.running {
                <Running logs={props.live_logs.clone()} requests={props.live_requests.len()} />
            } else if let Some(report) = &props.report {
                <Results report={report.clone()} outputs={props.outputs.clone()} seed={props.seed.clone()} started_at={props.started_at.clone()}
                         limit_ms={props.limit_ms} on_add_rule={props.on_add_rule.clone()} />
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
    limit_ms: u64,
    on_add_rule: Callback<MockRule>,
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
            { status }{ outputs }
            <Timeline events={report.timeline.clone()} limit_ms={props.limit_ms} />
            { logs }
            <Requests requests={report.requests.clone()} on_add_rule={props.on_add_rule.clone()} />
            <CrmChanges changes={report.crm_changes.clone()} />
            <Executions id="attempts" title="HubSpot's retries" list={report.attempts.clone()}
                        hint="HubSpot ran the action again after it failed on a 429 or 5xx answer (first after a minute, then at growing gaps up to 8 hours, for up to three days). The CRM mock kept its records from attempt to attempt." />
            <Executions id="executions" title="Warm container" list={report.executions.clone()}
                        hint="Each execution ran in the same container, as HubSpot reuses a warm one: module-level state carried over." />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RequestsProps {
    requests: Vec<RequestRecord>,
    #[prop_or_default]
    on_add_rule: Option<Callback<MockRule>>,
    #[prop_or(AttrValue::Static("requests"))]
    id: AttrValue,
}

#[function_component]
fn Requests(props: &RequestsProps) -> Html {
    html! {
        <div id={props.id.clone()} class="requests">
            <h3>{ format!("Requests ({})", props.requests.len()) }</h3>
            if props.requests.is_empty() {
                <p class="hint">{"The action made no HTTP requests."}</p>
            }
            { for props.requests.iter().map(|r| {
                let status = r.status.map_or("failed".to_string(), |s| s.to_string());
                let failed = r.status.is_none_or(|s| s >= 400);
                let latency = r.latency_ms.map(|ms| format!("{ms} ms")).unwrap_or_default();
                let add_rule = props.on_add_rule.clone().filter(|_| r.unmatched).map(|cb| {
                    let rule = rule_from_request(r);
                    Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        cb.emit(rule.clone())
                    })
                });
                html! {
                    <details class={classes!("request", r.unmatched.then_some("unmatched"), r.repeated_write.then_some("repeated"))}>
                        <summary><span class="method">{ &r.method }</span>{" "}<span class="url">{ &r.url }</span>{" "}
                            <span class={classes!("code", failed.then_some("bad"))}>{ status }</span>{" "}
                            <span class="latency">{ latency }</span>
                            if r.unmatched { {" "}<span class="no-rule">{"no mock rule matched"}</span> }
                            if let Some(onclick) = add_rule { {" "}<button class="add-rule" {onclick}>{"Add rule from this request"}</button> }
                            if r.repeated_write { {" "}<span class="repeated-write" title="HubSpot's retry ran the whole action again: this write happened on an earlier attempt too">{"⚠ repeated write (not idempotent)"}</span> }
                        </summary>
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
struct ExecutionsProps {
    id: AttrValue,
    title: AttrValue,
    hint: AttrValue,
    list: Vec<Execution>,
}

/// Each attempt (or warm execution): when it started on the run's clock,
/// how it ended, its outputs, logs and requests.
#[function_component]
fn Executions(props: &ExecutionsProps) -> Html {
    if props.list.is_empty() {
        return html! {};
    }
    let repeated: usize = props.list.iter().flat_map(|e| &e.requests).filter(|r| r.repeated_write).count();
    html! {
        <div id={props.id.clone()} class="executions">
            <h3>{ format!("{} ({})", props.title, props.list.len()) }</h3>
            <p class="hint">{ props.hint.clone() }</p>
            if repeated > 0 {
                <p class="alert repeated-alert" role="alert">{ format!("{repeated} write(s) happened again on a later attempt: the action is not idempotent, a retry repeats its side effects.") }</p>
            }
            { for props.list.iter().enumerate().map(|(n, e)| {
                let ok = e.status == Status::Success;
                let verdict = match &e.error {
                    Some(err) if !ok => format!("{}: {}", err.name, err.message.lines().next().unwrap_or("")),
                    _ => "success".to_string(),
                };
                let fields = e.output_fields.as_ref().and_then(Value::as_object).filter(|m| !m.is_empty())
                    .map(|m| m.iter().map(|(k, v)| format!("{k}: {}", value_text(v))).collect::<Vec<_>>().join(", "));
                html! {
                    <details class={classes!("execution", if ok { "success" } else { "failure" })} data-status={if ok { "success" } else { "error" }}>
                        <summary>{ format!("#{} at {} — {verdict}", n + 1, clock_text(e.started_at_ms)) }
                            if let Some(status) = e.retry_on_status { <span class="retry-on">{ format!(" · retried after the {status}") }</span> }
                        </summary>
                        if let Some(fields) = fields { <p class="execution-outputs">{ format!("Outputs: {fields}") }</p> }
                        <pre class="logs">{ e.logs.iter().map(|l| l.message.clone()).collect::<Vec<_>>().join("\n") }</pre>
                        <Requests id={format!("{}-{n}-requests", props.id)} requests={e.requests.clone()} />
                    </details>
                }
            }) }
        </div>
    }
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
