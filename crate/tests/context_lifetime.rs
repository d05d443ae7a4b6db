//! A dropped context frees its memory, whether or not it ran: nothing the
//! engine keeps beside a context (its compiled action, held by the run's
//! state) may keep it alive. Measured with the counting allocator the CLI
//! and the worker install.

use action_playground::engine::{collect_garbage, prepare_for, run_prepared};
use action_playground::memory::{current_bytes, CountingAllocator};
use action_playground::{parse_scenario, RunOptions};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const SCENARIO: &str = r#"{"version":1,"runtime":"nodejs24","code":"const _ = require('lodash');\nexports.main = async (event) => { console.log('n', _.chunk([1, 2, 3], 2)); return { outputFields: { n: 1 } }; };","event":{"inputFields":{}}}"#;

/// Bytes in use after `cycles` rounds of `round`, each followed by a collection.
fn in_use_after(cycles: usize, round: &dyn Fn()) -> Vec<u64> {
    (0..cycles)
        .map(|_| {
            round();
            collect_garbage();
            current_bytes()
        })
        .collect()
}

fn assert_flat(name: &str, bytes: &[u64]) {
    // The first rounds fill caches (interned strings, generated data); after
    // them, a leaked context would add its whole heap (megabytes) each round.
    let grown = bytes[bytes.len() - 1].saturating_sub(bytes[2]);
    assert!(grown < 2 << 20, "{name}: {grown} bytes more after {} rounds: {bytes:?}", bytes.len() - 3);
}

#[test]
fn dropped_contexts_free_their_memory() {
    let scenario = parse_scenario(SCENARIO).unwrap();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let unused = in_use_after(7, &|| drop(prepare_for(&scenario.code).unwrap()));
            assert_flat("prepared, never run", &unused);
            let ran = in_use_after(7, &|| {
                run_prepared(prepare_for(&scenario.code).unwrap(), &scenario, &RunOptions::default());
            });
            assert_flat("prepared and run", &ran);
        })
        .unwrap()
        .join()
        .unwrap();
}
