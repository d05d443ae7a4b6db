//! The playground in the browser. Data flows one way, as in the engine:
//! the editor's [`Scenario`](action_playground::Scenario) → the worker
//! (`runner`, `bin/worker.rs`) → a [`RunReport`](action_playground::RunReport)
//! → the test panel. Pure logic (share links, saved work, the worker
//! protocol, samples) lives in modules without a DOM so it is unit-tested natively.

pub mod app;
pub mod cases;
pub mod editor;
pub mod embed;
pub mod exercise;
pub mod lazy_script;
pub mod panels;
pub mod runner;
pub mod samples;
pub mod share;
pub mod startup;
pub mod store;
pub mod workbench;
pub mod workspace;
