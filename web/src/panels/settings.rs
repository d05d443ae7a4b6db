//! The run's settings: clock start, time zone, limits.

use super::on_text;
use action_playground::scenario::bounds::{MEMORY_MB_LIMIT, TIMEOUT_MS_LIMIT};
use action_playground::scenario::Settings;
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
    let s = &props.settings;
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
        </div>
    }
}
