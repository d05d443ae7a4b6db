//! The engine's URL and URLSearchParams against the Web Platform Tests' URL
//! data: `urltestdata.json` and `setters_tests.json` as the `url` crate's
//! package ships them (read from its source, never copied here), and WPT's
//! `urlencoded-parser-data.json` (committed under tests/data, BSD-3-Clause,
//! from web-platform-tests/wpt url/resources/). Failing cases are printed
//! with the pass counts (`-- --nocapture`).

mod common;
use std::path::PathBuf;

/// The `url` crate's package source, at the version Cargo.lock pins, in
/// cargo's registry cache.
fn url_crate_dir() -> Option<PathBuf> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).ok()?;
    let version =
        lock.split("[[package]]").find(|p| p.contains("\nname = \"url\"\n"))?.lines().find_map(|l| l.strip_prefix("version = "))?.trim_matches('"').to_string();
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    std::fs::read_dir(home.join("registry/src"))
        .ok()?
        .flatten()
        .map(|index| index.path().join(format!("url-{version}")))
        .find(|dir| dir.join("tests/urltestdata.json").is_file())
}

const RUNNER: &str = r#"
const results = { constructor: [0, 0], setters: [0, 0], urlencoded: [0, 0] };
const fail = (kind, what) => { console.log(`FAIL ${kind}: ${what}`); };
const FIELDS = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
for (const c of URLTESTDATA) {
  if (typeof c === 'string') continue;
  results.constructor[1]++;
  const base = c.base === null ? undefined : c.base;
  let url = null;
  try { url = new URL(c.input, base); } catch (e) { if (!(e instanceof TypeError)) { fail('constructor', `${c.input} threw ${e}`); continue; } }
  if (c.failure) {
    if (url === null && !URL.canParse(c.input, base)) results.constructor[0]++;
    else fail('constructor', `${JSON.stringify(c.input)} against ${JSON.stringify(base)} should fail`);
    continue;
  }
  if (url === null) { fail('constructor', `${JSON.stringify(c.input)} against ${JSON.stringify(base)} threw`); continue; }
  const wrong = FIELDS.filter((f) => f in c && url[f] !== c[f]).map((f) => `${f}: ${JSON.stringify(url[f])} != ${JSON.stringify(c[f])}`);
  if ('searchParams' in c && url.searchParams.toString() !== c.searchParams) wrong.push(`searchParams ${url.searchParams}`);
  if (wrong.length) fail('constructor', `${JSON.stringify(c.input)}: ${wrong.join('; ')}`);
  else results.constructor[0]++;
}
for (const [setter, cases] of Object.entries(SETTERS)) {
  if (setter === 'comment') continue;
  for (const c of cases) {
    results.setters[1]++;
    const url = new URL(c.href);
    url[setter] = c.new_value;
    const wrong = Object.entries(c.expected).filter(([f, v]) => url[f] !== v).map(([f, v]) => `${f}: ${JSON.stringify(url[f])} != ${JSON.stringify(v)}`);
    if (wrong.length) fail('setters', `${c.href} .${setter} = ${JSON.stringify(c.new_value)}: ${wrong.join('; ')}`);
    else results.setters[0]++;
  }
}
for (const c of URLENCODED) {
  results.urlencoded[1]++;
  const got = JSON.stringify([...new URLSearchParams(c.input)]);
  const fromUrl = JSON.stringify([...new URL(`http://x/?${c.input}`).searchParams]);
  if (got === JSON.stringify(c.output) && fromUrl === got) results.urlencoded[0]++;
  else fail('urlencoded', `${JSON.stringify(c.input)}: ${got}`);
}
console.log(JSON.stringify(results));
"#;

#[test]
fn url_passes_the_web_platform_tests() {
    let Some(dir) = url_crate_dir() else {
        eprintln!("the url crate's source was not found: skipped");
        return;
    };
    let read = |name: &str| std::fs::read_to_string(dir.join("tests").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let code = format!(
        "const URLTESTDATA = {};\nconst SETTERS = {};\nconst URLENCODED = {};\n{RUNNER}",
        read("urltestdata.json"),
        read("setters_tests.json"),
        include_str!("data/wpt-urlencoded-parser-data.json")
    );
    let logs = common::run_logging(&code).expect("the runner completes");
    let (summary, failures) = logs.split_last().expect("a summary");
    let counts: serde_json::Value = serde_json::from_str(summary).expect("summary JSON");
    eprintln!("WPT URL pass counts [passed, total]: {counts}");
    for f in failures {
        eprintln!("{f}");
    }
    // The url crate 2.5.8 misses a few cases (file: paths with empty
    // segments and Windows drive letters against a host, blob: origins of
    // non-http schemes, opaque-path setters), all outside what actions
    // request; these floors catch any regression.
    for (kind, floor) in [("constructor", 779), ("setters", 244), ("urlencoded", 35)] {
        let [passed, total] = [0, 1].map(|i| counts[kind][i].as_u64().unwrap());
        assert!(total > 0, "{kind}: no cases");
        assert!(passed >= floor, "{kind}: {passed} of {total} WPT cases pass, fewer than {floor}");
    }
}
