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

/// Host → guest, besides runs: tools that read the code without running it
/// (answered at once, between runs).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "tool", rename_all = "camelCase")]
pub enum ToolRequest {
    /// The HubSpot lints (`lint/`) for the scenario's code.
    Lint { id: u32, scenario: Scenario },
    /// The Node.js 20 → 24 upgrade (`upgrade/`) of the scenario.
    Upgrade { id: u32, scenario: Scenario },
    /// The code the next run will most likely be (the page's, as it opens):
    /// the guest loads what it needs into its next context. No answer.
    Prepare { code: String },
}

impl ToolRequest {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a scenario serializes")
    }

    /// `None` for a message that is not a tool request (a run request).
    pub fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

/// The upgrade's answer: the scenario on Node.js 24 and what it kept.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UpgradeAnswer {
    pub scenario: Scenario,
    pub converted: usize,
    pub left: Vec<crate::lint::Diagnostic>,
}

/// A moment of the guest's start-up: `name` at `epoch_ms` (ms since the
/// UNIX epoch, with the fraction: host and guest clocks have different origins).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StartupMark {
    pub name: String,
    pub epoch_ms: f64,
}

/// Guest → host, in the order things happen. Logs and requests stream while
/// the run goes, so a run the host has to stop still shows what it did.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "event", rename_all = "camelCase")]
pub enum RunEvent {
    /// The guest is loaded and can run (first load, or after a restart).
    Ready {
        build: String,
        /// When the guest's start-up steps ended (`StartupMark`), for the
        /// host's performance timeline (the browser benchmark reads it).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        marks: Vec<StartupMark>,
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
    /// The answer to [`ToolRequest::Lint`].
    Linted {
        id: u32,
        diagnostics: Vec<crate::lint::Diagnostic>,
    },
    /// The answer to [`ToolRequest::Upgrade`] (the reason when it cannot).
    Upgraded {
        id: u32,
        outcome: Result<Box<UpgradeAnswer>, String>,
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
            RunEvent::Ready { .. } | RunEvent::Linted { .. } | RunEvent::Upgraded { .. } => None,
            RunEvent::Log { run, .. } | RunEvent::Request { run, .. } | RunEvent::MemoryLimit { run } | RunEvent::Finished { run, .. } => Some(*run),
        }
    }
}

impl ToolRequest {
    /// The guest's answer (no engine run: parsing and rewriting only);
    /// `None` for [`ToolRequest::Prepare`], which the guest acts on itself.
    pub fn answer(&self) -> Option<RunEvent> {
        Some(match self {
            ToolRequest::Lint { id, scenario } => RunEvent::Linted { id: *id, diagnostics: crate::lint::lint_scenario(scenario) },
            ToolRequest::Upgrade { id, scenario } => RunEvent::Upgraded {
                id: *id,
                outcome: crate::upgrade::upgrade_scenario(scenario)
                    .map(|(scenario, done)| Box::new(UpgradeAnswer { scenario, converted: done.converted, left: done.left })),
            },
            ToolRequest::Prepare { .. } => return None,
        })
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
