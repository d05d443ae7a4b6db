//! The engine-level globals from boa_runtime that Node also has (timers,
//! queueMicrotask, TextEncoder/Decoder, structuredClone, atob/btoa,
//! AbortController); URL is the Node layer's (node/url/whatwg.js); the Node layer (src/node) builds the rest on top.

use boa_engine::{Context, JsResult};

pub fn register(context: &mut Context) -> JsResult<()> {
    boa_runtime::register(boa_runtime::extensions::MicrotaskExtension, None, context)
}
