//! Share links and the saved library under a mutation fuzzer. Links arrive
//! from strangers and storage may hold anything (an older or newer build, a
//! full quota, another tab): no input may panic the decoder or the store,
//! an accepted link must re-encode to the same scenario, and loading must
//! never change a record it found (start-up never writes over work).
//! `PROPTEST_CASES=N` sets the run's length; BENCHMARKS.md records a long run.

use playground_web::share;
use playground_web::store::{self, Backend, WriteError, ENTRY_PREFIX, LEGACY_KEY};
use proptest::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;

#[path = "../../crate/tests/mutate.rs"]
mod mutate;
use mutate::{apply, edit};

#[derive(Default)]
struct Memory(RefCell<BTreeMap<String, String>>);

impl Backend for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys().cloned().collect()
    }
}

fn samples() -> Vec<action_playground::Scenario> {
    playground_web::samples::SAMPLES.iter().filter_map(|s| playground_web::samples::load(s.id)).collect()
}

/// Links of the samples, as the page makes them.
fn link_seeds() -> &'static [Vec<u8>] {
    static SEEDS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| samples().iter().map(|s| share::encode(s).into_bytes()).collect())
}

/// Stored text as builds leave it: a schema-2 library, and the per-entry
/// records a load migrates it to.
fn store_seeds() -> &'static [Vec<u8>] {
    static SEEDS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let entries: Vec<serde_json::Value> = samples()
            .iter()
            .enumerate()
            .map(|(i, s)| serde_json::json!({ "id": format!("s{i}"), "name": s.name, "updatedMs": i as f64, "scenario": s }))
            .collect();
        let library = serde_json::json!({ "schema": 2, "current": "s0", "entries": entries }).to_string();
        let memory = Memory::default();
        memory.set(LEGACY_KEY, &library).unwrap();
        store::load(&memory);
        let mut seeds = vec![library.into_bytes()];
        seeds.extend(memory.0.borrow().iter().filter(|(k, _)| k.starts_with(ENTRY_PREFIX)).map(|(_, v)| v.clone().into_bytes()));
        seeds
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_links_never_panic_and_accepted_ones_round_trip(seed in any::<usize>(), edits in prop::collection::vec(edit(), 1..6)) {
        let seeds = link_seeds();
        let bytes = apply(seeds[seed % seeds.len()].clone(), &edits, seeds);
        if let Ok(shared) = share::decode(&String::from_utf8_lossy(&bytes)) {
            let again = share::decode(&share::encode(&shared.scenario));
            prop_assert!(again.is_ok(), "accepted once, refused after re-encoding: {:?}", again.err());
            prop_assert_eq!(again.unwrap().scenario, shared.scenario);
        }
    }

    #[test]
    fn loading_mutated_storage_never_panics_nor_changes_a_record(
        legacy in (any::<usize>(), prop::collection::vec(edit(), 0..4)),
        records in prop::collection::vec((any::<usize>(), prop::collection::vec(edit(), 0..4)), 0..4),
    ) {
        let seeds = store_seeds();
        let memory = Memory::default();
        let legacy_text = apply(seeds[legacy.0 % seeds.len()].clone(), &legacy.1, seeds);
        memory.set(LEGACY_KEY, &String::from_utf8_lossy(&legacy_text)).unwrap();
        for (i, (seed, edits)) in records.iter().enumerate() {
            let text = apply(seeds[seed % seeds.len()].clone(), edits, seeds);
            memory.set(&format!("{ENTRY_PREFIX}fuzz{i}"), &String::from_utf8_lossy(&text)).unwrap();
        }
        let before: Vec<(String, String)> = memory.0.borrow().iter().filter(|(k, _)| k.starts_with(ENTRY_PREFIX)).map(|(k, v)| (k.clone(), v.clone())).collect();
        store::load(&memory);
        for (key, value) in before {
            prop_assert_eq!(memory.get(&key), Some(value), "load changed {}", key);
        }
    }
}
