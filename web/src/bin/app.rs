//! The playground page (built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<playground_web::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground only runs in the browser: ./scripts/serve");
}
