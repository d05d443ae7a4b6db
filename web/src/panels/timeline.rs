//! The run's timeline as a chart: per execution (an attempt of HubSpot's
//! retries, a warm run), each request a bar from leaving to its answer
//! (open to the end when none came), the action's timers, log ticks and the
//! end, on the run's clock; a budget bar shows the execution against the
//! time limit. Details are in each mark's hover title. Drawn in SVG from
//! the report's `timeline` (the one event path the engine records).

use action_playground::report::Status;
use action_playground::timeline::{Happening, TimelineEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub events: Vec<TimelineEvent>,
    pub limit_ms: u64,
}

/// One execution's marks, laid out in its own clock (ms from its start).
#[derive(Debug, PartialEq)]
pub struct Lane {
    pub execution: Option<usize>,
    pub started_at_ms: f64,
    pub end_ms: f64,
    pub end: Option<(Status, Option<String>)>,
    pub requests: Vec<Bar>,
    pub timers: Vec<Bar>,
    pub logs: Vec<(f64, String)>,
}

/// A request or timer: from `from` to `to` (`None`: still open at the end).
#[derive(Debug, PartialEq)]
pub struct Bar {
    pub from: f64,
    pub to: Option<f64>,
    pub label: String,
    pub status: Option<u16>,
}

/// Groups the events by execution, in clock order.
pub fn lanes(events: &[TimelineEvent]) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for event in events {
        let lane = match lanes.iter().position(|l| l.execution == event.execution) {
            Some(i) => &mut lanes[i],
            None => {
                lanes.push(Lane {
                    execution: event.execution,
                    started_at_ms: event.at_ms,
                    end_ms: 0.0,
                    end: None,
                    requests: Vec::new(),
                    timers: Vec::new(),
                    logs: Vec::new(),
                });
                lanes.last_mut().expect("just pushed")
            }
        };
        let at = event.at_ms - lane.started_at_ms;
        lane.end_ms = lane.end_ms.max(at);
        match &event.what {
            Happening::Request { method, url, .. } => lane.requests.push(Bar { from: at, to: None, label: format!("{method} {url}"), status: None }),
            Happening::Response { index, status, .. } => {
                if let Some(bar) = lane.requests.get_mut(*index) {
                    bar.to = Some(at);
                    bar.status = *status;
                }
            }
            Happening::Timer { delay_ms, repeat } => lane.timers.push(Bar {
                from: at,
                to: Some(at + *delay_ms as f64),
                label: format!("{} {delay_ms} ms", if *repeat { "setInterval" } else { "setTimeout" }),
                status: None,
            }),
            Happening::Log { level, message } => lane.logs.push((at, format!("{level}: {message}"))),
            Happening::End { status, error } => lane.end = Some((*status, error.clone())),
        }
    }
    lanes
}

fn ms(value: f64) -> String {
    if value >= 1000.0 {
        format!("{:.2} s", value / 1000.0)
    } else {
        format!("{value:.0} ms")
    }
}

/// How far into the run an execution started, as a person reads it.
fn offset_text(ms_value: f64) -> String {
    action_playground::panel::clock_text(ms_value)
}

const WIDTH: f64 = 600.0;
const ROW: f64 = 16.0;
const LEFT: f64 = 4.0;

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lanes = lanes(&props.events);
    if lanes.is_empty() {
        return html! {};
    }
    let limit = props.limit_ms as f64;
    html! {
        <div id="timeline" class="timeline">
            <h3>{"Timeline"}</h3>
            { for lanes.iter().map(|lane| lane_chart(lane, limit, lanes.len() > 1)) }
        </div>
    }
}

fn lane_chart(lane: &Lane, limit: f64, titled: bool) -> Html {
    // The chart spans the execution (and a margin), so short runs stay
    // readable; the budget bar above puts it against the limit.
    let span = (lane.end_ms * 1.1).max(10.0);
    let x = |t: f64| LEFT + (t / span).min(1.0) * (WIDTH - 2.0 * LEFT);
    let rows = lane.requests.len() + lane.timers.len() + 1;
    let height = 8.0 + rows as f64 * ROW + 14.0;
    let used = (lane.end_ms / limit).min(1.0);
    let timed_out = lane.end.as_ref().is_some_and(|(_, e)| e.as_deref().is_some_and(|e| e.contains("Task timed out")));
    let verdict = match &lane.end {
        Some((Status::Success, _)) => "success".to_string(),
        Some((Status::Error, Some(e))) => e.clone(),
        _ => "error".to_string(),
    };
    let mut row = 0usize;
    let mut next_row = || {
        row += 1;
        4.0 + (row - 1) as f64 * ROW
    };
    let request_marks = lane.requests.iter().enumerate().map(|(i, bar)| {
        let y = next_row();
        let to = bar.to.unwrap_or(lane.end_ms);
        let class = match (bar.to, bar.status) {
            (None, _) => "tl-open",
            (Some(_), Some(s)) if s < 400 => "tl-ok",
            _ => "tl-bad",
        };
        let answer = match (bar.to, bar.status) {
            (None, _) => "no answer before the end".to_string(),
            (Some(_), Some(s)) => format!("{s} after {}", ms(to - bar.from)),
            (Some(_), None) => format!("failed after {}", ms(to - bar.from)),
        };
        html! {
            <g class={classes!("tl-request", class)} data-index={i.to_string()} data-at={format!("{:.1}", bar.from)}>
                <title>{ format!("{} — at +{}, {answer}", bar.label, ms(bar.from)) }</title>
                <rect x={format!("{:.1}", x(bar.from))} y={format!("{y:.1}")} width={format!("{:.1}", (x(to) - x(bar.from)).max(2.0))} height="10" rx="2" />
                <text x={format!("{:.1}", x(bar.from) + 3.0)} y={format!("{:.1}", y + 9.0)} class="tl-label">{ format!("{} {}", bar.label, bar.status.map(|s| s.to_string()).unwrap_or_default()) }</text>
            </g>
        }
    }).collect::<Html>();
    let timer_marks = lane
        .timers
        .iter()
        .map(|bar| {
            let y = next_row();
            let to = bar.to.unwrap_or(bar.from);
            html! {
                <g class="tl-timer" data-at={format!("{:.1}", bar.from)}>
                    <title>{ format!("{} — set at +{}, due at +{}", bar.label, ms(bar.from), ms(to)) }</title>
                    <rect x={format!("{:.1}", x(bar.from))} y={format!("{:.1}", y + 3.0)} width={format!("{:.1}", (x(to) - x(bar.from)).max(2.0))} height="4" />
                    <text x={format!("{:.1}", x(bar.from) + 3.0)} y={format!("{:.1}", y + 9.0)} class="tl-label">{ bar.label.clone() }</text>
                </g>
            }
        })
        .collect::<Html>();
    let log_y = next_row();
    let log_marks = lane
        .logs
        .iter()
        .map(|(at, text)| {
            html! {
                <g class="tl-log" data-at={format!("{at:.1}")}>
                    <title>{ format!("+{} {text}", ms(*at)) }</title>
                    <rect x={format!("{:.1}", x(*at) - 1.0)} y={format!("{log_y:.1}")} width="3" height="12" />
                </g>
            }
        })
        .collect::<Html>();
    let axis_y = height - 4.0;
    html! {
        <figure class={classes!("tl-lane", timed_out.then_some("tl-timed-out"))} data-execution={lane.execution.map(|e| e.to_string()).unwrap_or_default()}>
            <figcaption>
                if titled {
                    <strong>{ format!("#{} at {}", lane.execution.map_or(1, |e| e + 1), offset_text(lane.started_at_ms)) }</strong>{" · "}
                }
                <span class="tl-verdict">{ verdict.clone() }</span>
                { format!(" · {} of the {} limit", ms(lane.end_ms), ms(limit)) }
            </figcaption>
            // An SVG bar, not a styled div: the app's CSP allows no style attributes.
            <svg class="tl-budget" viewBox="0 0 100 1" preserveAspectRatio="none" role="img"
                 aria-label={format!("{:.0} % of the time limit used", used * 100.0)}>
                <title>{ format!("{:.0} % of the time limit used", used * 100.0) }</title>
                <rect class="tl-budget-used" x="0" y="0" width={format!("{:.1}", used * 100.0)} height="1" />
            </svg>
            <svg class="tl-chart" viewBox={format!("0 0 {WIDTH} {height:.0}")} role="img"
                 aria-label={format!("{} requests, {} timers, {} log lines over {}", lane.requests.len(), lane.timers.len(), lane.logs.len(), ms(lane.end_ms))}>
                { request_marks }{ timer_marks }{ log_marks }
                <g class="tl-end" data-at={format!("{:.1}", lane.end_ms)}>
                    <title>{ format!("end at +{}: {verdict}", ms(lane.end_ms)) }</title>
                    <line x1={format!("{:.1}", x(lane.end_ms))} x2={format!("{:.1}", x(lane.end_ms))} y1="0" y2={format!("{axis_y:.1}")} />
                </g>
                <text class="tl-axis" x={format!("{LEFT}")} y={format!("{:.1}", height - 2.0)}>{"0"}</text>
                <text class="tl-axis" x={format!("{:.1}", WIDTH - LEFT)} y={format!("{:.1}", height - 2.0)} text-anchor="end">{ ms(span) }</text>
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(at_ms: f64, execution: Option<usize>, what: Happening) -> TimelineEvent {
        TimelineEvent { at_ms, execution, what }
    }

    #[test]
    fn events_group_into_lanes_with_requests_closed_by_their_answers() {
        let events = vec![
            at(0.0, Some(0), Happening::Request { index: 0, method: "GET".into(), url: "u".into() }),
            at(120.0, Some(0), Happening::Response { index: 0, status: Some(429), latency_ms: 120 }),
            at(130.0, Some(0), Happening::End { status: Status::Error, error: Some("AxiosError: 429".into()) }),
            at(60_130.0, Some(1), Happening::Request { index: 0, method: "GET".into(), url: "u".into() }),
            at(60_140.0, Some(1), Happening::Timer { delay_ms: 50, repeat: false }),
            at(60_200.0, Some(1), Happening::End { status: Status::Success, error: None }),
        ];
        let lanes = lanes(&events);
        assert_eq!(lanes.len(), 2);
        assert_eq!(lanes[0].requests[0], Bar { from: 0.0, to: Some(120.0), label: "GET u".into(), status: Some(429) });
        assert_eq!((lanes[1].started_at_ms, lanes[1].end_ms), (60_130.0, 70.0));
        assert_eq!(lanes[1].requests[0].to, None, "no answer: open to the end");
        assert_eq!(lanes[1].timers[0].to, Some(60.0));
    }
}
