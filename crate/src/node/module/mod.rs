//! The bridge between the JS runtime layer and the engine: the `native`
//! object every embedded module receives, and the bootstrap that builds
//! `require`, the globals and the action harness on it.

use crate::run_state::RunState;
use boa_engine::object::builtins::{JsArrayBuffer, JsFunction, JsUint8Array};
use boa_engine::object::ObjectInitializer;
use boa_engine::{js_string, Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, Script, Source};
use std::rc::Rc;

pub mod rewrite;

const BOOTSTRAP: &str = include_str!("bootstrap.js");
/// Where the action lives in HubSpot's Lambda (bootstrap.js's `ACTION_FILE`).
const ACTION_FILE: &str = "/var/task/index.js";

/// The harness functions the bootstrap returns.
pub struct Harness {
    pub run_action: JsFunction,
    pub fail: JsFunction,
    pub outputs_json: JsFunction,
    /// The action's `require` (benchmarks measure first loads through it).
    pub require: JsFunction,
    /// The internal `require` of the Node layer's own modules (preloading).
    pub load_internal: JsFunction,
}

fn arg_string(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<String> {
    Ok(args.get(i).cloned().unwrap_or_default().to_string(context)?.to_std_string_escaped())
}

/// Bytes of a Uint8Array (or Buffer) argument.
pub fn bytes_of(value: &JsValue, context: &mut Context) -> JsResult<Vec<u8>> {
    let object = value.as_object().ok_or_else(|| JsNativeError::typ().with_message("expected bytes"))?;
    let array = JsUint8Array::from_object(object.clone())?;
    let offset = array.byte_offset(context)?;
    let length = array.byte_length(context)?;
    let buffer = array.buffer(context)?;
    let buffer = JsArrayBuffer::from_object(buffer.as_object().expect("a typed array has a buffer").clone())?;
    let data = buffer.data().ok_or_else(|| JsNativeError::typ().with_message("detached buffer"))?;
    Ok(data[offset..offset + length].to_vec())
}

fn new_bytes(bytes: Vec<u8>, context: &mut Context) -> JsResult<JsValue> {
    Ok(JsUint8Array::from_iter(bytes, context)?.into())
}

/// Compiles `source` as a CommonJS module body. Embedded modules also get
/// `native` and `global`; the action (`instrumented`) gets Node's five
/// parameters and the hooks of `rewrite/`.
fn compile(source: &str, file: &str, instrumented: Option<&rewrite::Instrumented>, context: &mut Context) -> JsResult<JsValue> {
    let wrapped = match instrumented {
        Some(action) if action.code == source => action.text.clone(),
        Some(_) => rewrite::instrument(source).text,
        None => format!("(function (exports, require, module, __filename, __dirname, native, global) {{ {source}\n}})"),
    };
    parse(&wrapped, file, context)?.evaluate(context)
}

fn parse(text: &str, file: &str, context: &mut Context) -> JsResult<Script> {
    let path = std::path::PathBuf::from(file);
    Script::parse(Source::from_bytes(text.as_bytes()).with_path(&path), None, context)
}

/// The action's instrumented `text` parsed and compiled as [`compile`] would
/// (None on a syntax error, which the run then meets and reports itself).
pub fn parse_action(text: &str, context: &mut Context) -> Option<Script> {
    let script = parse(text, ACTION_FILE, context).ok()?;
    script.codeblock(context).ok()?;
    Some(script)
}

fn native_object(state: Rc<RunState>, context: &mut Context) -> JsObject {
    let mut init = ObjectInitializer::new(context);
    macro_rules! func {
        ($name:literal, $len:expr, |$args:ident, $ctx:ident, $st:ident| $body:block) => {{
            let $st = state.clone();
            // SAFETY: the closure captures only an Rc of Rust state, no GC'd values.
            let f = unsafe {
                NativeFunction::from_closure(move |_this, $args, $ctx| {
                    let $st = &$st;
                    $body
                })
            };
            init.function(f, js_string!($name), $len);
        }};
    }
    func!("log", 2, |args, ctx, st| {
        let level = arg_string(args, 0, ctx)?;
        let message = arg_string(args, 1, ctx)?;
        st.log(&level, message);
        Ok(JsValue::undefined())
    });
    func!("source", 1, |args, ctx, _st| {
        let id = arg_string(args, 0, ctx)?;
        Ok(crate::node::source(&id).map(|s| JsValue::from(JsString::from(s.as_ref()))).unwrap_or_default())
    });
    func!("displayName", 1, |args, ctx, _st| {
        let id = arg_string(args, 0, ctx)?;
        Ok(JsString::from(crate::node::display_name(&id)).into())
    });
    func!("isPublic", 2, |args, ctx, _st| {
        let id = arg_string(args, 0, ctx)?;
        Ok(crate::node::is_public(&id, args.get(1).is_some_and(JsValue::to_boolean)).into())
    });
    func!("isEmbedded", 1, |args, ctx, _st| {
        let id = arg_string(args, 0, ctx)?;
        Ok(crate::node::is_embedded(&id).into())
    });
    func!("compile", 2, |args, ctx, st| {
        let source = arg_string(args, 0, ctx)?;
        let file = arg_string(args, 1, ctx)?;
        let is_action = file == ACTION_FILE;
        if st.configured.get() && !is_action {
            st.loaded_in_run.borrow_mut().push(file.clone());
        }
        let action = st.action_source.borrow();
        if is_action && action.code == source {
            // Taken, not kept: a Script held by the run's state (outside the
            // garbage collector's view) would keep the whole context alive.
            if let Some(script) = st.compiled_action.borrow_mut().take() {
                return script.evaluate(ctx);
            }
        }
        compile(&source, &file, is_action.then_some(&*action), ctx)
    });
    // The action as written, in Node's wrapper (no hooks): error wording reads it.
    func!("actionSource", 0, |_args, _ctx, st| { Ok(JsString::from(st.action_source.borrow().original.as_str()).into()) });
    // The column as written of an engine position (line, column) in the action.
    func!("actionColumn", 2, |args, ctx, st| {
        let line = args.first().cloned().unwrap_or_default().to_u32(ctx)? as usize;
        let column = args.get(1).cloned().unwrap_or_default().to_u32(ctx)? as usize;
        Ok(JsValue::from(st.action_source.borrow().original_column(line, column) as u32))
    });
    // V8's name for the callee of the call at (line, column as written); undefined when none is there.
    func!("calleeAt", 2, |args, ctx, st| {
        let line = args.first().cloned().unwrap_or_default().to_u32(ctx)? as usize;
        let column = args.get(1).cloned().unwrap_or_default().to_u32(ctx)? as usize;
        Ok(st.action_source.borrow().callee_at(line, column).map(|s| JsValue::from(JsString::from(s))).unwrap_or_default())
    });
    // A function's source as written, from its compiled text; undefined when it is not the action's.
    func!("originalSource", 1, |args, ctx, st| {
        let compiled = arg_string(args, 0, ctx)?;
        Ok(st.action_source.borrow().original_source(&compiled).map(|s| JsValue::from(JsString::from(s))).unwrap_or_default())
    });
    func!("secrets", 0, |_args, ctx, st| {
        let env = JsObject::with_object_proto(ctx.intrinsics());
        for (k, v) in st.secrets.borrow().iter() {
            env.set(JsString::from(k.as_str()), JsString::from(v.as_str()), false, ctx)?;
        }
        Ok(env.into())
    });
    func!("timeZone", 0, |_args, _ctx, st| { Ok(JsString::from(st.time_zone.borrow().as_str()).into()) });
    // [offset minutes, abbreviation, offset seconds] of a named zone at an instant; null for an unknown zone.
    func!("zoneAt", 2, |args, ctx, _st| {
        let name = arg_string(args, 0, ctx)?;
        let ms = args.get(1).cloned().unwrap_or_default().to_number(ctx)?;
        let Some(zone) = crate::time::TimeZone::named(&name) else { return Ok(JsValue::null()) };
        let seconds = zone.offset_seconds((ms / 1000.0).floor() as i64);
        let abbreviation = JsString::from(zone.abbreviation(ms as i64).as_str());
        // (Exact seconds too: local mean times before 1900 are not whole minutes.)
        Ok(boa_engine::object::builtins::JsArray::from_iter([JsValue::from(seconds / 60), abbreviation.into(), JsValue::from(seconds)], ctx).into())
    });
    // Every function of the action starts with this (`rewrite/`): past the
    // depth Node's stack allows, a catchable RangeError, before boa's own
    // limit ends the run with an error nothing can catch. (The frames'
    // iterator knows its length: O(1), where counting them was O(depth).)
    func!("checkDepth", 0, |_args, ctx, _st| {
        if ctx.stack_trace().size_hint().0 > crate::run_state::CATCHABLE_DEPTH {
            return Err(JsNativeError::range().with_message("Maximum call stack size exceeded").into());
        }
        Ok(JsValue::undefined())
    });
    // JSON.parse's value, or undefined when the text is not JSON (errors.js words the error).
    func!("jsonParse", 1, |args, ctx, _st| {
        let text = args.first().cloned().unwrap_or_default().to_string(ctx)?;
        Ok(crate::node::json::parse(&text, ctx)?.unwrap_or_default())
    });
    func!("configured", 0, |_args, _ctx, st| { Ok(JsValue::from(st.configured.get())) });
    func!("hrtimeNs", 0, |_args, _ctx, st| { Ok(JsValue::from(st.hrtime_ns() as f64)) });
    func!("memoryUsed", 0, |_args, _ctx, st| { Ok(JsValue::from(st.memory_used() as f64)) });
    func!("exit", 1, |args, ctx, st| {
        let code = args.first().cloned().unwrap_or_default().to_i32(ctx)?;
        st.exit_code.set(Some(code));
        Err(JsError::from_opaque(js_string!("process.exit").into()))
    });
    func!("digest", 3, |args, ctx, _st| {
        let algorithm = arg_string(args, 0, ctx)?;
        let data = bytes_of(args.get(1).unwrap_or(&JsValue::undefined()), ctx)?;
        let key = match args.get(2) {
            Some(k) if !k.is_undefined() => Some(bytes_of(k, ctx)?),
            _ => None,
        };
        let out =
            crate::node::crypto::digest(&algorithm, &data, key.as_deref()).ok_or_else(|| JsNativeError::error().with_message("Digest method not supported"))?;
        new_bytes(out, ctx)
    });
    func!("randomFill", 1, |args, ctx, _st| {
        let view = args.first().and_then(JsValue::as_object).ok_or_else(|| JsNativeError::typ().with_message("expected a typed array"))?;
        let array = boa_engine::object::builtins::JsTypedArray::from_object(view.clone())?;
        let len = array.byte_length(ctx)?;
        let offset = array.byte_offset(ctx)?;
        let buffer = JsArrayBuffer::from_object(array.buffer(ctx)?.as_object().expect("buffer").clone())?;
        let mut data = buffer.data_mut().ok_or_else(|| JsNativeError::typ().with_message("detached buffer"))?;
        getrandom::fill(&mut data[offset..offset + len]).map_err(|e| JsNativeError::error().with_message(e.to_string()))?;
        Ok(JsValue::undefined())
    });
    func!("fail", 3, |args, ctx, st| {
        let name = arg_string(args, 0, ctx)?;
        let message = arg_string(args, 1, ctx)?;
        let status = args.get(2).map(|v| v.to_number(ctx)).transpose()?.unwrap_or(0.0);
        if st.error.borrow().is_none() && (status == 429.0 || (500.0..600.0).contains(&status)) {
            st.retry_status.set(Some(status as u16));
        }
        st.record_error(name, message);
        Ok(JsValue::undefined())
    });
    func!("noteTimer", 2, |args, ctx, st| {
        let delay_ms = args.first().map(|v| v.to_number(ctx)).transpose()?.unwrap_or(1.0).max(0.0) as u64;
        let repeat = args.get(1).is_some_and(JsValue::to_boolean);
        if st.configured.get() {
            st.note(crate::timeline::Happening::Timer { delay_ms, repeat });
        }
        Ok(JsValue::undefined())
    });
    func!("promiseDetails", 1, |args, _ctx, _st| {
        // [state, result] with Node's constants: 0 pending, 1 fulfilled, 2 rejected.
        use boa_engine::builtins::promise::PromiseState;
        let promise = args.first().and_then(JsValue::as_object).and_then(|o| boa_engine::object::builtins::JsPromise::from_object(o.clone()).ok());
        let (state, result) = match promise.map(|p| p.state()) {
            Some(PromiseState::Fulfilled(v)) => (1, v),
            Some(PromiseState::Rejected(v)) => (2, v),
            _ => (0, JsValue::undefined()),
        };
        Ok(boa_engine::object::builtins::JsArray::from_iter([JsValue::from(state), result], _ctx).into())
    });
    func!("httpRequest", 4, |args, ctx, st| {
        let method = arg_string(args, 0, ctx)?;
        let url = crate::node::url::normalize_request_url(&arg_string(args, 1, ctx)?);
        let body = match args.get(2) {
            Some(b) if !b.is_null_or_undefined() => Some(b.to_string(ctx)?.to_std_string_escaped()),
            _ => None,
        };
        let headers = match args.get(3) {
            Some(h) if h.is_string() => serde_json::from_str(&h.to_string(ctx)?.to_std_string_escaped()).unwrap_or_default(),
            _ => serde_json::Map::new(),
        };
        let (answer, record) = st.network.borrow().answer(&method, &url, body, headers, st.clock.now_ms());
        let strict_failure = record.unmatched && st.network.borrow().is_strict();
        st.record_request(record);
        if strict_failure {
            // settings.strictMocks: the run fails, whatever the code does with the request's error.
            st.record_error("Error".into(), format!("strictMocks: no mock rule matched {method} {url}", method = method.to_ascii_uppercase()));
        }
        let out = JsObject::with_object_proto(ctx.intrinsics());
        match answer {
            crate::net::Answer::Response { status, headers, body, delay_ms } => {
                out.set(js_string!("status"), status, false, ctx)?;
                let list: Vec<JsValue> = headers
                    .into_iter()
                    .map(|(k, v)| {
                        boa_engine::object::builtins::JsArray::from_iter([JsString::from(k.as_str()).into(), JsString::from(v.as_str()).into()], ctx).into()
                    })
                    .collect();
                out.set(js_string!("headers"), boa_engine::object::builtins::JsArray::from_iter(list, ctx), false, ctx)?;
                out.set(js_string!("body"), JsString::from(body.as_str()), false, ctx)?;
                out.set(js_string!("delayMs"), delay_ms as f64, false, ctx)?;
            }
            crate::net::Answer::Failure { kind, message, delay_ms } => {
                out.set(js_string!("error"), JsString::from(kind), false, ctx)?;
                out.set(js_string!("message"), JsString::from(message.as_str()), false, ctx)?;
                out.set(js_string!("delayMs"), delay_ms as f64, false, ctx)?;
            }
        }
        Ok(out.into())
    });
    crate::node::url::natives::register(&mut init);
    crate::node::collation::natives::register(&mut init);
    func!("deliver", 0, |_args, _ctx, st| {
        st.delivered.set(true);
        Ok(JsValue::undefined())
    });
    init.build()
}

/// Builds the runtime layer in a fresh context and returns the harness.
pub fn bootstrap(state: Rc<RunState>, context: &mut Context) -> JsResult<Harness> {
    let native = native_object(state, context);
    let factory = context.eval(Source::from_bytes(BOOTSTRAP).with_path(std::path::Path::new("node:internal/bootstrap")))?;
    let factory = factory.as_callable().ok_or_else(|| JsNativeError::typ().with_message("bootstrap is not a function"))?.clone();
    let global = context.global_object();
    let api = factory.call(&JsValue::undefined(), &[native.into(), global.clone().into()], context)?;
    let api = api.as_object().expect("bootstrap returns its API").clone();
    let get_fn = |name: &str, context: &mut Context| -> JsResult<JsFunction> {
        let v = api.get(JsString::from(name), context)?;
        JsFunction::from_object(v.as_object().expect("harness function").clone()).ok_or_else(|| JsNativeError::typ().with_message("not callable").into())
    };
    let harness = Harness {
        run_action: get_fn("runAction", context)?,
        fail: get_fn("fail", context)?,
        outputs_json: get_fn("outputsJson", context)?,
        require: get_fn("require", context)?,
        load_internal: get_fn("loadInternal", context)?,
    };
    Ok(harness)
}
