//! The mock rules' extensions: answer sequences, matching on query,
//! headers and body, and the latency what-if (`shared/scenario-format.md`,
//! "Extensions").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One answer of a rule's `responses` sequence; absent keys as on the rule.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct MockResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub headers: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `http[].match`: every condition given must hold.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct MockMatch {
    /// Query parameters that must be present with these values.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub query: Map<String, Value>,
    /// Request headers (names case-insensitive) with these values.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub headers: Map<String, Value>,
    /// A JSON subset the request body must contain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `settings.latency`: each mock answer waits `delay × scale + addMs`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Latency {
    #[serde(default = "one")]
    pub scale: f64,
    #[serde(default)]
    pub add_ms: u64,
}

fn one() -> f64 {
    1.0
}

impl Latency {
    pub fn apply(&self, delay_ms: u64) -> u64 {
        (delay_ms as f64 * self.scale).round().max(0.0) as u64 + self.add_ms
    }
}
