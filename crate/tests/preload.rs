//! Preloading (`engine::preloads`) against what runs really compile: after
//! `prepare_for(code)`, a run of the libraries' common calls and of every
//! browser sample compiles no module of the Node layer (each one would be
//! milliseconds of parsing before the first result), and gives the result a
//! run from a fresh context gives.

use action_playground::engine::{modules_loaded_by, preloads, prepare, prepare_for, prepare_lean, run_prepared, Preloads};
use action_playground::{parse_scenario, run, RunOptions, Scenario};
use std::path::Path;

/// Common first calls of each library and global an action uses.
const USES: [(&str, &str); 20] = [
    ("axios get", "const axios = require('axios'); exports.main = async () => { const r = await axios.get('https://example.com/a'); console.log(r.data); return { outputFields: {} }; };"),
    ("axios post", "const axios = require('axios'); exports.main = async () => { const r = await axios.post('https://example.com/a', { x: 1 }, { headers: { Authorization: 'Bearer x' } }); console.log(r.status); return { outputFields: {} }; };"),
    ("axios error", "const axios = require('axios'); exports.main = async () => { try { await axios.get('https://unmocked.example.org/a'); } catch (e) { console.log(e.message); } return { outputFields: {} }; };"),
    ("fetch", "exports.main = async () => { const r = await fetch('https://example.com/a'); console.log(await r.json()); return { outputFields: {} }; };"),
    ("lodash", "const _ = require('lodash'); exports.main = async () => { console.log(_.get({ a: { b: 1 } }, 'a.b'), _.chunk([1, 2, 3], 2)); return { outputFields: {} }; };"),
    ("crypto", "const crypto = require('crypto'); exports.main = async () => { console.log(crypto.createHash('sha256').update('x').digest('hex'), crypto.randomUUID().length); return { outputFields: {} }; };"),
    ("Buffer", "exports.main = async () => { console.log(Buffer.from('abc').toString('base64')); return { outputFields: {} }; };"),
    ("request", "const request = require('request'); exports.main = async () => { await new Promise((done) => request('https://example.com/a', (e, res, body) => { console.log(body); done(); })); return { outputFields: {} }; };"),
    ("https", "const https = require('https'); exports.main = async () => { await new Promise((done) => https.get('https://example.com/a', (res) => { let d = ''; res.on('data', (c) => { d += c; }); res.on('end', () => { console.log(d); done(); }); })); return { outputFields: {} }; };"),
    ("bluebird", "const Promise = require('bluebird'); exports.main = async () => { console.log(await Promise.map([1, 2], async (v) => v * 2)); return { outputFields: {} }; };"),
    ("async", "const async = require('async'); exports.main = async () => { console.log(await async.mapLimit([1, 2], 1, async (v) => v * 2)); return { outputFields: {} }; };"),
    ("Intl", "exports.main = async () => { console.log(new Date().toLocaleDateString('en-US'), new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(3), 'a'.localeCompare('b')); return { outputFields: {} }; };"),
    ("date strings", "exports.main = async (event) => { console.log(new Date('2026-06-30').getTime(), Date.parse('March 7, 2026')); return { outputFields: {} }; };"),
    ("process.env", "exports.main = async () => { console.log(Object.keys(process.env)); return { outputFields: {} }; };"),
    ("URL", "exports.main = async () => { const u = new URL('https://a.example/x?y=1'); console.log(u.searchParams.get('y')); return { outputFields: {} }; };"),
    ("a thrown TypeError", "exports.main = async () => { const a = undefined; return a.b; };"),
    ("timers", "exports.main = async () => { await new Promise((r) => setTimeout(r, 100)); console.log('done'); return { outputFields: {} }; };"),
    ("HubSpot search", "const hubspot = require('@hubspot/api-client'); exports.main = async () => { const c = new hubspot.Client({ accessToken: 'x' }); const r = await c.crm.contacts.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'ada@example.com' }] }] }); console.log(r.total); return { outputFields: {} }; };"),
    ("HubSpot 404", "const hubspot = require('@hubspot/api-client'); exports.main = async () => { const c = new hubspot.Client({ accessToken: 'x' }); try { await c.crm.deals.basicApi.getById('999'); } catch (e) { console.log(e.code); } return { outputFields: {} }; };"),
    ("HubSpot associations v4", "const hubspot = require('@hubspot/api-client'); exports.main = async () => { const c = new hubspot.Client({ accessToken: 'x' }); const r = await c.crm.associations.v4.basicApi.getPage('contacts', '4', 'companies'); console.log(r.results.length); return { outputFields: {} }; };"),
];

fn scenario_with(code: &str) -> Scenario {
    let file = serde_json::json!({
        "version": 1, "runtime": "nodejs24", "code": code,
        "event": { "object": { "objectType": "CONTACT", "objectId": 4 }, "inputFields": {} },
        "settings": { "now": "2026-03-02T14:30:00Z", "timezone": "UTC" },
        "http": [{ "method": "*", "url": "https://example.com/**", "status": 200, "json": { "ok": true } }],
        "crm": { "objects": { "contacts": [{ "id": "4", "properties": { "email": "ada@example.com" } }] } }
    });
    parse_scenario(&file.to_string()).unwrap()
}

fn samples() -> Vec<(String, Scenario)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/samples");
    let mut found: Vec<(String, Scenario)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| (path.file_stem().unwrap().to_string_lossy().to_string(), parse_scenario(&std::fs::read_to_string(&path).unwrap()).unwrap()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn on_a_big_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 30).spawn(work).unwrap().join().unwrap()
}

#[test]
fn after_preloading_runs_compile_nothing_of_the_node_layer() {
    let mut cases: Vec<(String, Scenario)> = USES.iter().map(|(name, code)| (name.to_string(), scenario_with(code))).collect();
    cases.extend(samples());
    assert!(cases.len() >= 30, "the browser samples are missing");
    let late = on_a_big_stack(move || {
        cases
            .iter()
            .filter_map(|(name, scenario)| {
                let loaded = modules_loaded_by(scenario).unwrap();
                (!loaded.is_empty()).then(|| format!("{name}: {}", loaded.join(", ")))
            })
            .collect::<Vec<_>>()
    });
    assert!(late.is_empty(), "modules still compiled during the run (add them to engine/preload.rs):\n{}", late.join("\n"));
}

#[test]
fn a_preloaded_run_gives_the_fresh_runs_result() {
    let differ = on_a_big_stack(|| {
        USES.iter()
            .filter_map(|(name, code)| {
                let scenario = scenario_with(code);
                let fresh = run(&scenario, &RunOptions::default()).to_json();
                let preloaded = run_prepared(prepare_for(code).unwrap(), &scenario, &RunOptions::default()).to_json();
                let keys = ["status", "outputFields", "error", "logs", "requests"];
                keys.iter().any(|k| fresh[k] != preloaded[k]).then(|| format!("{name}: fresh {fresh} preloaded {preloaded}"))
            })
            .collect::<Vec<_>>()
    });
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn a_context_loaded_for_every_use_gives_each_the_fresh_runs_result() {
    // The CLI's zygote keeps one context for a whole suite and adds what
    // each code uses: a run must not see what was loaded for the others.
    let differ = on_a_big_stack(|| {
        let mut everything = Preloads::default();
        USES.iter().for_each(|(_, code)| everything.absorb(&preloads(code)));
        USES.iter()
            .filter_map(|(name, code)| {
                assert!(preloads(code).is_within(&everything));
                let scenario = scenario_with(code);
                let fresh = run(&scenario, &RunOptions::default()).to_json();
                let mut shared = prepare().unwrap();
                shared.load(&everything);
                shared.compile_action(code);
                let shared = run_prepared(shared, &scenario, &RunOptions::default()).to_json();
                let keys = ["status", "outputFields", "error", "logs", "requests"];
                keys.iter().any(|k| fresh[k] != shared[k]).then(|| format!("{name}: fresh {fresh} in the shared context {shared}"))
            })
            .collect::<Vec<_>>()
    });
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn the_probe_sees_a_late_module() {
    // What the test above relies on: a module the preloads do not foresee
    // (Intl reached through a computed name) is reported.
    let scenario = scenario_with("exports.main = async () => { const name = 'Int' + 'l'; console.log(new globalThis[name].NumberFormat('de-DE').format(1234.5)); return { outputFields: {} }; };");
    let loaded = on_a_big_stack(move || modules_loaded_by(&scenario).unwrap());
    assert!(loaded.iter().any(|m| m.contains("intl")), "{loaded:?}");
}

#[test]
fn compiling_ahead_changes_nothing_a_run_shows() {
    // `prepare_for` also compiles the action: a syntax error, an error's
    // stack (positions in the compiled wrapper) and a context compiled for
    // other code must all read as they do from a fresh context.
    const THROWS: &str = "exports.main = async () => {\n  const x = 1;\n  throw new Error('line three ' + x);\n};";
    const BROKEN: &str = "exports.main = async () => { return { outputFields: { a: 1 } ;\n};";
    const OTHER: &str = "exports.main = async () => ({ outputFields: { ran: 'other' } });";
    let differ = on_a_big_stack(|| {
        [(THROWS, THROWS), (BROKEN, BROKEN), (OTHER, THROWS), (THROWS, OTHER)]
            .iter()
            .filter_map(|(compiled, ran)| {
                let scenario = scenario_with(ran);
                let fresh = run(&scenario, &RunOptions::default()).to_json();
                let ahead = run_prepared(prepare_for(compiled).unwrap(), &scenario, &RunOptions::default()).to_json();
                let keys = ["status", "outputFields", "error", "logs"];
                keys.iter().any(|k| fresh[k] != ahead[k]).then(|| format!("compiled {compiled:?}, ran {ran:?}: fresh {fresh} ahead {ahead}"))
            })
            .collect::<Vec<_>>()
    });
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn a_lean_context_runs_as_a_prepared_one() {
    // The browser's first context has no util.inspect until a run needs it
    // (`prepare_lean`); strings are formatted without it. Every common use,
    // every sample and format strings with and without '%' read the same.
    const FORMATS: &str = "exports.main = async () => { console.log('100%'); console.log('a', 'b c', ''); console.log('%s is %d%%', 'x', '42'); console.log('50%', 'off'); console.log('x', '%s'); console.log(); console.log('', 1, 'y'); console.log({ a: [1, { b: 2 }] }, new Map([[1, 'one']])); return { outputFields: {} }; };";
    let differ = on_a_big_stack(|| {
        let mut cases: Vec<(String, Scenario)> = USES.iter().map(|(name, code)| (name.to_string(), scenario_with(code))).collect();
        cases.push(("format strings".into(), scenario_with(FORMATS)));
        cases.extend(samples());
        cases
            .into_iter()
            .filter_map(|(name, scenario)| {
                let full = run(&scenario, &RunOptions::default()).to_json();
                let lean = run_prepared(prepare_lean().unwrap(), &scenario, &RunOptions::default()).to_json();
                let keys = ["status", "outputFields", "error", "logs", "requests"];
                keys.iter().any(|k| full[k] != lean[k]).then(|| format!("{name}: full {full} lean {lean}"))
            })
            .collect::<Vec<_>>()
    });
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
