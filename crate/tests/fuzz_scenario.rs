//! The scenario parser under a mutation fuzzer: every text the playground
//! may be handed (a file, a share link, a stored entry, an import) goes
//! through `parse_scenario`, so no input may panic it, and whatever it
//! accepts must survive a round trip (what the store and links rely on).
//! Seeds are the project's own scenario files; each case applies random byte
//! edits and splices. `PROPTEST_CASES=N` sets the run's length (CI runs the
//! default; BENCHMARKS.md records a long run).

use action_playground::parse_scenario;
use proptest::prelude::*;
use std::path::Path;

#[path = "mutate.rs"]
mod mutate;
use mutate::{apply, edit};

fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(read_seeds)
}

fn read_seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("tests/fixtures"), root.join("../web/samples")] {
        let mut files: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        out.extend(files.into_iter().filter(|p| p.extension().is_some_and(|x| x == "json")).filter_map(|p| std::fs::read(p).ok()));
    }
    out.push(br#"{"version":1,"code":""}"#.to_vec());
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_scenarios_never_panic_and_round_trip(seed in any::<usize>(), edits in prop::collection::vec(edit(), 1..6)) {
        let seeds = seeds();
        let bytes = apply(seeds[seed % seeds.len()].clone(), &edits, seeds);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(scenario) = parse_scenario(&text) {
            let again = serde_json::to_string(&scenario).expect("an accepted scenario serializes");
            let reparsed = parse_scenario(&again);
            prop_assert!(reparsed.is_ok(), "accepted once, refused after a round trip: {:?}", reparsed.err());
            prop_assert_eq!(reparsed.unwrap(), scenario);
        }
    }
}
