//! The code editor: CodeMirror 6 (bundled from npm by `web/editor/build.mjs`)
//! behind `window.PlaygroundEditor`. Yew owns the text; the editor reports
//! each change and Ctrl/Cmd+Enter.

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
    view: Option<JsValue>,
    _handlers: Option<(Closure<dyn Fn(String)>, Closure<dyn Fn()>)>,
}

impl Component for CodeEditor {
    type Message = ();
    type Properties = CodeEditorProps;

    fn create(_ctx: &Context<Self>) -> Self {
        CodeEditor { host: NodeRef::default(), view: None, _handlers: None }
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        html! { <div class="code-editor" id="code-editor" ref={self.host.clone()} /> }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if !first_render {
            return;
        }
        let Some(host) = self.host.cast::<HtmlElement>() else { return };
        let on_change = ctx.props().on_change.clone();
        let on_run = ctx.props().on_run.clone();
        let change = Closure::<dyn Fn(String)>::new(move |doc: String| on_change.emit(doc));
        let run = Closure::<dyn Fn()>::new(move || on_run.emit(()));
        let view = cm_mount(&host, &ctx.props().code, change.as_ref(), run.as_ref(), ctx.props().read_only);
        cm_set_context(&view, ctx.props().input_names.clone(), ctx.props().secret_names.clone());
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
