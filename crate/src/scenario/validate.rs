//! Turning bytes into a [`Scenario`], or into one clear message that names
//! the JSON path of the first problem.

use super::bounds::*;
use super::{OutputType, Scenario};
use crate::result_path::ResultPath;
use serde_json::Value;
use std::fmt;

/// HubSpot's limit on all secret values together.
pub const SECRETS_TOTAL_LIMIT: usize = 1_000;
/// HubSpot's limit on "properties to include in code".
pub const INPUT_FIELDS_LIMIT: usize = 50;

#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError {
    /// JSON path of the problem (`event.inputFields`), empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

fn err(path: &str, message: impl Into<String>) -> ScenarioError {
    ScenarioError { path: path.to_string(), message: message.into() }
}

/// Parses and validates a version-1 scenario.
pub fn parse_scenario(text: &str) -> Result<Scenario, ScenarioError> {
    // Editors on Windows save a byte-order mark; JSON does not have one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_text_size(text)?;
    let value: Value = serde_json::from_str(text)
        .map_err(|e| err("", format!("malformed JSON at line {} column {}: {}", e.line(), e.column(), strip_position(&e.to_string()))))?;
    check_shape(&value)?;
    let scenario: Scenario = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        err(if path == "." { "" } else { &path }, plain_serde_message(&e.into_inner().to_string()))
    })?;
    check_rules(&scenario)?;
    check_cases(&scenario)?;
    Ok(scenario)
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// serde speaks of maps and sequences; scenario authors think in JSON.
fn plain_serde_message(message: &str) -> String {
    strip_position(message)
        .replace("expected a map", "expected an object")
        .replace("expected a sequence", "expected an array")
        .replace("invalid type: map", "invalid type: object")
        .replace("invalid type: sequence", "invalid type: array")
        .replace("expected u64", "expected a non-negative integer")
        .replace("expected u32", "expected a non-negative integer")
        .replace("expected u16", "expected an HTTP status (integer)")
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The size bounds alone (`bounds.rs`, and HubSpot's 50 inputs) on a
/// scenario's JSON text and value: what keeps every screen responsive. The
/// store uses it to open a draft the parser refuses for another rule.
pub fn check_bounds(text: &str, value: &Value) -> Result<(), ScenarioError> {
    check_text_size(text)?;
    value.as_object().map_or(Ok(()), check_sizes)
}

fn check_text_size(text: &str) -> Result<(), ScenarioError> {
    if text.len() > SCENARIO_TEXT_LIMIT {
        return Err(err("", format!("the file is {} MB; a scenario may be at most {} MB", text.len() >> 20, SCENARIO_TEXT_LIMIT >> 20)));
    }
    Ok(())
}

/// Counts and lengths inside the scenario, each against its bound.
fn check_sizes(root: &serde_json::Map<String, Value>) -> Result<(), ScenarioError> {
    if let Some(Value::String(code)) = root.get("code") {
        let chars = code.chars().count();
        if chars > CODE_LIMIT {
            return Err(err("code", format!("{chars} characters; a scenario's code may be at most {CODE_LIMIT}")));
        }
    }
    let len = |key: &str| match root.get(key) {
        Some(Value::Array(items)) => items.len(),
        Some(Value::Object(items)) => items.len(),
        _ => 0,
    };
    if len("cases") > CASES_LIMIT {
        return Err(err("cases", format!("{} cases; a scenario may have at most {CASES_LIMIT}", len("cases"))));
    }
    let inputs = root.get("event").and_then(|e| e.get("inputFields")).and_then(Value::as_object).map_or(0, |i| i.len());
    let counts = Counts { inputs, outputs: len("outputs"), http: len("http"), secrets: len("secrets"), records: root.get("crm").map_or(0, crm_record_count) };
    counts.check("")
}

/// The counted parts of a scenario (or of a case merged onto its base).
struct Counts {
    inputs: usize,
    outputs: usize,
    http: usize,
    secrets: usize,
    records: usize,
}

impl Counts {
    fn of(scenario: &Scenario) -> Counts {
        Counts {
            inputs: scenario.event.get("inputFields").and_then(Value::as_object).map_or(0, |i| i.len()),
            outputs: scenario.outputs.len(),
            http: scenario.http.len(),
            secrets: scenario.secrets.len(),
            records: scenario.crm.as_ref().map_or(0, crm_record_count),
        }
    }

    /// Each count against its bound; `prefix` names where the counted parts are (`cases[2].`).
    fn check(&self, prefix: &str) -> Result<(), ScenarioError> {
        if self.inputs > INPUT_FIELDS_LIMIT {
            return Err(err(&format!("{prefix}event.inputFields"), format!("{} properties; HubSpot allows at most {INPUT_FIELDS_LIMIT}", self.inputs)));
        }
        let counted = [
            (self.outputs, "outputs", OUTPUTS_LIMIT, "outputs"),
            (self.http, "http", MOCK_RULES_LIMIT, "mock rules"),
            (self.secrets, "secrets", SECRETS_LIMIT, "secrets"),
        ];
        for (count, key, limit, what) in counted {
            if count > limit {
                return Err(err(&format!("{prefix}{key}"), format!("{count} {what}; a scenario may have at most {limit}")));
            }
        }
        if self.records > CRM_RECORDS_LIMIT {
            return Err(err(&format!("{prefix}crm.objects"), format!("{} records; a scenario may have at most {CRM_RECORDS_LIMIT}", self.records)));
        }
        Ok(())
    }
}

/// Checks serde cannot word well: the event is kept as raw JSON.
fn check_shape(value: &Value) -> Result<(), ScenarioError> {
    let root = value.as_object().ok_or_else(|| err("", format!("expected an object, found {}", kind(value))))?;
    match root.get("version") {
        None => return Err(err("version", "missing (this format is version 1)")),
        Some(Value::Number(n)) if n.as_u64() == Some(1) => {}
        Some(other) => return Err(err("version", format!("unsupported version {other} (this build reads version 1)"))),
    }
    match root.get("code") {
        Some(Value::String(_)) => check_sizes(root)?,
        Some(other) => return Err(err("code", format!("expected a string, found {}", kind(other)))),
        None => return Err(err("code", "missing")),
    }
    check_overridable_shapes(root, "")?;
    if let Some(Value::Array(cases)) = root.get("cases") {
        for (i, case) in cases.iter().enumerate() {
            if let Some(case) = case.as_object() {
                check_overridable_shapes(case, &format!("cases[{i}]."))?;
                if let Some(inputs) = case.get("inputFields").filter(|v| !v.is_object()) {
                    return Err(err(&format!("cases[{i}].inputFields"), format!("expected an object, found {}", kind(inputs))));
                }
            }
        }
    }
    Ok(())
}

/// The event and secrets, of the file or of a case (`prefix` `cases[2].`).
fn check_overridable_shapes(object: &serde_json::Map<String, Value>, prefix: &str) -> Result<(), ScenarioError> {
    if let Some(event) = object.get("event") {
        let event = event.as_object().ok_or_else(|| err(&format!("{prefix}event"), format!("expected an object, found {}", kind(event))))?;
        for key in ["origin", "object", "inputFields"] {
            if let Some(part) = event.get(key) {
                if !part.is_object() {
                    return Err(err(&format!("{prefix}event.{key}"), format!("expected an object, found {}", kind(part))));
                }
            }
        }
    }
    if let Some(secrets) = object.get("secrets") {
        let secrets = secrets.as_object().ok_or_else(|| err(&format!("{prefix}secrets"), format!("expected an object, found {}", kind(secrets))))?;
        for (name, v) in secrets {
            if !v.is_string() {
                return Err(err(&format!("{prefix}secrets.{name}"), format!("expected a string, found {}", kind(v))));
            }
        }
    }
    Ok(())
}

/// Case names, `ignore` paths, and each case merged onto the base checked as a file is.
fn check_cases(scenario: &Scenario) -> Result<(), ScenarioError> {
    check_ignore_paths(&scenario.ignore, "")?;
    for (i, case) in scenario.cases.iter().enumerate() {
        let prefix = format!("cases[{i}].");
        if case.name.trim().is_empty() {
            return Err(err(&format!("{prefix}name"), "a case needs a name"));
        }
        if let Some(first) = scenario.cases[..i].iter().position(|c| c.name == case.name) {
            return Err(err(&format!("{prefix}name"), format!("'{}' is already the name of cases[{first}]", case.name)));
        }
        check_ignore_paths(&case.ignore, &prefix)?;
        let merged = scenario.with_case(case);
        let in_case = |e: ScenarioError| ScenarioError { path: format!("{prefix}{}", e.path), message: e.message };
        Counts::of(&merged).check(&prefix)?;
        check_rules(&merged).map_err(in_case)?;
    }
    Ok(())
}

fn check_ignore_paths(paths: &[String], prefix: &str) -> Result<(), ScenarioError> {
    for (i, path) in paths.iter().enumerate() {
        ResultPath::parse(path).map_err(|why| err(&format!("{prefix}ignore[{i}]"), format!("not a result path: {why}")))?;
    }
    Ok(())
}

fn check_rules(scenario: &Scenario) -> Result<(), ScenarioError> {
    if scenario.language != "javascript" {
        return Err(err("language", format!("'{}' is not supported (only javascript)", scenario.language)));
    }
    let total: usize = scenario.secret_strings().iter().map(|(_, v)| v.chars().count()).sum();
    if total > SECRETS_TOTAL_LIMIT {
        return Err(err("secrets", format!("secret values total {total} characters; HubSpot allows at most {SECRETS_TOTAL_LIMIT} together")));
    }
    for (i, rule) in scenario.http.iter().enumerate() {
        if let Some(e) = &rule.error {
            if e != "timeout" && e != "network" {
                return Err(err(&format!("http[{i}].error"), format!("expected \"timeout\" or \"network\", found \"{e}\"")));
            }
        }
    }
    for (i, out) in scenario.outputs.iter().enumerate() {
        if OutputType::named(&out.kind).is_none() {
            let names: Vec<&str> = OutputType::ALL.iter().map(|t| t.name()).collect();
            return Err(err(&format!("outputs[{i}].type"), format!("'{}' is not one of {}", out.kind, names.join(", "))));
        }
    }
    let settings = &scenario.settings;
    if settings.timeout_ms == 0 || settings.timeout_ms > TIMEOUT_MS_LIMIT {
        return Err(err("settings.timeoutMs", format!("{} is out of range: 1 to {TIMEOUT_MS_LIMIT} ms (HubSpot stops at 20000)", settings.timeout_ms)));
    }
    if settings.memory_mb == 0 || settings.memory_mb > MEMORY_MB_LIMIT {
        return Err(err("settings.memoryMb", format!("{} is out of range: 1 to {MEMORY_MB_LIMIT} MB (HubSpot gives 128)", settings.memory_mb)));
    }
    if let Some(now) = &scenario.settings.now {
        if crate::time::parse_iso_millis(now).is_none() {
            return Err(err("settings.now", format!("'{now}' is not an ISO 8601 date-time")));
        }
    }
    if crate::time::TimeZone::named(&scenario.settings.timezone).is_none() {
        return Err(err("settings.timezone", format!("unknown time zone '{}'", scenario.settings.timezone)));
    }
    Ok(())
}
