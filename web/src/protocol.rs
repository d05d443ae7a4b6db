//! Messages between the page and the engine's Web Worker, as JSON strings.

use action_playground::report::{LogLine, RequestRecord};
use action_playground::RunReport;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Page → worker.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub enum ToWorker {
    /// Run this scenario (the format's JSON) and answer with a report.
    Run { id: u32, scenario: Value },
}

/// Worker → page. Logs and requests stream while the run goes, so a run the
/// page has to stop still shows what it printed.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub enum FromWorker {
    Ready,
    Log { id: u32, line: LogLine },
    Request { id: u32, request: RequestRecord },
    Report { id: u32, report: RunReport },
    /// The memory cap refused an allocation: the worker is about to die.
    MemoryLimit { id: u32 },
}

impl ToWorker {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("messages serialize")
    }
}

impl FromWorker {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("messages serialize")
    }
    pub fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let log = FromWorker::Log { id: 3, line: LogLine { level: "warn".into(), message: "hi".into() } };
        assert_eq!(FromWorker::decode(&log.encode()), Some(log));
        assert_eq!(FromWorker::decode("{\"nope\":1}"), None);
        let run = ToWorker::Run { id: 1, scenario: serde_json::json!({"version": 1}) };
        assert_eq!(serde_json::from_str::<ToWorker>(&run.encode()).unwrap(), run);
    }
}
