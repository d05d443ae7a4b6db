//! The result of one run (`shared/scenario-format.md`, "Result").

pub use crate::timeline::TimelineEvent;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LogLine {
    pub level: String,
    pub message: String,
}

/// One request, as the format records it (`method`, `url`, `status`,
/// `body`), plus what the playground's panel shows beyond the format:
/// latency on the run's clock, both sides' headers, the response body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct RequestRecord {
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub request_headers: serde_json::Map<String, Value>,
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub response_headers: serde_json::Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_body: Option<String>,
    /// The index of the mock rule that answered (in `http`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<usize>,
    /// No rule answered it (and it was not the CRM mock's).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unmatched: bool,
    /// With retries: this write (POST, PUT, PATCH, DELETE to the same URL)
    /// was already made by an earlier attempt — the action is not idempotent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub repeated_write: bool,
}

impl RequestRecord {
    pub fn is_write(&self) -> bool {
        matches!(self.method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE")
    }
}

/// One write the run made to the mock CRM (creations, archivals and
/// associations too: `archived` false → true, `associations.<type>`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CrmChange {
    /// The object type as the API path names it (`contacts`, `deals`, …).
    pub object: String,
    pub id: String,
    pub property: String,
    pub before: Value,
    pub after: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorInfo {
    pub name: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Success,
    Error,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RunReport {
    pub status: Status,
    pub output_fields: Option<Value>,
    pub error: Option<ErrorInfo>,
    pub logs: Vec<LogLine>,
    pub requests: Vec<RequestRecord>,
    pub runtime_ms: f64,
    pub memory_bytes: u64,
    pub crm_changes: Vec<CrmChange>,
    pub undeclared_outputs: Vec<String>,
    /// What happened when, on the run's clock (every attempt or execution).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEvent>,
    /// With `settings.retries`: every attempt; the fields above are the last one's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<Execution>,
    /// With `settings.warmRuns` > 1: every execution in the warm container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub executions: Vec<Execution>,
}

/// One execution of the action: an attempt of HubSpot's retries, or one
/// run of several in a warm container.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Execution {
    /// When it started, on the run's clock (ms after the first started).
    pub started_at_ms: f64,
    pub status: Status,
    pub output_fields: Option<Value>,
    pub error: Option<ErrorInfo>,
    pub logs: Vec<LogLine>,
    pub requests: Vec<RequestRecord>,
    pub crm_changes: Vec<CrmChange>,
    pub runtime_ms: f64,
    /// The 429/5xx answer that made HubSpot schedule another attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_on_status: Option<u16>,
}

impl Execution {
    pub fn of(report: &RunReport, started_at_ms: f64, retry_on_status: Option<u16>) -> Self {
        Self {
            started_at_ms,
            status: report.status,
            output_fields: report.output_fields.clone(),
            error: report.error.clone(),
            logs: report.logs.clone(),
            requests: report.requests.clone(),
            crm_changes: report.crm_changes.clone(),
            runtime_ms: report.runtime_ms,
            retry_on_status,
        }
    }
}

impl RunReport {
    /// A run that failed before or outside the code (limits, a crashed worker).
    pub fn platform_error(name: &str, message: String, runtime_ms: f64) -> Self {
        Self {
            status: Status::Error,
            output_fields: None,
            error: Some(ErrorInfo { name: name.into(), message }),
            logs: Vec::new(),
            requests: Vec::new(),
            runtime_ms,
            memory_bytes: 0,
            crm_changes: Vec::new(),
            undeclared_outputs: Vec::new(),
            timeline: Vec::new(),
            attempts: Vec::new(),
            executions: Vec::new(),
        }
    }

    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("a report always serializes")
    }
}

/// The result's keys as `shared/scenario-format.md` documents them, in its
/// order (the extensions last): what `run --json` prints.
pub const RESULT_KEYS: [&str; 12] = [
    "status",
    "outputFields",
    "error",
    "logs",
    "requests",
    "runtimeMs",
    "memoryBytes",
    "crmChanges",
    "undeclaredOutputs",
    "attempts",
    "executions",
    "timeline",
];

/// HubSpot's words for a run past its time limit.
pub fn timeout_message(timeout_ms: u64) -> String {
    format!("Task timed out after {:.2} seconds", timeout_ms as f64 / 1000.0)
}

/// HubSpot's words for a run past its memory limit.
pub fn memory_message(memory_mb: u64) -> String {
    format!("Runtime exited with error: memory limit of {memory_mb} MB exceeded (Runtime.OutOfMemory)")
}
