//! The snippet generator: the iframe code that embeds the current scenario
//! in a course page, with the embed's options.

use crate::embed::{embed_src, iframe_snippet, EmbedMode};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedSnippetProps {
    /// The share fragment (`s1.…`) of the scenario.
    pub fragment: AttrValue,
    pub link_base: AttrValue,
    pub title: AttrValue,
}

#[function_component]
pub fn EmbedSnippet(props: &EmbedSnippetProps) -> Html {
    let mode = use_state(EmbedMode::default);
    let toggle = |set: fn(&mut EmbedMode, bool)| {
        let mode = mode.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = *mode;
            set(&mut next, input.checked());
            mode.set(next);
        })
    };
    let snippet = iframe_snippet(&embed_src(&props.link_base, &props.fragment, *mode), &props.title);
    html! {
        <div id="embed-snippet" class="embed-snippet">
            <label>{"Embed in a page"}
                <textarea id="embed-code" readonly=true rows="3" value={snippet} /></label>
            <label class="check"><input id="embed-output-only" type="checkbox" checked={mode.output_only} onchange={toggle(|m, on| m.output_only = on)} />{" output only"}</label>
            <label class="check"><input id="embed-read-only" type="checkbox" checked={mode.read_only} onchange={toggle(|m, on| m.read_only = on)} />{" read-only code"}</label>
        </div>
    }
}
