//! An exercise step: the steps of the pack (done ones ticked), the
//! instructions, the learner's code, Check with each hidden check's verdict
//! and reason, hints one at a time and the solution on request.

use crate::editor::CodeEditor;
use crate::panels::instructions::Instructions;
use action_playground::pack::CheckOutcome;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum ExerciseMsg {
    /// A pack file's text (from Import).
    Open(String),
    Go(usize),
    Code(String),
    Check,
    Hint,
    Solution,
    Reset,
    Close,
}

#[derive(Properties, PartialEq)]
pub struct ExercisePanelProps {
    pub pack_title: AttrValue,
    /// Every step's title and whether it is done.
    pub steps: Vec<(String, bool)>,
    pub current: usize,
    pub instructions: AttrValue,
    pub code: AttrValue,
    pub hints: Vec<String>,
    pub hints_shown: usize,
    pub solution: Option<AttrValue>,
    pub checking: bool,
    pub outcomes: Option<Vec<CheckOutcome>>,
    pub input_names: Vec<String>,
    pub secret_names: Vec<String>,
    pub on_msg: Callback<ExerciseMsg>,
    pub on_run: Callback<()>,
}

#[function_component]
pub fn ExercisePanel(props: &ExercisePanelProps) -> Html {
    let send = |msg: ExerciseMsg| props.on_msg.reform(move |_: MouseEvent| msg.clone());
    let on_step = props.on_msg.reform(|e: Event| ExerciseMsg::Go(crate::panels::event_text(&e).parse().unwrap_or(0)));
    let done = props.steps.iter().filter(|(_, d)| *d).count();
    html! {
        <section id="exercise" class="editor-side exercise" aria-label="Exercise">
            <div class="card">
                <div class="exercise-head">
                    <h2 id="pack-title">{ props.pack_title.clone() }</h2>
                    <span id="pack-progress" class="hint">{ format!("{done} of {} done", props.steps.len()) }</span>
                    <button id="exercise-close" onclick={send(ExerciseMsg::Close)}>{"Leave the course"}</button>
                </div>
                <label>{"Step"}
                    <select id="exercise-step" onchange={on_step}>
                        { for props.steps.iter().enumerate().map(|(i, (title, done))| html! {
                            <option value={i.to_string()} selected={i == props.current}>{ format!("{}{title}", if *done { "✓ " } else { "" }) }</option>
                        }) }
                    </select>
                </label>
                <Instructions id="exercise-instructions" markdown={props.instructions.clone()} />
            </div>
            <div class="card code-card">
                <h2>{"Your code"}</h2>
                <CodeEditor code={props.code.clone()} on_change={props.on_msg.reform(ExerciseMsg::Code)} on_run={props.on_run.clone()}
                            input_names={props.input_names.clone()} secret_names={props.secret_names.clone()} />
                <div class="exercise-actions">
                    <button id="check" class="primary" onclick={send(ExerciseMsg::Check)} disabled={props.checking}>{ if props.checking { "Checking…" } else { "Check" } }</button>
                    <button id="hint" onclick={send(ExerciseMsg::Hint)} disabled={props.hints_shown >= props.hints.len()}>
                        { format!("Hint ({} of {})", props.hints_shown, props.hints.len()) }</button>
                    <button id="show-solution" onclick={send(ExerciseMsg::Solution)}>{"Show the solution"}</button>
                    <button id="reset-code" onclick={send(ExerciseMsg::Reset)}>{"Start over"}</button>
                </div>
                if let Some(outcomes) = &props.outcomes { <Verdicts outcomes={outcomes.clone()} /> }
                if props.hints_shown > 0 {
                    <ol id="hints" class="hints">{ for props.hints.iter().take(props.hints_shown).map(|h| html! { <li><Instructions markdown={AttrValue::from(h.clone())} /></li> }) }</ol>
                }
                if let Some(solution) = &props.solution {
                    <div id="solution" class="solution"><h3>{"Solution"}</h3><pre>{ solution.clone() }</pre></div>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct VerdictsProps {
    outcomes: Vec<CheckOutcome>,
}

#[function_component]
fn Verdicts(props: &VerdictsProps) -> Html {
    let passed = props.outcomes.iter().filter(|o| o.passed).count();
    let all = passed == props.outcomes.len();
    html! {
        <div id="check-results" class={classes!("check-results", if all { "passed" } else { "failed" })} role="status">
            <p class="check-summary">{ if all { format!("All {} checks passed. Well done!", props.outcomes.len()) } else { format!("{passed} of {} checks passed.", props.outcomes.len()) } }</p>
            <ul>{ for props.outcomes.iter().map(|o| html! {
                <li class={if o.passed { "check passed" } else { "check failed" }} data-check={o.name.clone()}>
                    <strong>{ if o.passed { "✓ " } else { "✗ " } }{ &o.name }</strong>
                    { for o.reasons.iter().map(|r| html! { <div class="reason">{ r }</div> }) }
                </li>
            }) }</ul>
        </div>
    }
}
