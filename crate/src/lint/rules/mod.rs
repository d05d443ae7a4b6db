//! One file per rule; `ALL` is the registry (report order at one place).

mod associations_api;
mod callback_never_called;
mod callback_on_node24;
mod client_api_key;
mod event_fields;
mod floating_promise;
mod hardcoded_secret;
mod math_random;
mod module_state;
mod output_mismatch;
mod require_unavailable;
mod unknown_input_field;
mod v11_body;

use super::facts::Facts;
use super::Rule;

pub static ALL: &[Rule] = &[
    callback_on_node24::RULE,
    callback_never_called::RULE,
    require_unavailable::RULE,
    hardcoded_secret::RULE,
    client_api_key::RULE,
    associations_api::RULE,
    v11_body::RULE,
    event_fields::RULE,
    unknown_input_field::RULE,
    output_mismatch::RULE,
    floating_promise::RULE,
    module_state::RULE,
    math_random::RULE,
];

/// The handler's `event` parameter name (`event` when there is no handler).
pub fn event_name(facts: &Facts) -> String {
    facts.handler().and_then(|h| h.params.first()).map(|p| p.name.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| "event".into())
}

/// Whether a callee is a method of @hubspot/api-client's `Client` (its
/// discovery roots, as in `node/hubspot/data/tree`), or its `apiRequest`.
pub fn is_hubspot_call(callee: &str) -> bool {
    const ROOTS: [&str; 12] = [
        ".crm.",
        ".cms.",
        ".marketing.",
        ".automation.",
        ".settings.",
        ".files.",
        ".conversations.",
        ".events.",
        ".communicationPreferences.",
        ".oauth.",
        ".webhooks.",
        ".auth.",
    ];
    ROOTS.iter().any(|r| callee.contains(r)) || callee.ends_with(".apiRequest")
}

#[cfg(test)]
pub use crate::scenario::Runtime::{Node20, Node24};
