//! Turning what the handler delivered into the report: HubSpot's checks on
//! outputs (size limit, undeclared names) and the final status.

use crate::report::{ErrorInfo, LogLine, RequestRecord, RunReport, Status};
use crate::scenario::Scenario;
use serde_json::Value;

/// HubSpot refuses a string output longer than this.
pub const OUTPUT_STRING_LIMIT: usize = 65_000;

pub fn finish(
    scenario: &Scenario,
    error: Option<ErrorInfo>,
    delivered_json: Option<String>,
    logs: Vec<LogLine>,
    requests: Vec<RequestRecord>,
    runtime_ms: f64,
    memory_bytes: u64,
    crm_changes: Vec<crate::report::CrmChange>,
) -> RunReport {
    let mut report = RunReport {
        status: Status::Error,
        output_fields: None,
        error: None,
        logs,
        requests,
        runtime_ms: (runtime_ms * 10.0).round() / 10.0,
        memory_bytes,
        crm_changes,
        undeclared_outputs: Vec::new(),
        timeline: Vec::new(),
        attempts: Vec::new(),
        executions: Vec::new(),
    };
    if let Some(error) = error {
        report.error = Some(error);
        return report;
    }
    let Some(json) = delivered_json else {
        report.error = Some(ErrorInfo { name: "Error".into(), message: "callback was never called".into() });
        return report;
    };
    let fields: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
    if let Value::Object(map) = &fields {
        for (name, value) in map {
            if let Value::String(s) = value {
                let chars = s.chars().count();
                if chars > OUTPUT_STRING_LIMIT {
                    report.error = Some(ErrorInfo {
                        name: "Error".into(),
                        message: format!(
                            "OUTPUT_VALUES_TOO_LARGE: the value of output '{name}' is {chars} characters; HubSpot allows at most {OUTPUT_STRING_LIMIT}"
                        ),
                    });
                    return report;
                }
            }
        }
        if !scenario.outputs.is_empty() {
            report.undeclared_outputs = map.keys().filter(|k| !scenario.outputs.iter().any(|o| &o.name == *k)).cloned().collect();
        }
    }
    report.status = Status::Success;
    report.output_fields = Some(fields);
    report
}
