//! The action reaches nothing but what Node gives it: the engine's bridge
//! (`native`) and the internal `require` stay out of reach whatever built-in
//! the action overrides before a module loads lazily.

mod common;

/// Overrides every built-in the loader could call through, then loads every
/// module and global lazily, logging how many captured values look like
/// the bridge (its `compile`/`source` natives) or the internal require.
const PROBE: &str = r#"
const captured = [];
const keep = (values) => { for (const v of values) if (v && (typeof v === 'object' || typeof v === 'function')) captured.push(v); };
const { call, apply, bind } = Function.prototype;
const reflectApply = Reflect.apply;
Function.prototype.call = function (thisArg, ...args) { keep([thisArg, ...args]); return reflectApply(call, this, [thisArg, ...args]); };
Function.prototype.apply = function (thisArg, args) { keep([thisArg, ...(args || [])]); return reflectApply(apply, this, [thisArg, args]); };
Function.prototype.bind = function (...args) { keep(args); return reflectApply(bind, this, args); };
Reflect.apply = function (target, thisArg, args) { keep([target, thisArg, ...(args || [])]); return reflectApply(target, thisArg, args); };
Object.defineProperty(Object.prototype, 'exports', { set(v) { keep([v]); Object.defineProperty(this, 'exports', { value: v, writable: true, enumerable: true, configurable: true }); }, configurable: true });
const modules = ['lodash', 'axios', 'async', 'bluebird', 'request', '@hubspot/api-client', 'random-number-csprng', 'https', 'http', 'crypto', 'url', 'util', 'buffer', 'events', 'path', 'querystring', 'assert', 'timers/promises', 'perf_hooks'];
for (const m of modules) { try { require(m); } catch (e) { console.log('require failed', m, e.message); } }
for (const g of ['fetch', 'Buffer', 'URL', 'URLSearchParams', 'Intl', 'performance', 'crypto']) void globalThis[g];
(1234.5).toLocaleString('de-DE'); new Date(0).toLocaleDateString('en-US'); 'a'.localeCompare('b'); JSON.parse('{"a":1}');
const looksLikeBridge = (v) => { try { return typeof v.compile === 'function' || typeof v.source === 'function' || typeof v.jsonParse === 'function' || (typeof v === 'function' && v.name === 'internalRequire'); } catch (e) { return false; } };
console.log('bridges captured:', captured.filter(looksLikeBridge).length, 'of', captured.length, 'values seen');
"#;

#[test]
fn overridden_builtins_never_see_the_bridge() {
    let logs = common::run_logging(PROBE).expect("the probe runs");
    let last = logs.last().expect("a summary line");
    assert!(last.starts_with("bridges captured: 0 of "), "{logs:?}");
    // The overrides did see the loader's ordinary calls: the probe is live.
    let seen: usize = last.split_whitespace().nth(4).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(seen > 0, "{logs:?}");
}
