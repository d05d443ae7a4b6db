//! Node's surface for the action: one folder per built-in (its JS and, where
//! it needs Rust, its natives), all registered here. Real npm packages are
//! embedded from `crate/js/node_modules` (installed by build.rs) and loaded
//! only when required.

pub mod collation;
pub mod crypto;
pub mod json;
pub mod module;
pub mod url;

/// An embedded module: our shims and the npm packages they stand on.
struct Embedded {
    id: &'static str,
    source: &'static str,
    /// Visible to the action's `require` (HubSpot's libraries, Node built-ins).
    public: bool,
}

macro_rules! ours {
    ($id:literal, $path:literal, $public:expr) => {
        Embedded { id: $id, source: include_str!($path), public: $public }
    };
}
macro_rules! npm {
    ($id:literal, $path:literal, $public:expr) => {
        Embedded { id: $id, source: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/js/node_modules/", $path)), public: $public }
    };
}

static MODULES: &[Embedded] = &[
    ours!("console", "console/console.js", true),
    ours!("console-table", "console/table.js", false),
    ours!("util", "util/util.js", true),
    ours!("process", "process/process.js", true),
    ours!("timers", "timers/timers.js", true),
    ours!("timers-engine", "timers/engine.js", false),
    ours!("timers/promises", "timers/promises.js", true),
    ours!("perf_hooks", "perf_hooks/perf_hooks.js", true),
    ours!("runtime-edition", "runtime_edition.js", false),
    ours!("url", "url/url.js", true),
    ours!("url-whatwg", "url/whatwg.js", false),
    ours!("assert", "assert/assert.js", true),
    ours!("querystring", "url/querystring.js", true),
    ours!("request", "request/request.js", true),
    ours!("crypto", "crypto/crypto.js", true),
    ours!("errors", "errors.js", false),
    ours!("json-errors", "json_errors.js", false),
    ours!("json-parse", "json/parse.js", false),
    ours!("json-stringify", "json/stringify.js", false),
    ours!("property-errors", "property_errors.js", false),
    ours!("function-source", "function_source.js", false),
    ours!("regexp-source", "regexp_source.js", false),
    ours!("date", "date/date.js", false),
    ours!("date-parse", "date/parse.js", false),
    ours!("date-zone-names", "date/zone_names.js", false),
    ours!("intl", "intl/intl.js", false),
    ours!("intl-number", "intl/number.js", false),
    ours!("intl-datetime", "intl/datetime.js", false),
    ours!("intl-locales", "intl/locales.js", false),
    ours!("intl-zone-display", "intl/zone_display.js", false),
    ours!("intl-patterns", "intl/patterns.js", false),
    ours!("intl-collator", "collation/collator.js", false),
    ours!("intl-collation-locales", "collation/available.js", false),
    ours!("fetch", "fetch/fetch.js", false),
    ours!("mock-failure", "mock_failure.js", false),
    ours!("fetch-headers", "fetch/headers.js", false),
    ours!("node-fetch", "fetch/node_fetch.js", false),
    ours!("http-client", "http/http.js", false),
    ours!("https", "http/https.js", true),
    ours!("http", "http/http_module.js", true),
    ours!("axios", "axios/axios.js", true),
    ours!("@hubspot/api-client", "hubspot/client.js", true),
    ours!("hubspot-discovery", "hubspot/discovery.js", false),
    ours!("hubspot-api", "hubspot/api.js", false),
    ours!("hubspot-request", "hubspot/request.js", false),
    ours!("hubspot-response", "hubspot/response.js", false),
    ours!("hubspot-serializer", "hubspot/serializer.js", false),
    ours!("hubspot-decorators", "hubspot/decorators.js", false),
    ours!("hubspot-api-request", "hubspot/api_request.js", false),
    ours!("hubspot-signature", "hubspot/signature.js", false),
    ours!("hubspot-deep-require", "hubspot/deep_require.js", false),
    npm!("axios-dist", "axios/dist/browser/axios.cjs", false),
    npm!("buffer", "buffer/index.js", true),
    npm!("base64-js", "base64-js/index.js", false),
    npm!("ieee754", "ieee754/index.js", false),
    npm!("events", "events/events.js", true),
    npm!("node-inspect-extracted", "node-inspect-extracted/dist/inspect.js", false),
    npm!("path", "path-browserify/index.js", true),
    ours!("lodash", "lodash/lodash.js", true),
    npm!("lodash-dist", "lodash/lodash.min.js", false),
    Embedded { id: "lodash-names", source: include_str!(concat!(env!("OUT_DIR"), "/lodash_names.js")), public: false },
    npm!("async", "async/dist/async.min.js", true),
    npm!("bluebird", "bluebird/js/browser/bluebird.min.js", true),
    npm!("random-number-csprng", "random-number-csprng/lib/index.js", true),
    npm!("create-error", "create-error/create-error.js", false),
];

/// The @hubspot/api-client data, one module per codegen module, generated
/// by tools/hubspot-client-gen.
static HUBSPOT_DATA: &[Embedded] = include!("hubspot/data/modules.rs");

fn find(id: &str) -> Option<&'static Embedded> {
    MODULES.iter().chain(HUBSPOT_DATA).find(|m| m.id == id)
}

/// Load-time hooks into otherwise unmodified npm code: (module, text,
/// replacement). Each is checked by a test, so a package update that moves
/// the text fails loudly instead of silently losing the hook.
const SOURCE_HOOKS: &[(&str, &str, &str)] = &[
    // boa 0.22 loses an outer binding used only as a class method's computed
    // key (`class { [k]() {} }` in a nested function reads `k` as
    // uninitialized); here `_` is Symbol.iterator.
    (
        "node-inspect-extracted",
        "next(){return e(this._iterator)}[_](){return this}",
        "next(){return e(this._iterator)}[Symbol.iterator](){return this}",
    ),
    // The extracted inspect is newer than Node 20, whose util.inspect shows
    // an ArrayBuffer's byteLength and a DataView's byteLength, byteOffset
    // and buffer as plain keys; brackets stay for a typed array's hidden
    // properties (`showHidden`), the only caller that passes `o`.
    (
        "node-inspect-extracted",
        "return t.indentationLvl-=2,`${t.stylize(`[${r}]`,\"string\")}: ${i}`}",
        "return t.indentationLvl-=2,`${o?t.stylize(`[${r}]`,\"string\"):t.stylize(r,\"name\")}: ${i}`}",
    ),
    ("node-inspect-extracted", "return n+`{ [byteLength]: ${ur(t.stylize,e.byteLength,!1)} }`", "return n+`{ byteLength: ${ur(t.stylize,e.byteLength,!1)} }`"),
    // Node 20 shows a symbol key in brackets (`[Symbol(k)]: 1`); a hidden
    // one gets its brackets from the code after, as in Node 20.
    (
        "node-inspect-extracted",
        "const e=jt(On,ae(r),Un);s=t.stylize(e,\"symbol\")}",
        "const e=jt(On,ae(r),Un);s=!1===i.enumerable?t.stylize(e,\"symbol\"):`[${t.stylize(e,\"symbol\")}]`}",
    ),
    // The extracted inspect cannot see a promise's state; the engine can.
    ("node-inspect-extracted", "getPromiseDetails:()=>[g,void 0]", "getPromiseDetails:(p)=>{const d=native.promiseDetails(p);return[d[0]===0?g:d[0]===2?h:1,d[1]]}"),
    // Node's Buffer says how many bytes its inspection left out.
    ("buffer", "  if (this.length > max) str += ' ... '\n", "  if (this.length > max) str += ` ... ${this.length - max} more byte${this.length - max > 1 ? 's' : ''}`\n"),
    // Node's Buffer has had 'base64url' since 15.7; npm's buffer@6 has not.
    // Its base64 decoder already reads '-' and '_'; encoding converts.
    ("buffer", "    case 'binary':\n    case 'base64':\n", "    case 'binary':\n    case 'base64':\n    case 'base64url':\n"),
    ("buffer", "      case 'base64':\n        return base64ToBytes(string).length\n", "      case 'base64':\n      case 'base64url':\n        return base64ToBytes(string).length\n"),
    (
        "buffer",
        "      case 'base64':\n        return base64Slice(this, start, end)\n",
        "      case 'base64':\n        return base64Slice(this, start, end)\n      case 'base64url':\n        return base64Slice(this, start, end).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')\n",
    ),
    ("buffer", "      case 'base64':\n        // Warning: maxLength not taken into account in base64Write\n", "      case 'base64':\n      case 'base64url':\n        // Warning: maxLength not taken into account in base64Write\n"),
];

/// Source of an embedded module.
pub fn source(id: &str) -> Option<std::borrow::Cow<'static, str>> {
    let module = find(id)?;
    let mut text = std::borrow::Cow::Borrowed(module.source);
    for (target, from, to) in SOURCE_HOOKS {
        if *target == id {
            text = std::borrow::Cow::Owned(text.replace(from, to));
        }
    }
    Some(text)
}

/// Whether an internal module of this id exists.
pub fn is_embedded(id: &str) -> bool {
    find(id).is_some()
}

/// Whether the action may `require` this id (`node:` ids only for built-ins).
pub fn is_public(id: &str, node_prefixed: bool) -> bool {
    const PACKAGES: [&str; 7] = ["lodash", "async", "bluebird", "random-number-csprng", "axios", "request", "@hubspot/api-client"];
    match find(id) {
        Some(m) if m.public => !(node_prefixed && PACKAGES.contains(&id)),
        _ => false,
    }
}

/// The file name stack traces show for an embedded module.
pub fn display_name(id: &str) -> String {
    match find(id) {
        Some(m) if m.source.len() > 0 && !is_node_builtin(id) => format!("/var/task/node_modules/{id}/index.js"),
        _ => format!("node:{id}"),
    }
}

fn is_node_builtin(id: &str) -> bool {
    matches!(
        id,
        "console"
            | "util"
            | "process"
            | "timers"
            | "crypto"
            | "buffer"
            | "events"
            | "url"
            | "https"
            | "http"
            | "path"
            | "querystring"
            | "assert"
            | "os"
            | "stream"
            | "string_decoder"
            | "zlib"
            | "fs"
    )
}

/// Every embedded module id (for tests and the benchmark's require costs).
pub fn ids() -> impl Iterator<Item = &'static str> {
    MODULES.iter().chain(HUBSPOT_DATA).map(|m| m.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_modules_are_requireable() {
        assert!(is_public("lodash", false));
        assert!(is_public("crypto", true));
        assert!(!is_public("lodash", true));
        assert!(!is_public("base64-js", false));
        assert!(!is_public("moment", false));
    }

    #[test]
    fn source_hooks_still_apply_to_the_installed_packages() {
        for (id, from, _) in SOURCE_HOOKS {
            assert!(find(id).unwrap().source.contains(from), "{id} changed: revisit the hook");
        }
    }

    #[test]
    fn every_embedded_module_has_source() {
        for id in ids() {
            assert!(!source(id).unwrap().is_empty(), "{id} is empty");
        }
    }
}
