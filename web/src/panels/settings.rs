//! The run's settings: clock start, time zone, limits; and how HubSpot
//! lives the run: its retries, a warm container, strict mocks, the latency
//! what-if.

use super::on_text;
use action_playground::scenario::bounds::{MEMORY_MB_LIMIT, TIMEOUT_MS_LIMIT, WARM_RUNS_LIMIT};
use action_playground::scenario::{Latency, Settings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

#[function_component]
pub fn SettingsPanel(props: &SettingsProps) -> Html {
    let with = |f: fn(&mut Settings, String)| {
        let (settings, on_change) = (props.settings.clone(), props.on_change.clone());
        on_text(Callback::from(move |text: String| {
            let mut settings = settings.clone();
            f(&mut settings, text);
            on_change.emit(settings);
        }))
    };
    let check = |f: fn(&mut Settings, bool)| {
        let (settings, on_change) = (props.settings.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut settings = settings.clone();
            f(&mut settings, input.checked());
            on_change.emit(settings);
        })
    };
    let s = &props.settings;
    let scale = s.latency.as_ref().map_or(1.0, |l| l.scale);
    let add_ms = s.latency.as_ref().map_or(0, |l| l.add_ms);
    html! {
        <div class="settings grid">
            <label>{"Clock starts at (ISO 8601, blank = now)"}
                <input id="setting-now" value={s.now.clone().unwrap_or_default()} placeholder="2026-03-02T14:30:00Z"
                       onchange={with(|s, t| s.now = Some(t.trim().to_string()).filter(|t| !t.is_empty()))} /></label>
            <label>{"Time zone"}
                <input id="setting-timezone" value={s.timezone.clone()} placeholder="UTC"
                       onchange={with(|s, t| s.timezone = if t.trim().is_empty() { "UTC".into() } else { t.trim().to_string() })} /></label>
            <label>{"Time limit (ms)"}
                <input id="setting-timeout" type="number" min="1" max={TIMEOUT_MS_LIMIT.to_string()} value={s.timeout_ms.to_string()}
                       onchange={with(|s, t| if let Ok(v) = t.parse::<u64>() { s.timeout_ms = v.clamp(1, TIMEOUT_MS_LIMIT) })} /></label>
            <label>{"Memory limit (MB)"}
                <input id="setting-memory" type="number" min="1" max={MEMORY_MB_LIMIT.to_string()} value={s.memory_mb.to_string()}
                       onchange={with(|s, t| if let Ok(v) = t.parse::<u64>() { s.memory_mb = v.clamp(1, MEMORY_MB_LIMIT) })} /></label>
            <label class="check" title="When the action throws on a 429 or 5xx answer from axios or the HubSpot client, HubSpot runs it again: after a minute, then at growing gaps up to 8 hours, for up to three days">
                <input id="setting-retries" type="checkbox" checked={s.retries} onchange={check(|s, on| s.retries = on)} />{" HubSpot's retries (429 / 5xx)"}</label>
            <label class="check" title="A request no mock rule answers fails the run">
                <input id="setting-strict" type="checkbox" checked={s.strict_mocks} onchange={check(|s, on| s.strict_mocks = on)} />{" Strict mocks"}</label>
            <label>{"Executions in one warm container"}
                <input id="setting-warm" type="number" min="1" max={WARM_RUNS_LIMIT.to_string()} value={s.executions().to_string()}
                       title="1 = a cold container (the default); more runs the action again in the same container, module-level state kept"
                       onchange={with(|s, t| if let Ok(v) = t.parse::<u32>() { let v = v.clamp(1, WARM_RUNS_LIMIT); s.warm_runs = (v > 1).then_some(v) })} /></label>
            <label>{"Vendor latency what-if"}
                <select id="setting-latency" onchange={with(|s, t| set_latency(s, t.parse().ok(), None))}>
                    { for [1.0, 5.0, 20.0].iter().map(|x| html! { <option value={x.to_string()} selected={scale == *x}>{ format!("every mock delay ×{x}") }</option> }) }
                    if ![1.0, 5.0, 20.0].contains(&scale) { <option value={scale.to_string()} selected=true>{ format!("×{scale}") }</option> }
                </select></label>
            <label>{"Added delay per request (ms)"}
                <input id="setting-latency-add" type="number" min="0" max={TIMEOUT_MS_LIMIT.to_string()} value={add_ms.to_string()}
                       onchange={with(|s, t| set_latency(s, None, t.parse::<u64>().ok().map(|v| v.min(TIMEOUT_MS_LIMIT))))} /></label>
        </div>
    }
}

/// Sets one part of the latency what-if; ×1 and +0 ms is no what-if at all.
fn set_latency(settings: &mut Settings, scale: Option<f64>, add_ms: Option<u64>) {
    let current = settings.latency.clone().unwrap_or(Latency { scale: 1.0, add_ms: 0 });
    let next = Latency { scale: scale.unwrap_or(current.scale), add_ms: add_ms.unwrap_or(current.add_ms) };
    settings.latency = (next.scale != 1.0 || next.add_ms != 0).then_some(next);
}
