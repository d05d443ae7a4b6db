//! Light / dark: the page follows the system setting until this toggle
//! picks one (static/boot.js keeps the choice, applies it before the first
//! paint, and announces changes, which the editor follows).

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = PlaygroundTheme, js_name = toggle)]
    fn toggle_theme() -> String;
    #[wasm_bindgen(js_namespace = PlaygroundTheme, js_name = current)]
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
