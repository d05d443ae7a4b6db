//! Action Playground's engine: runs HubSpot workflow custom code actions in
//! boa exactly as HubSpot's Node runtime does. Data flows one way:
//! [`scenario::Scenario`] → [`engine::run`] → [`report::RunReport`].

pub mod compare;
pub mod engine;
mod globals;
pub mod memory;
pub mod net;
pub mod node;
pub mod panel;
pub mod report;
pub mod scenario;

pub use engine::{run, RunOptions};
pub use report::RunReport;
pub use scenario::{parse_scenario, Scenario};
