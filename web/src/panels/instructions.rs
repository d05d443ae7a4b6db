//! Markdown instructions, rendered by the editor bundle (marked, raw HTML
//! escaped, then DOMPurify: web/editor/markdown.js) into this element.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = renderMarkdown)]
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
    {
        let host = host.clone();
        use_effect_with(props.markdown.clone(), move |markdown| {
            if let Some(element) = host.cast::<web_sys::HtmlElement>() {
                render_markdown(&element, markdown);
            }
        });
    }
    html! { <div class="instructions" id={props.id.clone()} ref={host} /> }
}
