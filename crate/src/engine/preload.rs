//! What to load into a context before its run, so that the run compiles as
//! little as possible: boa parses and compiles a module's source each time a
//! context first needs it, and that is most of a short run's cost (a 10 KB
//! module is 3–7 ms natively, about twice that in the browser).
//!
//! A warm HubSpot container has the libraries an action loaded on its last
//! run; preloading gives the same head start. Nothing of the action runs and
//! loading an internal module ahead is invisible to it: modules are loaded
//! once per context whenever that happens. `engine::modules_loaded_by`
//! measures what a run still compiles; `tests/preload.rs` keeps this table
//! complete for the libraries' common calls.

/// Globals the Node layer loads on first use; worth loading ahead when the code names them.
const LAZY_GLOBALS: [&str; 4] = ["fetch", "Buffer", "crypto", "process"];

/// Internal modules every run needs (how the action is loaded and checked).
pub(super) const ALWAYS: [&str; 2] = ["runtime-edition", "property-errors"];

/// The internal modules a library's first use loads, beyond its `require`:
/// HubSpot's client builds requests and reads answers on the first call,
/// every network path parses URLs, axios times its requests.
const FIRST_USE: [(&str, &[&str]); 6] = [
    ("@hubspot/api-client", &["hubspot-api", "hubspot-serializer", "hubspot-request", "hubspot-response", "url-whatwg", "date-parse"]),
    ("axios", &["perf_hooks"]),
    ("request", &["url-whatwg", "https", "http-client", "buffer", "fetch", "fetch-headers", "mock-failure"]),
    ("https", &["url-whatwg"]),
    ("http", &["url-whatwg"]),
    ("url", &["url-whatwg"]),
];

/// The same for globals, by how the code uses them.
const GLOBAL_FIRST_USE: [(&str, &[&str]); 5] = [
    ("fetch(", &["url-whatwg"]),
    ("new URL", &["url-whatwg"]),
    ("URLSearchParams", &["url-whatwg"]),
    ("console.table", &["console-table"]),
    ("JSON.parse", &["json-errors"]),
];

/// Locale-aware formatting loads Intl and the parts it formats with.
const INTL_USE: [&str; 5] = ["Intl.", "toLocale", "localeCompare", "Intl[", "Intl)"];
const INTL_MODULES: [&str; 7] = ["intl", "intl-locales", "intl-patterns", "intl-number", "intl-datetime", "intl-collator", "intl-collation-locales"];

/// What [`super::prepare_for`] loads ahead for a code. Loading is
/// cumulative and invisible to a run, so a context loaded for several codes
/// serves each of them (the CLI's zygote keeps one for its whole suite).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preloads {
    /// The public modules the code `require`s.
    pub modules: Vec<String>,
    /// The lazy globals it names.
    pub globals: Vec<&'static str>,
    /// Internal modules their first use loads, in load order, once each.
    pub internals: Vec<String>,
}

impl Preloads {
    /// Whether a context that loaded `loaded` has everything this loads.
    pub fn is_within(&self, loaded: &Preloads) -> bool {
        self.modules.iter().all(|m| loaded.modules.contains(m))
            && self.globals.iter().all(|g| loaded.globals.contains(g))
            && self.internals.iter().all(|i| loaded.internals.contains(i))
    }

    /// Adds what `more` loads (once each, in order).
    pub fn absorb(&mut self, more: &Preloads) {
        fn add<T: Clone + PartialEq>(to: &mut Vec<T>, items: &[T]) {
            items.iter().for_each(|item| {
                if !to.contains(item) {
                    to.push(item.clone());
                }
            });
        }
        add(&mut self.modules, &more.modules);
        add(&mut self.globals, &more.globals);
        add(&mut self.internals, &more.internals);
    }
}

/// The [`Preloads`] of `code` (what its comments name does not count).
pub fn preloads(code: &str) -> Preloads {
    let code = &super::comments::without_comments(code);
    let modules: Vec<String> = required_modules(code).into_iter().filter(|id| crate::node::is_public(id, false)).collect();
    let globals: Vec<&'static str> = LAZY_GLOBALS.iter().copied().filter(|name| code.contains(*name)).collect();
    let mut internals: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !internals.iter().any(|known| known == id) {
            internals.push(id.to_string());
        }
    };
    for (module, loads) in FIRST_USE {
        if modules.iter().any(|m| m == module) {
            loads.iter().for_each(|id| add(id));
        }
    }
    for (usage, loads) in GLOBAL_FIRST_USE {
        if code.contains(usage) {
            loads.iter().for_each(|id| add(id));
        }
    }
    // Dates from strings parse with V8's grammar, loaded on the first parse.
    if code.contains("Date.parse") || code.match_indices("new Date(").any(|(at, m)| !code[at + m.len()..].trim_start().starts_with(')')) {
        add("date-parse");
    }
    if INTL_USE.iter().any(|use_| code.contains(use_)) {
        INTL_MODULES.iter().for_each(|id| add(id));
    }
    if modules.iter().any(|m| m == "@hubspot/api-client") {
        hubspot_data_modules(code).iter().for_each(|id| add(id));
    }
    Preloads { modules, globals, internals }
}

/// The module ids `code` names in plain `require('…')` calls, in order, once each.
pub fn required_modules(code: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("require(") {
        rest = &rest[at + "require(".len()..];
        let trimmed = rest.trim_start();
        let Some(quote) = trimmed.chars().next().filter(|c| matches!(c, '\'' | '"' | '`')) else { continue };
        let body = &trimmed[1..];
        if let Some(end) = body.find(quote) {
            let id = &body[..end];
            if !id.is_empty() && !found.iter().any(|f| f == id) {
                found.push(id.to_string());
            }
        }
    }
    found
}

/// The generated client data a code reaches through its discovery paths
/// (`client.crm.contacts.basicApi` loads the crm tree and the contacts
/// codegen module): each tree node the code names as `.name.` or `.name?.`,
/// walked from the areas down, as the client's getters would on first access.
fn hubspot_data_modules(code: &str) -> Vec<String> {
    let named = |name: &str| code.contains(&format!(".{name}.")) || code.contains(&format!(".{name}?."));
    let mut found = Vec::new();
    let Some(tree) = generated_json("hubspot-data/tree") else { return found };
    for area in tree["areas"].as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
        if !named(area) {
            continue;
        }
        let id = format!("hubspot-data/tree/{area}");
        let Some(node) = generated_json(&id) else { continue };
        found.push(id);
        walk_tree(&node, &named, &mut found);
    }
    found
}

fn walk_tree(node: &serde_json::Value, named: &dyn Fn(&str) -> bool, found: &mut Vec<String>) {
    if let Some(module) = node["module"].as_str() {
        found.push(format!("hubspot-data/{module}"));
    }
    for (name, child) in node["children"].as_object().into_iter().flatten() {
        if named(name) {
            walk_tree(child, named, found);
        }
    }
}

/// A generated data module's value (`module.exports = {JSON};`), parsed
/// once per thread (the CLI asks for every scenario of a suite).
fn generated_json(id: &str) -> Option<std::rc::Rc<serde_json::Value>> {
    thread_local! {
        static PARSED: std::cell::RefCell<std::collections::HashMap<String, Option<std::rc::Rc<serde_json::Value>>>> = Default::default();
    }
    PARSED.with(|parsed| {
        parsed
            .borrow_mut()
            .entry(id.to_string())
            .or_insert_with(|| {
                let source = crate::node::source(id)?;
                let start = source.find("module.exports = ")? + "module.exports = ".len();
                serde_json::from_str(source[start..].trim_end().trim_end_matches(';')).ok().map(std::rc::Rc::new)
            })
            .clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_modules_are_found_once_in_order() {
        let code = "const _ = require('lodash');\nconst axios = require( \"axios\" );\nconst again = require('lodash'); require(name);";
        assert_eq!(required_modules(code), ["lodash", "axios"]);
    }

    #[test]
    fn hubspot_paths_name_their_generated_data() {
        let code = "const hubspot = require('@hubspot/api-client'); const c = new hubspot.Client({}); c.crm.associations.v4.basicApi.getPage(); c.crm.contacts?.basicApi;";
        let internals = preloads(code).internals;
        for id in ["hubspot-data/tree/crm", "hubspot-data/crm/associations", "hubspot-data/crm/associations/v4", "hubspot-data/crm/contacts"] {
            assert!(internals.iter().any(|i| i == id), "{id} missing from {internals:?}");
        }
        assert!(!internals.iter().any(|i| i == "hubspot-data/crm/deals"), "deals is not named: {internals:?}");
    }

    #[test]
    fn what_comments_name_is_not_preloaded() {
        let code = "// const _ = require('lodash');\n/* process.env, Buffer */\nexports.main = async () => ({ outputFields: { url: 'https://x' } });";
        assert_eq!(preloads(code), Preloads { modules: vec![], globals: vec![], internals: vec![] });
        assert_eq!(preloads("const _ = require('lodash'); // and process.env").modules, ["lodash"]);
    }

    #[test]
    fn preloads_absorbed_are_within_and_others_are_not() {
        let lodash = preloads("const _ = require('lodash'); JSON.parse(x)");
        let hubspot = preloads("const h = require('@hubspot/api-client'); process.env.X");
        let mut loaded = Preloads::default();
        assert!(Preloads::default().is_within(&loaded));
        assert!(!lodash.is_within(&loaded));
        loaded.absorb(&lodash);
        assert!(lodash.is_within(&loaded) && !hubspot.is_within(&loaded));
        loaded.absorb(&hubspot);
        loaded.absorb(&lodash);
        assert!(lodash.is_within(&loaded) && hubspot.is_within(&loaded));
        assert_eq!(loaded.modules, ["lodash", "@hubspot/api-client"]);
        assert!(loaded.internals.iter().filter(|id| *id == "json-errors").count() == 1);
    }

    #[test]
    fn every_preloaded_internal_module_exists() {
        let code = "require('@hubspot/api-client'); require('axios'); require('request'); require('https'); fetch(x); new URL(y); x.toLocaleString(); a.crm.contacts.b";
        for id in preloads(code).internals {
            assert!(crate::node::is_embedded(&id), "{id} is not an embedded module");
        }
    }
}
