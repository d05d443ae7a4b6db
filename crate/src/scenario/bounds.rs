//! How big a scenario may be. Links carry scenarios from strangers: a 12 KB
//! link can inflate to 100,000 outputs, and every part of the playground
//! (parser, store, screen) would pay for each. The one parser refuses such
//! a file before anything else sees it, naming the JSON path. HubSpot's own
//! limits (50 inputs, 1,000 characters of secrets, 20 s, 128 MB) are checked
//! elsewhere; these are the playground's, documented in the
//! README ("Scenario bounds").

/// Characters of scenario JSON (a share link inflates to at most 4 MB).
pub const SCENARIO_TEXT_LIMIT: usize = 4 << 20;
/// Characters of code.
pub const CODE_LIMIT: usize = 1 << 20;
/// Declared data outputs.
pub const OUTPUTS_LIMIT: usize = 100;
/// HTTP mock rules.
pub const MOCK_RULES_LIMIT: usize = 500;
/// Secrets (their values share HubSpot's 1,000-character budget, but empty
/// values cost nothing there).
pub const SECRETS_LIMIT: usize = 100;
/// CRM records across all object types.
pub const CRM_RECORDS_LIMIT: usize = 10_000;
/// Named test cases in one file (each may carry its own CRM and mocks).
pub const CASES_LIMIT: usize = 200;
/// `settings.timeoutMs`: HubSpot stops at 20 s; longer runs are allowed for
/// what-ifs, up to 5 minutes (the page has a Stop button).
pub const TIMEOUT_MS_LIMIT: u64 = 300_000;
/// `settings.memoryMb`: HubSpot gives 128 MB; up to 1 GB for what-ifs.
pub const MEMORY_MB_LIMIT: u64 = 1_024;

/// Counts the records in a scenario's `crm` (`objects`: type → array of records).
pub fn crm_record_count(crm: &serde_json::Value) -> usize {
    let Some(objects) = crm.get("objects").and_then(|v| v.as_object()) else { return 0 };
    objects.values().filter_map(|records| records.as_array()).map(Vec::len).sum()
}
