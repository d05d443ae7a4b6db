//! The code editor: CodeMirror 6 (bundled from npm by `web/editor/build.mjs`)
//! behind `window.PlaygroundEditor`. Yew owns the text; the editor reports
//! each change and Ctrl/Cmd+Enter. Until the bundle has loaded (the app
//! asks for it after its first render: web/src/lazy_script.rs), the code is
//! in a plain textarea that edits and runs the same way; CodeMirror then
//! takes its place, with the cursor where it was.

use crate::lazy_script;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = mount)]
    fn cm_mount(parent: &HtmlElement, doc: &str, on_change: &JsValue, on_run: &JsValue, read_only: bool) -> JsValue;
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = setDoc)]
    fn cm_set_doc(view: &JsValue, doc: &str);
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = markRunError)]
    fn cm_mark_run_error(view: &JsValue, line: u32, message: &str);
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = setContext)]
    fn cm_set_context(view: &JsValue, inputs: Vec<String>, secrets: Vec<String>);
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = setLints)]
    fn cm_set_lints(view: &JsValue, json: &str);
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = focusAt)]
    fn cm_focus_at(view: &JsValue, offset: u32);
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = destroy)]
    fn cm_destroy(view: &JsValue);
}

#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    pub code: AttrValue,
    pub on_change: Callback<String>,
    pub on_run: Callback<()>,
    /// The line a failed run points at, with its message.
    #[prop_or_default]
    pub error: Option<(u32, String)>,
    /// Names the completions offer after `event.inputFields.` and `process.env.`.
    #[prop_or_default]
    pub input_names: Vec<String>,
    #[prop_or_default]
    pub secret_names: Vec<String>,
    #[prop_or_default]
    pub read_only: bool,
    /// The HubSpot lints the worker found in the code.
    #[prop_or_default]
    pub lints: std::rc::Rc<Vec<action_playground::lint::Diagnostic>>,
}

pub struct CodeEditor {
    host: NodeRef,
    fallback: NodeRef,
    view: Option<JsValue>,
    /// Where the textarea's cursor was, if it had focus when CodeMirror came.
    fallback_focus: Option<u32>,
    _handlers: Option<(Closure<dyn Fn(String)>, Closure<dyn Fn()>)>,
}

/// The editor bundle has loaded.
pub struct EditorLoaded;

impl Component for CodeEditor {
    type Message = EditorLoaded;
    type Properties = CodeEditorProps;

    fn create(ctx: &Context<Self>) -> Self {
        if !lazy_script::is_loaded(lazy_script::EDITOR) {
            let link = ctx.link().clone();
            lazy_script::when_loaded(lazy_script::EDITOR, move || link.send_message(EditorLoaded));
        }
        CodeEditor { host: NodeRef::default(), fallback: NodeRef::default(), view: None, fallback_focus: None, _handlers: None }
    }

    fn update(&mut self, _ctx: &Context<Self>, _msg: EditorLoaded) -> bool {
        if let Some(area) = self.fallback.cast::<web_sys::HtmlTextAreaElement>() {
            let focused = gloo::utils::document().active_element().is_some_and(|active| active == **area);
            self.fallback_focus = focused.then(|| area.selection_start().ok().flatten()).flatten();
        }
        // Rendered again without the textarea; `rendered` mounts CodeMirror.
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let fallback = (self.view.is_none() && !lazy_script::is_loaded(lazy_script::EDITOR)).then(|| {
            let on_change = props.on_change.clone();
            let on_input = Callback::from(move |event: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
                on_change.emit(area.value());
            });
            let on_run = props.on_run.clone();
            let on_keydown = Callback::from(move |event: KeyboardEvent| {
                if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                    event.prevent_default();
                    on_run.emit(());
                }
            });
            // Someone about to type wants the real editor now.
            let on_focus = Callback::from(|_: FocusEvent| lazy_script::load(lazy_script::EDITOR));
            html! {
                <textarea class="code-fallback" ref={self.fallback.clone()} aria-label="Action code" spellcheck="false"
                          value={props.code.clone()} readonly={props.read_only} oninput={on_input} onkeydown={on_keydown} onfocus={on_focus} />
            }
        });
        html! { <div class="code-editor" id="code-editor" ref={self.host.clone()}>{ for fallback }</div> }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        if self.view.is_some() || !lazy_script::is_loaded(lazy_script::EDITOR) {
            return;
        }
        let Some(host) = self.host.cast::<HtmlElement>() else { return };
        let props = ctx.props();
        let on_change = props.on_change.clone();
        let on_run = props.on_run.clone();
        let change = Closure::<dyn Fn(String)>::new(move |doc: String| on_change.emit(doc));
        let run = Closure::<dyn Fn()>::new(move || on_run.emit(()));
        let view = cm_mount(&host, &props.code, change.as_ref(), run.as_ref(), props.read_only);
        cm_set_context(&view, props.input_names.clone(), props.secret_names.clone());
        if !props.lints.is_empty() {
            cm_set_lints(&view, &serde_json::to_string(&*props.lints).unwrap_or_default());
        }
        if let Some((line, message)) = &props.error {
            cm_mark_run_error(&view, *line, message);
        }
        if let Some(offset) = self.fallback_focus.take() {
            cm_focus_at(&view, offset);
        }
        self.view = Some(view);
        self._handlers = Some((change, run));
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Self::Properties) -> bool {
        if let Some(view) = &self.view {
            // Setting the same text is a no-op in the editor, so typing never loops.
            if ctx.props().code != old.code {
                cm_set_doc(view, &ctx.props().code);
            }
            if ctx.props().lints != old.lints {
                cm_set_lints(view, &serde_json::to_string(&*ctx.props().lints).unwrap_or_default());
            }
            if ctx.props().error != old.error {
                let (line, message) = ctx.props().error.clone().unwrap_or((0, String::new()));
                cm_mark_run_error(view, line, &message);
            }
            if ctx.props().input_names != old.input_names || ctx.props().secret_names != old.secret_names {
                cm_set_context(view, ctx.props().input_names.clone(), ctx.props().secret_names.clone());
            }
        }
        false
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        if let Some(view) = self.view.take() {
            cm_destroy(&view);
        }
    }
}
