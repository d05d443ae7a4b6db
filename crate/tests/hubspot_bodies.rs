//! The generated @hubspot/api-client's request bodies against the real
//! client's: the `test` command compares each request's method, URL and
//! status only, so for the differential fixtures (`hubspot-gen-*.json`,
//! expectations from the oracle) this also compares every body sent.

use action_playground::{parse_scenario, run, RunOptions};
use serde_json::Value;
use std::path::Path;

fn sent(requests: &Value) -> Vec<(Value, Value, Value)> {
    requests.as_array().into_iter().flatten().map(|r| (r["method"].clone(), r["url"].clone(), r["body"].clone())).collect()
}

#[test]
fn generated_client_sends_the_real_clients_bodies() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("hubspot-gen-") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let expected: Value = serde_json::from_str(&text).unwrap();
        let scenario = parse_scenario(&text).unwrap();
        let report = std::thread::Builder::new().stack_size(1 << 30).spawn(move || run(&scenario, &RunOptions::default())).unwrap().join().unwrap();
        assert_eq!(sent(&report.to_json()["requests"]), sent(&expected["expect"]["requests"]), "{name}");
        checked += 1;
    }
    assert!(checked >= 4, "the differential fixtures are missing");
}
