//! What host and guest say to each other, as JSON text (one line on the
//! CLI's pipe, one message on the worker's port).

use crate::report::{LogLine, RequestRecord, RunReport};
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// This build's identity. The page and its worker compare theirs: a tab
/// opened before a deploy must not talk to a worker of the next build.
pub const BUILD: &str = match option_env!("ACTION_PLAYGROUND_BUILD") {
    Some(id) => id,
    None => env!("CARGO_PKG_VERSION"),
};

/// Host → guest: run this scenario.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunRequest {
    pub run: u32,
    pub build: String,
    pub scenario: Scenario,
}

/// Guest → host, in the order things happen. Logs and requests stream while
/// the run goes, so a run the host has to stop still shows what it did.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "event", rename_all = "camelCase")]
pub enum RunEvent {
    /// The guest is loaded and can run (first load, or after a restart).
    Ready {
        build: String,
    },
    Log {
        run: u32,
        line: LogLine,
    },
    Request {
        run: u32,
        request: RequestRecord,
    },
    /// The memory cap refused an allocation: the guest is about to die.
    MemoryLimit {
        run: u32,
    },
    /// The run ended on its own: its report.
    Finished {
        run: u32,
        report: Box<RunReport>,
    },
}

impl RunEvent {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("run events serialize")
    }

    /// A message that does not decode is the host's to report (a guest of
    /// another build, a corrupted pipe), never to drop silently.
    pub fn decode(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("an engine message could not be read ({e})"))
    }

    /// The run this event belongs to (`None` for `Ready`).
    pub fn run(&self) -> Option<u32> {
        match self {
            RunEvent::Ready { .. } => None,
            RunEvent::Log { run, .. } | RunEvent::Request { run, .. } | RunEvent::MemoryLimit { run } | RunEvent::Finished { run, .. } => Some(*run),
        }
    }
}

impl RunRequest {
    pub fn new(run: u32, scenario: Scenario) -> Self {
        Self { run, build: BUILD.to_string(), scenario }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a scenario serializes")
    }

    pub fn decode(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("the run request could not be read ({e})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_and_bad_ones_are_named() {
        let log = RunEvent::Log { run: 3, line: LogLine { level: "warn".into(), message: "hi".into() } };
        assert_eq!(RunEvent::decode(&log.encode()), Ok(log.clone()));
        assert_eq!(log.run(), Some(3));
        let err = RunEvent::decode("{\"event\":\"teleport\"}").unwrap_err();
        assert!(err.contains("could not be read"), "{err}");
        let scenario = crate::parse_scenario(r#"{"version":1,"code":"exports.main=()=>{}"}"#).unwrap();
        let request = RunRequest::new(7, scenario);
        assert_eq!(RunRequest::decode(&request.encode()), Ok(request));
    }
}
