//! Debug aid: evaluate a plain script in a bare boa context (no Node layer)
//! and print its completion value: `cargo run --release --example eval f.js`.

use boa_engine::{Context, Source};

fn main() {
    let path = std::env::args().nth(1).expect("usage: eval FILE.js");
    let src = std::fs::read_to_string(&path).expect("readable file");
    let mut context = Context::default();
    match context.eval(Source::from_bytes(&src)) {
        Ok(v) => println!("{}", v.display()),
        Err(e) => println!("uncaught: {e}"),
    }
}
