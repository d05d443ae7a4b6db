//! Action Playground's engine: runs HubSpot workflow custom code actions in
//! boa exactly as HubSpot's Node runtime does. Data flows one way:
//! [`scenario::Scenario`] → [`engine::run`] → [`report::RunReport`].

pub mod compare;
pub mod engine;
mod globals;
pub mod host;
pub mod lint;
pub mod markdown;
pub mod memory;
pub mod net;
pub mod node;
pub mod pack;
pub mod panel;
pub mod report;
pub mod result_path;
pub mod run_state;
pub mod scenario;
pub mod time;
pub mod timeline;
pub mod upgrade;

pub use engine::{run, RunOptions};
pub use host::{RunEvent, RunRequest, Stop, Transcript};
pub use report::RunReport;
pub use run_state::RunObserver;
pub use scenario::{parse_scenario, Scenario};
