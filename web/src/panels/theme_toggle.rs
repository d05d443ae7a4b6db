//! Light / dark: the page follows the system setting until this toggle
//! picks one (web/editor/theme.js keeps the choice and themes the editor).

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = toggleTheme)]
    fn toggle_theme() -> String;
    #[wasm_bindgen(js_namespace = PlaygroundEditor, js_name = currentTheme)]
    fn current_theme() -> String;
}

#[function_component]
pub fn ThemeToggle() -> Html {
    let dark = use_state(|| current_theme() == "dark");
    let on_click = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| dark.set(toggle_theme() == "dark"))
    };
    html! {
        <button id="theme-toggle" class="icon theme-toggle" aria-pressed={if *dark { "true" } else { "false" }} onclick={on_click}
                aria-label="Dark mode" title="Dark mode (follows the system until chosen here)">{ if *dark { "☾" } else { "☀" } }</button>
    }
}
