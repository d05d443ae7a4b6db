//! Scripts the page evaluates when it needs them rather than before its
//! first render: the editor bundle (CodeMirror; about 0.2 s of evaluation
//! on a 2-core machine, which used to hold the app's start back) and the
//! Markdown renderer. Until the editor loads, the code shows in a plain
//! textarea (web/src/editor.rs); the app asks for it once the engine's
//! first context no longer competes for the machine (web/src/app.rs).

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// CodeMirror: `window.PlaygroundEditor` (web/editor/editor.js).
pub const EDITOR: &str = "editor.js";
/// marked and DOMPurify: `window.PlaygroundMarkdown` (web/editor/markdown.js).
pub const MARKDOWN: &str = "editor-markdown.js";

enum State {
    /// Requested or awaited; what to call once it has run.
    Waiting {
        requested: bool,
        then: Vec<Box<dyn FnOnce()>>,
    },
    Loaded,
    /// It could not load: whoever waits keeps its fallback.
    Failed,
}

thread_local! {
    static SCRIPTS: RefCell<HashMap<&'static str, State>> = RefCell::new(HashMap::new());
}

/// Whether `src` has run.
pub fn is_loaded(src: &'static str) -> bool {
    SCRIPTS.with(|scripts| matches!(scripts.borrow().get(src), Some(State::Loaded)))
}

/// Whether `src` was asked for (it may have loaded, failed, or be on its way).
fn is_requested(src: &'static str) -> bool {
    SCRIPTS.with(|scripts| !matches!(scripts.borrow().get(src), None | Some(State::Waiting { requested: false, .. })))
}

/// Calls `then` once `src` has run (now, if it has), without asking for it.
pub fn when_loaded(src: &'static str, then: impl FnOnce() + 'static) {
    let now = SCRIPTS.with(|scripts| {
        let mut scripts = scripts.borrow_mut();
        match scripts.entry(src).or_insert_with(|| State::Waiting { requested: false, then: Vec::new() }) {
            State::Waiting { then: waiting, .. } => {
                waiting.push(Box::new(then));
                None
            }
            State::Loaded => Some(then),
            State::Failed => None,
        }
    });
    if let Some(then) = now {
        then();
    }
}

/// Loads `src` unless it is loaded or on its way.
pub fn load(src: &'static str) {
    let start = SCRIPTS.with(|scripts| {
        let mut scripts = scripts.borrow_mut();
        match scripts.entry(src).or_insert_with(|| State::Waiting { requested: false, then: Vec::new() }) {
            State::Waiting { requested, .. } if !*requested => {
                *requested = true;
                true
            }
            _ => false,
        }
    });
    if start && insert_script(src).is_none() {
        settle(src, State::Failed);
    }
}

/// Loads `src` once the browser has painted the current frame: a script
/// inserted now could run before the frame's paint and hold it back.
pub fn load_after_paint(src: &'static str) {
    if is_requested(src) {
        return;
    }
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, move || load(src)).forget());
    if gloo::utils::window().request_animation_frame(after_frame.unchecked_ref()).is_err() {
        load(src);
    }
}

fn insert_script(src: &'static str) -> Option<()> {
    let document = gloo::utils::document();
    let script: web_sys::HtmlScriptElement = document.create_element("script").ok()?.dyn_into().ok()?;
    script.set_src(src);
    gloo::events::EventListener::once(&script, "load", move |_| settle(src, State::Loaded)).forget();
    gloo::events::EventListener::once(&script, "error", move |_| settle(src, State::Failed)).forget();
    document.head()?.append_child(&script).ok()?;
    Some(())
}

fn settle(src: &'static str, outcome: State) {
    let loaded = matches!(outcome, State::Loaded);
    let waiting = SCRIPTS.with(|scripts| match scripts.borrow_mut().insert(src, outcome) {
        Some(State::Waiting { then, .. }) => then,
        _ => Vec::new(),
    });
    if loaded {
        for then in waiting {
            then();
        }
    }
}
