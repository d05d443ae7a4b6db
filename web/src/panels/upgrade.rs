//! "Upgrade to Node 24": the worker converts the callback handler
//! (`action_playground::upgrade`), then the page runs the original and the
//! upgrade in turn through the same runner as Test and shows both side by
//! side — code, status, outputs, logs, requests, CRM changes — with every
//! difference (as `upgrade::compare` defines it) and what was kept as written.

use action_playground::host::UpgradeAnswer;
use action_playground::report::RunReport;
use action_playground::upgrade::compare::differences;
use action_playground::Scenario;
use yew::prelude::*;

/// Where the upgrade is.
#[derive(Clone, PartialEq, Default)]
pub enum UpgradeFlow {
    #[default]
    Idle,
    Converting,
    /// Running the original (`before` is None) or the upgrade.
    Running {
        original: Box<Scenario>,
        answer: Box<UpgradeAnswer>,
        before: Option<Box<RunReport>>,
    },
    Done {
        original: Box<Scenario>,
        answer: Box<UpgradeAnswer>,
        before: Box<RunReport>,
        after: Box<RunReport>,
    },
    Failed(String),
}

impl UpgradeFlow {
    pub fn is_running(&self) -> bool {
        matches!(self, UpgradeFlow::Converting | UpgradeFlow::Running { .. })
    }

    /// The worker's conversion arrived: the scenario to run first (the original).
    pub fn converted(&mut self, original: Scenario, outcome: Result<Box<UpgradeAnswer>, String>) -> Option<Scenario> {
        match outcome {
            Ok(answer) => {
                let first = original.clone();
                *self = UpgradeFlow::Running { original: Box::new(original), answer, before: None };
                Some(first)
            }
            Err(why) => {
                *self = UpgradeFlow::Failed(why);
                None
            }
        }
    }

    /// A run finished: the next scenario to run, if any.
    pub fn finished(&mut self, report: RunReport) -> Option<Scenario> {
        match std::mem::take(self) {
            UpgradeFlow::Running { original, answer, before: None } => {
                let next = answer.scenario.clone();
                *self = UpgradeFlow::Running { original, answer, before: Some(Box::new(report)) };
                Some(next)
            }
            UpgradeFlow::Running { original, answer, before: Some(before) } => {
                *self = UpgradeFlow::Done { original, answer, before, after: Box::new(report) };
                None
            }
            other => {
                *self = other;
                None
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct UpgradePanelProps {
    pub flow: UpgradeFlow,
    /// The open scenario runs on Node.js 20 (the button is offered).
    pub node20: bool,
    pub on_upgrade: Callback<()>,
    /// Replace the code with the upgrade and switch to Node.js 24.
    pub on_apply: Callback<Scenario>,
    pub on_close: Callback<()>,
}

#[function_component(UpgradePanel)]
pub fn upgrade_panel(props: &UpgradePanelProps) -> Html {
    let button = props.node20.then(|| {
        let on_upgrade = props.on_upgrade.clone();
        html! {
            <button id="upgrade" disabled={props.flow.is_running()} onclick={Callback::from(move |_| on_upgrade.emit(()))}>{"Upgrade to Node 24"}</button>
        }
    });
    let on_close = props.on_close.clone();
    let close = html! { <button id="upgrade-close" onclick={Callback::from(move |_| on_close.emit(()))}>{"Close"}</button> };
    let body = match &props.flow {
        UpgradeFlow::Idle => html! {},
        UpgradeFlow::Converting => html! { <p id="upgrade-status">{"Converting…"}</p> },
        UpgradeFlow::Failed(why) => {
            html! { <div id="upgrade-panel" class="upgrade-panel"><p id="upgrade-status" class="error">{ format!("Cannot upgrade: {why}") }</p>{close}</div> }
        }
        UpgradeFlow::Running { original, answer, before } => html! {
            <div id="upgrade-panel" class="upgrade-panel">
                <p id="upgrade-status">{ if before.is_none() { "Running the original on Node.js 20…" } else { "Running the upgrade on Node.js 24…" } }</p>
                <div class="upgrade-columns">
                    { column("upgrade-before", "Node.js 20 (original)", &original.code, before.as_deref()) }
                    { column("upgrade-after", "Node.js 24 (upgraded)", &answer.scenario.code, None) }
                </div>
            </div>
        },
        UpgradeFlow::Done { original, answer, before, after } => {
            let found = differences(before, after);
            let on_apply = props.on_apply.clone();
            let upgraded = answer.scenario.clone();
            html! {
                <div id="upgrade-panel" class="upgrade-panel">
                    <p id="upgrade-status">{ format!("{} callback call(s) converted; {}", answer.converted,
                        if found.is_empty() { "same result on both runtimes." } else { "the results differ:" }) }</p>
                    if !found.is_empty() {
                        <ul id="upgrade-differences">{ for found.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                    }
                    if !answer.left.is_empty() {
                        <ul id="upgrade-left">{ for answer.left.iter().map(|d| html! { <li>{ format!("line {}: {} [{}]", d.line, d.message, d.rule) }</li> }) }</ul>
                    }
                    <div class="upgrade-columns">
                        { column("upgrade-before", "Node.js 20 (original)", &original.code, Some(before)) }
                        { column("upgrade-after", "Node.js 24 (upgraded)", &answer.scenario.code, Some(after)) }
                    </div>
                    <button id="upgrade-apply" onclick={Callback::from(move |_| on_apply.emit(upgraded.clone()))}>{"Use the upgraded code"}</button>
                    {close}
                </div>
            }
        }
    };
    html! { <>{ for button }{ body }</> }
}

/// One side: the code and, once it ran, what the run did.
fn column(id: &'static str, title: &'static str, code: &str, report: Option<&RunReport>) -> Html {
    html! {
        <div class="upgrade-column" id={id}>
            <h3>{title}</h3>
            <pre class="upgrade-code">{ code }</pre>
            if let Some(report) = report {
                <dl class="upgrade-result">
                    <dt>{"Status"}</dt><dd class="status">{ format!("{:?}", report.status).to_lowercase() }</dd>
                    <dt>{"Outputs"}</dt><dd class="outputs">{ report.output_fields.as_ref().map(|o| o.to_string()).unwrap_or_else(|| "—".into()) }</dd>
                    if let Some(error) = &report.error {
                        <dt>{"Error"}</dt><dd class="error">{ format!("{}: {}", error.name, error.message) }</dd>
                    }
                    <dt>{"Logs"}</dt><dd class="logs">{ for report.logs.iter().map(|l| html! { <div>{ format!("{} {}", l.level, l.message) }</div> }) }</dd>
                    <dt>{"Requests"}</dt><dd class="requests">{ for report.requests.iter().map(|r| html! { <div>{ format!("{} {} {}", r.method, r.url, r.status.map(|s| s.to_string()).unwrap_or_else(|| "failed".into())) }</div> }) }</dd>
                    <dt>{"CRM changes"}</dt><dd class="crm">{ report.crm_changes.len() }</dd>
                </dl>
            }
        </div>
    }
}
