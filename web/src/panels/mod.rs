//! The screen's parts, each a small Yew component fed by the app's state.
//! They render run results as text nodes only: nothing from a run or a
//! scenario is ever parsed as HTML.

pub mod cases;
pub mod copy_markdown;
pub mod embed_snippet;
pub mod event;
pub mod exercise;
pub mod instructions;
pub mod json_field;
pub mod mocks;
pub mod settings;
pub mod tables;
pub mod test_panel;
pub mod theme_toggle;
pub mod timeline;
pub mod upgrade;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The text of the input, select or textarea an event came from.
pub fn event_text(e: &Event) -> String {
    let target = e.target();
    if let Some(input) = target.clone().and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(t).ok()) {
        return input.value();
    }
    if let Some(select) = target.clone().and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(t).ok()) {
        return select.value();
    }
    if let Some(area) = target.and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(t).ok()) {
        return area.value();
    }
    String::new()
}

/// A callback taking the new text of a field, for `onchange`/`oninput`.
pub fn on_text(cb: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| cb.emit(event_text(&e)))
}

pub fn on_input_text(cb: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| cb.emit(event_text(&e)))
}
