//! The scenario file (`shared/scenario-format.md`, version 1): parsing with
//! path-naming validation, defaults, and round-trip of unknown keys.

pub mod bounds;
mod cases;
mod validate;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use cases::{deep_merge, Case, CaseSettings, TestUnit};
pub use validate::{check_bounds, parse_scenario, ScenarioError, INPUT_FIELDS_LIMIT, SECRETS_TOTAL_LIMIT};

/// Which HubSpot handler contract the code is run under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Runtime {
    /// `callback({ outputFields })`; the format's default so old files keep their meaning.
    #[default]
    #[serde(rename = "nodejs20")]
    Node20,
    /// The handler returns `{ outputFields }`; there is no callback.
    #[serde(rename = "nodejs24")]
    Node24,
}

/// The types HubSpot offers for a data output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputType {
    String,
    Number,
    Bool,
    Datetime,
    Date,
    Enumeration,
    PhoneNumber,
}

impl OutputType {
    pub const ALL: [OutputType; 7] = [Self::String, Self::Number, Self::Bool, Self::Datetime, Self::Date, Self::Enumeration, Self::PhoneNumber];

    /// The name the format (and HubSpot's editor) uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Number => "number",
            Self::Bool => "bool",
            Self::Datetime => "datetime",
            Self::Date => "date",
            Self::Enumeration => "enumeration",
            Self::PhoneNumber => "phone_number",
        }
    }

    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Why a delivered value does not fit this type (HubSpot would store it
    /// wrongly or not at all), or `None` when it fits.
    pub fn misfit(self, value: &Value) -> Option<String> {
        let fits = match self {
            Self::Number => value.is_number() || value.as_str().is_some_and(|s| s.trim().parse::<f64>().is_ok()),
            Self::Bool => value.is_boolean() || matches!(value.as_str(), Some("true" | "false")),
            Self::Datetime | Self::Date => value.is_i64() || value.is_u64() || value.as_str().is_some_and(|s| s.parse::<i64>().is_ok()),
            Self::String | Self::Enumeration | Self::PhoneNumber => !value.is_object() && !value.is_array(),
        };
        if fits {
            return None;
        }
        Some(match self {
            Self::Number => "declared as a number, but this is not one".to_string(),
            Self::Bool => "declared as a bool: HubSpot expects true or false".to_string(),
            Self::Datetime | Self::Date => format!("declared as a {}: HubSpot expects UNIX milliseconds (e.g. Date.getTime())", self.name()),
            _ => format!("declared as a {}, but this is an {}", self.name(), if value.is_array() { "array" } else { "object" }),
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputDecl {
    pub name: String,
    #[serde(rename = "type", default = "default_output_type")]
    pub kind: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl OutputDecl {
    /// The declared type (`None` only for a file that failed validation).
    pub fn output_type(&self) -> Option<OutputType> {
        OutputType::named(&self.kind)
    }
}

fn default_output_type() -> String {
    "string".into()
}

/// One mock rule of `http`: first match wins.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct MockRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
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

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    #[serde(default = "default_timeout")]
    pub timeout_ms: u64,
    #[serde(default = "default_memory")]
    pub memory_mb: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn default_timeout() -> u64 {
    20_000
}
fn default_memory() -> u64 {
    128
}
fn default_timezone() -> String {
    "UTC".into()
}

impl Default for Settings {
    fn default() -> Self {
        Self { timeout_ms: default_timeout(), memory_mb: default_memory(), now: None, timezone: default_timezone(), extra: Map::new() }
    }
}

/// A scenario, version 1. `event` is kept as raw JSON: the engine fills in
/// HubSpot's defaults and passes extra keys through untouched.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Scenario {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub runtime: Runtime,
    pub code: String,
    #[serde(default = "empty_object")]
    pub event: Value,
    #[serde(default)]
    pub secrets: Map<String, Value>,
    #[serde(default)]
    pub outputs: Vec<OutputDecl>,
    #[serde(default)]
    pub http: Vec<MockRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crm: Option<Value>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Value>,
    /// Result paths left out of every comparison (`result_path.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Named test cases (`cases.rs`), each a variation of this base.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn default_language() -> String {
    "javascript".into()
}
fn empty_object() -> Value {
    Value::Object(Map::new())
}

impl Scenario {
    /// The event exactly as `exports.main` receives it: HubSpot's defaults for
    /// missing parts, extra keys passed through.
    pub fn effective_event(&self) -> Value {
        let given = self.event.as_object().cloned().unwrap_or_default();
        let part = |key: &str, defaults: Value| -> Value {
            let mut merged = defaults.as_object().cloned().unwrap_or_default();
            if let Some(Value::Object(over)) = given.get(key) {
                for (k, v) in over {
                    merged.insert(k.clone(), v.clone());
                }
            }
            Value::Object(merged)
        };
        let mut event = Map::new();
        event.insert("origin".into(), part("origin", serde_json::json!({"portalId": 1, "actionDefinitionId": 2})));
        event.insert("object".into(), part("object", serde_json::json!({"objectType": "CONTACT", "objectId": 4})));
        event.insert("inputFields".into(), part("inputFields", serde_json::json!({})));
        let callback_id = match given.get("callbackId") {
            Some(v) if !v.is_null() && v != "" => v.clone(),
            _ => Value::String("ap-123-456-7-8".into()),
        };
        event.insert("callbackId".into(), callback_id);
        for (k, v) in &given {
            if !event.contains_key(k) {
                event.insert(k.clone(), v.clone());
            }
        }
        Value::Object(event)
    }

    /// Secrets as `process.env` sees them: every value a string.
    pub fn secret_strings(&self) -> Vec<(String, String)> {
        self.secrets
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    },
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
