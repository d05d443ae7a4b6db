//! Lints that know HubSpot: mistakes that make a custom code action fail or
//! misbehave on HubSpot's runtime, found on boa's syntax tree of the action
//! (`facts.rs` flattens it once; each rule is one file reading the facts).
//!
//! Every rule has an id, a one-line message, a longer explanation with the
//! fix, and tests both ways; `crate/tests/lint_behaviour.rs` runs the code
//! each rule flags in the engine and shows the failure the rule describes.
//! The CLI (`action-playground lint`) and the browser worker both call
//! [`lint_scenario`].

pub mod facts;
mod rules;

use crate::scenario::{OutputDecl, Runtime, Scenario};
use facts::{Facts, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The run fails or does the wrong thing.
    Error,
    /// Likely wrong, or right only by luck.
    Warning,
}

/// One lint rule.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule finds, in one line.
    pub summary: &'static str,
    /// Why it matters on HubSpot and how to fix it.
    pub explanation: &'static str,
    check: fn(&Input, &mut Vec<Found>),
}

/// What a rule sees: the code's facts and the scenario around it.
pub struct Input<'a> {
    pub code: &'a str,
    pub facts: &'a Facts,
    pub runtime: Runtime,
    pub outputs: &'a [OutputDecl],
    /// The "properties to include in code" (`event.inputFields` keys).
    pub input_fields: Vec<String>,
}

/// A rule's finding: where, and the message for this place.
pub struct Found {
    pub span: Span,
    pub message: String,
}

impl Found {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Found { span, message: message.into() }
    }
}

/// A finding as the editor and the CLI show it. Lines and columns count from
/// 1 (columns in characters); `from`/`to` are UTF-16 offsets, as the
/// browser's editor counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub from: usize,
    pub to: usize,
}

/// Every rule, in the order findings are reported at one place.
pub fn rules() -> &'static [Rule] {
    rules::ALL
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    rules::ALL.iter().find(|r| r.id == id)
}

/// The findings for a scenario's code, in source order.
pub fn lint_scenario(scenario: &Scenario) -> Vec<Diagnostic> {
    let input_fields = scenario.effective_event().get("inputFields").and_then(|v| v.as_object()).map(|m| m.keys().cloned().collect()).unwrap_or_default();
    lint_code(&scenario.code, scenario.runtime, &scenario.outputs, input_fields)
}

pub fn lint_code(code: &str, runtime: Runtime, outputs: &[OutputDecl], input_fields: Vec<String>) -> Vec<Diagnostic> {
    let Some(facts) = facts::analyze(code) else { return Vec::new() };
    let input = Input { code, facts: &facts, runtime, outputs, input_fields };
    let mut diagnostics = Vec::new();
    for rule in rules::ALL {
        let mut found = Vec::new();
        (rule.check)(&input, &mut found);
        for f in found {
            diagnostics.push(diagnostic(code, rule, f));
        }
    }
    diagnostics.sort_by_key(|d| (d.from, d.to));
    diagnostics.dedup_by(|a, b| a.rule == b.rule && a.from == b.from);
    diagnostics
}

/// A warning that is no rule's (the upgrade's notes on what it kept).
pub fn note(code: &str, id: &str, span: Span, message: String) -> Diagnostic {
    let rule = Rule { id: "", severity: Severity::Warning, summary: "", explanation: "", check: |_, _| {} };
    Diagnostic { rule: id.into(), ..diagnostic(code, &rule, Found::new(span, message)) }
}

fn diagnostic(code: &str, rule: &Rule, found: Found) -> Diagnostic {
    let (start, end) = (found.span.0.min(code.len()), found.span.1.min(code.len()).max(found.span.0.min(code.len())));
    let position = |offset: usize| {
        let before = &code[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, column)
    };
    let utf16 = |offset: usize| code[..offset].encode_utf16().count();
    let (line, column) = position(start);
    let (end_line, end_column) = position(end);
    Diagnostic { rule: rule.id.into(), severity: rule.severity, message: found.message, line, column, end_line, end_column, from: utf16(start), to: utf16(end) }
}

/// Test helper: the rule ids found in `code` for a runtime, with the outputs
/// and input fields given.
#[cfg(test)]
pub(crate) fn ids(code: &str, runtime: Runtime, outputs: &[(&str, &str)], inputs: &[&str]) -> Vec<String> {
    let outputs: Vec<OutputDecl> = outputs.iter().map(|(n, t)| OutputDecl { name: (*n).into(), kind: (*t).into(), extra: Default::default() }).collect();
    lint_code(code, runtime, &outputs, inputs.iter().map(|s| s.to_string()).collect()).into_iter().map(|d| d.rule).collect()
}
