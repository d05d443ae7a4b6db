//! Named test cases inside a scenario (`/work/notes/cases-format.md`, an
//! extension of version 1): each case overrides part of the base scenario and
//! carries its own `expect`, so one file holds many payloads of one action.

use super::{MockRule, Runtime, Scenario};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One named case. Every override is optional; absent ones keep the base's.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Case {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Merged key by key into `event.inputFields` (after `event`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_fields: Option<Map<String, Value>>,
    /// Deep-merged onto the base event: objects merge, other values replace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Value>,
    /// Merged key by key onto the base secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Map<String, Value>>,
    /// Tried before the base rules (first match wins), so a case can shadow one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub http: Vec<MockRule>,
    /// Replaces the base CRM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crm: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<CaseSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<Runtime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Value>,
    /// Result paths left out of this case's comparison (added to the base's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A case's settings: each given key replaces the base's. Typed, so a wrong
/// type is refused at parse time with its path (`cases[2].settings.timeoutMs`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct CaseSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_mb: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One thing `test` checks: the base scenario (`case: None`) or a case,
/// as the scenario that runs (its `expect` and `ignore` are the ones to apply).
#[derive(Debug, Clone, PartialEq)]
pub struct TestUnit {
    pub case: Option<String>,
    pub scenario: Scenario,
}

impl TestUnit {
    /// `NAME › CASE` (or `NAME` for the base), NAME being what the caller
    /// calls the file (its `name`, or its path).
    pub fn label(&self, file_label: &str) -> String {
        match &self.case {
            Some(case) => format!("{file_label} › {case}"),
            None => file_label.to_string(),
        }
    }
}

impl Scenario {
    /// The scenario a case runs: the base with the case's overrides applied,
    /// no `cases`, the case's `expect`, and the base's `ignore` plus the case's.
    pub fn with_case(&self, case: &Case) -> Scenario {
        let mut merged = self.without_cases();
        if let Some(event) = &case.event {
            deep_merge(&mut merged.event, event);
        }
        if let Some(inputs) = &case.input_fields {
            deep_merge(&mut merged.event, &serde_json::json!({ "inputFields": inputs }));
        }
        if let Some(secrets) = &case.secrets {
            merged.secrets.extend(secrets.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        if !case.http.is_empty() {
            merged.http = case.http.iter().chain(&self.http).cloned().collect();
        }
        if let Some(crm) = &case.crm {
            merged.crm = Some(crm.clone());
        }
        if let Some(settings) = &case.settings {
            let target = &mut merged.settings;
            target.timeout_ms = settings.timeout_ms.unwrap_or(target.timeout_ms);
            target.memory_mb = settings.memory_mb.unwrap_or(target.memory_mb);
            if settings.now.is_some() {
                target.now = settings.now.clone();
            }
            if let Some(zone) = &settings.timezone {
                target.timezone = zone.clone();
            }
            target.extra.extend(settings.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        if let Some(runtime) = case.runtime {
            merged.runtime = runtime;
        }
        merged.expect = case.expect.clone();
        merged.ignore.extend(case.ignore.iter().cloned());
        merged
    }

    /// What `test` checks in this file, in order: the base when it has an
    /// `expect`, then every case that has one.
    pub fn test_units(&self) -> Vec<TestUnit> {
        let base = self.expect.is_some().then(|| TestUnit { case: None, scenario: self.without_cases() });
        let cases = self.cases.iter().filter(|c| c.expect.is_some()).map(|c| TestUnit { case: Some(c.name.clone()), scenario: self.with_case(c) });
        base.into_iter().chain(cases).collect()
    }

    /// The case with this name.
    pub fn case_named(&self, name: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.name == name)
    }

    /// The base scenario as it runs on its own: everything but the cases
    /// (not cloned first: a file may hold 200 of them).
    pub fn without_cases(&self) -> Scenario {
        Scenario {
            version: self.version,
            name: self.name.clone(),
            description: self.description.clone(),
            language: self.language.clone(),
            runtime: self.runtime,
            code: self.code.clone(),
            event: self.event.clone(),
            secrets: self.secrets.clone(),
            outputs: self.outputs.clone(),
            http: self.http.clone(),
            crm: self.crm.clone(),
            settings: self.settings.clone(),
            expect: self.expect.clone(),
            ignore: self.ignore.clone(),
            cases: Vec::new(),
            extra: self.extra.clone(),
        }
    }
}

/// Objects merge key by key (recursively); any other value replaces.
pub fn deep_merge(target: &mut Value, overlay: &Value) {
    match (target, overlay) {
        (Value::Object(target), Value::Object(overlay)) => {
            for (key, value) in overlay {
                match target.get_mut(key) {
                    Some(existing) if existing.is_object() && value.is_object() => deep_merge(existing, value),
                    _ => {
                        target.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (target, overlay) => *target = overlay.clone(),
    }
}

#[cfg(test)]
#[path = "cases_tests.rs"]
mod tests;
