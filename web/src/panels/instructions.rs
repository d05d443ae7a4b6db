//! Markdown instructions, rendered by the Markdown bundle (marked, raw HTML
//! escaped, then DOMPurify: web/editor/markdown.js) into this element. The
//! bundle loads when instructions first show; until then, the plain text.

use crate::lazy_script;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = PlaygroundMarkdown, js_name = renderMarkdown)]
    fn render_markdown(element: &web_sys::HtmlElement, text: &str);
}

#[derive(Properties, PartialEq)]
pub struct InstructionsProps {
    pub markdown: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[function_component]
pub fn Instructions(props: &InstructionsProps) -> Html {
    let host = use_node_ref();
    let loaded = use_state(|| lazy_script::is_loaded(lazy_script::MARKDOWN));
    {
        let loaded = loaded.setter();
        use_effect_with((), move |_| {
            if !lazy_script::is_loaded(lazy_script::MARKDOWN) {
                lazy_script::when_loaded(lazy_script::MARKDOWN, move || loaded.set(true));
                lazy_script::load(lazy_script::MARKDOWN);
            }
        });
    }
    {
        let host = host.clone();
        use_effect_with((props.markdown.clone(), *loaded), move |(markdown, loaded)| {
            if let Some(element) = host.cast::<web_sys::HtmlElement>() {
                if *loaded {
                    render_markdown(&element, markdown);
                } else {
                    element.set_text_content(Some(markdown));
                }
            }
        });
    }
    html! { <div class="instructions" id={props.id.clone()} ref={host} /> }
}
