//! Saved work in `localStorage`, one key per scenario
//! (`action-playground.entry.<id>`), so two tabs editing different
//! scenarios never overwrite each other. Each record carries a revision: a
//! save whose revision no longer matches the stored one (another tab saved
//! in between) is a [`Saved::Conflict`], never an overwrite.
//!
//! Nothing is ever dropped or replaced: a record this build cannot read
//! (damaged, or written by a newer version) is kept as it is and shown
//! read-only; the one-key library of earlier versions (schema 1 and 2) is
//! moved to per-entry keys and removed only once every entry is written.

use action_playground::scenario::check_bounds;
use action_playground::{parse_scenario, Scenario};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const ENTRY_PREFIX: &str = "action-playground.entry.";
/// The scenario opened last in any tab (a new tab opens it).
pub const LAST_OPEN_KEY: &str = "action-playground.last-open";
/// Schema 1 and 2 kept the whole library under this one key.
pub const LEGACY_KEY: &str = "action-playground.library";
/// Where schema 2 copied a library it could not read.
pub const LEGACY_BACKUP_KEY: &str = "action-playground.library.backup";

/// The record layout. 1: one draft under [`LEGACY_KEY`]; 2: a library of
/// named scenarios under [`LEGACY_KEY`]; 3: one record per scenario.
pub const SCHEMA: u64 = 3;

/// Why a write failed, worded for the user with the way out.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    /// The origin's storage quota is used up.
    Full,
    /// No storage at all (disabled, private mode), or another refusal.
    Refused(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Full => write!(
                f,
                "this browser's storage for the playground is full. Export this scenario to keep it, then delete scenarios you no longer need (Saved, then Delete) to make room"
            ),
            WriteError::Refused(why) => write!(f, "{why}. Export this scenario to keep it"),
        }
    }
}

/// Where records are kept: `localStorage` in the browser, a map in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// What an entry holds: a scenario this build can open, or a record kept
/// exactly as stored because this build cannot read it.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Scenario(Box<Scenario>),
    Unreadable(Unreadable),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The stored text, byte for byte (what Export writes).
    pub raw: String,
    pub why: String,
    /// Written by a newer version (rather than damaged).
    pub newer: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub created_ms: f64,
    pub updated_ms: f64,
    /// The stored revision this tab last read or wrote (0: not stored yet).
    pub revision: u64,
    pub content: Content,
    /// The storage key (entries of the old layout keep theirs).
    pub key: String,
}

impl Entry {
    pub fn scenario(&self) -> Option<&Scenario> {
        match &self.content {
            Content::Scenario(s) => Some(s),
            Content::Unreadable(_) => None,
        }
    }

    /// The name as the Saved list shows it.
    pub fn label(&self) -> String {
        match &self.content {
            Content::Scenario(_) => self.name.clone(),
            Content::Unreadable(u) if u.newer => format!("{} (made by a newer version)", self.name),
            Content::Unreadable(_) => format!("{} (cannot be read)", self.name),
        }
    }
}

/// A schema-3 record as stored.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    schema: u64,
    id: String,
    name: String,
    #[serde(default)]
    created_ms: f64,
    #[serde(default)]
    updated_ms: f64,
    #[serde(default)]
    revision: u64,
    scenario: Value,
}

pub fn entry_key(id: &str) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

/// Opens a stored scenario the way links and files are opened
/// ([`parse_scenario`]). A scenario the editor itself can produce but the
/// parser refuses (a mistyped time zone, secrets over HubSpot's budget) is
/// still opened, so work in progress survives a reload; the Test button
/// names the problem. Anything the parser refuses that is not that (an
/// unknown runtime from a newer version, sizes over the bounds) stays read-only.
pub fn open_scenario(value: &Value) -> Result<Scenario, Unreadable> {
    let raw = value.to_string();
    let refused = match parse_scenario(&raw) {
        Ok(scenario) => return Ok(scenario),
        Err(e) => e,
    };
    let newer = value.get("version").and_then(Value::as_u64).is_some_and(|v| v > 1) || refused.message.contains("unknown variant");
    let unreadable = Unreadable { raw: raw.clone(), why: refused.to_string(), newer };
    match serde_json::from_value::<Scenario>(value.clone()) {
        Ok(scenario) if value.get("version") == Some(&Value::from(1)) && check_bounds(&raw, value).is_ok() => Ok(scenario),
        _ => Err(unreadable),
    }
}

/// Reads the record under `key`; `None` when there is none.
pub fn read(backend: &dyn Backend, key: &str) -> Option<Entry> {
    let text = backend.get(key)?;
    let id = key.strip_prefix(ENTRY_PREFIX).unwrap_or(key).to_string();
    let unreadable = |why: String, newer: bool, name: Option<&str>| Entry {
        id: id.clone(),
        name: name.unwrap_or("Saved scenario").to_string(),
        created_ms: 0.0,
        updated_ms: 0.0,
        revision: 0,
        content: Content::Unreadable(Unreadable { raw: text.clone(), why, newer }),
        key: key.to_string(),
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return Some(unreadable(format!("it is not valid JSON ({e})"), false, None)),
    };
    let name = value.get("name").and_then(Value::as_str).map(String::from);
    let name = name.as_deref();
    match value.get("schema").and_then(Value::as_u64) {
        Some(schema) if schema > SCHEMA => {
            return Some(unreadable(format!("it was saved by a newer version of the playground (record schema {schema})"), true, name))
        }
        Some(SCHEMA) => {}
        _ => return Some(unreadable("it has no record schema number".into(), false, name)),
    }
    let record: Record = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => return Some(unreadable(format!("its record is damaged ({e})"), false, name)),
    };
    let content = match open_scenario(&record.scenario) {
        Ok(s) => Content::Scenario(Box::new(s)),
        Err(mut u) => {
            u.raw = text.clone();
            Content::Unreadable(u)
        }
    };
    Some(Entry {
        id,
        name: record.name,
        created_ms: record.created_ms,
        updated_ms: record.updated_ms,
        revision: record.revision,
        content,
        key: key.to_string(),
    })
}

/// What [`save`] did.
#[derive(Debug, PartialEq)]
pub enum Saved {
    /// Written; the new revision.
    Written(u64),
    /// Another tab saved this entry since this tab read it (or it holds a
    /// record this build cannot read): nothing was written. The stored entry.
    Conflict(Box<Entry>),
    Failed(WriteError),
}

/// Writes `scenario` as entry `entry` if the stored revision is still the
/// one this tab knows (a missing record is written: it was new, or
/// deleted elsewhere while open here).
pub fn save(backend: &dyn Backend, entry: &Entry, scenario: &Scenario, now_ms: f64) -> Saved {
    if let Some(text) = backend.get(&entry.key) {
        // Autosave runs on every keystroke: only the header is checked; a
        // record another version wrote has another schema or revision.
        let header = serde_json::from_str::<Value>(&text).ok();
        let field = |name: &str| header.as_ref().and_then(|h| h.get(name)).and_then(Value::as_u64);
        if field("schema") != Some(SCHEMA) || field("revision") != Some(entry.revision) {
            if let Some(stored) = read(backend, &entry.key) {
                return Saved::Conflict(Box::new(stored));
            }
        }
    }
    let revision = entry.revision + 1;
    let record = Record {
        schema: SCHEMA,
        id: entry.id.clone(),
        name: entry.name.clone(),
        created_ms: entry.created_ms,
        updated_ms: now_ms,
        revision,
        scenario: serde_json::to_value(scenario).expect("a scenario serializes"),
    };
    match backend.set(&entry.key, &serde_json::to_string(&record).expect("a record serializes")) {
        Ok(()) => Saved::Written(revision),
        Err(e) => Saved::Failed(e),
    }
}

/// A fresh entry id no stored record uses.
pub fn new_id(backend: &dyn Backend, now_ms: f64, nonce: u32) -> String {
    let mut n = nonce;
    loop {
        let id = format!("{:x}-{n:x}", now_ms as u64);
        if backend.get(&entry_key(&id)).is_none() {
            return id;
        }
        n = n.wrapping_add(1);
    }
}

/// Everything stored, in creation order, and what the user should know.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub entries: Vec<Entry>,
    /// The scenario opened last (schema 2's `current`, or [`LAST_OPEN_KEY`]).
    pub last_open: Option<String>,
    pub notice: Option<String>,
}

/// Reads every record, moving an old-layout library to per-entry keys first.
pub fn load(backend: &dyn Backend) -> Loaded {
    let migrated = migrate_legacy(backend);
    let mut entries: Vec<Entry> = backend.keys().into_iter().filter(|k| k.starts_with(ENTRY_PREFIX)).filter_map(|k| read(backend, &k)).collect();
    // Old-layout entries that could not be written yet stay in memory.
    for pending in migrated.pending {
        if !entries.iter().any(|e| e.key == pending.key) {
            entries.push(pending);
        }
    }
    entries.sort_by(|a, b| a.created_ms.total_cmp(&b.created_ms).then_with(|| a.id.cmp(&b.id)));
    // What earlier versions could not read stays where it is, shown read-only.
    for key in [LEGACY_KEY, LEGACY_BACKUP_KEY] {
        if let Some(text) = backend.get(key).filter(|_| key != LEGACY_KEY || migrated.unreadable.is_some()) {
            let (why, newer) = match (&migrated.unreadable, key) {
                (Some(u), LEGACY_KEY) => (u.why.clone(), u.newer),
                _ => ("an earlier version could not read it and kept it as a backup".to_string(), false),
            };
            let name = if key == LEGACY_KEY { "Saved library" } else { "Backup of a saved library" };
            entries.push(Entry {
                id: key.to_string(),
                name: name.into(),
                created_ms: 0.0,
                updated_ms: 0.0,
                revision: 0,
                content: Content::Unreadable(Unreadable { raw: text, why, newer }),
                key: key.to_string(),
            });
        }
    }
    let last_open = migrated.current.or_else(|| backend.get(LAST_OPEN_KEY));
    Loaded { entries, last_open, notice: migrated.notice }
}

#[derive(Default)]
struct Migrated {
    current: Option<String>,
    /// Entries whose record could not be written (storage full).
    pending: Vec<Entry>,
    /// The old library, when this build cannot read it.
    unreadable: Option<Unreadable>,
    notice: Option<String>,
}

/// Schema 1 and 2 → one record per entry. The old key is removed only
/// once every entry is stored; an entry whose id is already taken by a
/// different record is stored as a copy.
fn migrate_legacy(backend: &dyn Backend) -> Migrated {
    let Some(text) = backend.get(LEGACY_KEY) else { return Migrated::default() };
    let old = match legacy_entries(&text) {
        Ok(old) => old,
        Err((why, newer)) => {
            let notice = format!("Saved scenarios from another version of the playground could not be read ({why}). They are kept as they are, listed under Saved as \"Saved library\"; export them from there.");
            return Migrated { unreadable: Some(Unreadable { raw: text, why, newer }), notice: Some(notice), ..Migrated::default() };
        }
    };
    let mut migrated = Migrated { current: old.current.clone(), ..Migrated::default() };
    let mut failure = None;
    for (n, (id, name, updated_ms, value)) in old.entries.into_iter().enumerate() {
        let mut id = id;
        if let Some(existing) = backend.get(&entry_key(&id)) {
            let same = serde_json::from_str::<Value>(&existing).ok().and_then(|r| r.get("scenario").cloned()) == Some(value.clone());
            if same {
                continue;
            }
            id = new_id(backend, updated_ms, n as u32);
        }
        let record = Record { schema: SCHEMA, id: id.clone(), name: name.clone(), created_ms: n as f64, updated_ms, revision: 1, scenario: value.clone() };
        let key = entry_key(&id);
        if let Err(e) = backend.set(&key, &serde_json::to_string(&record).expect("a record serializes")) {
            failure = Some(e);
            let content = match open_scenario(&value) {
                Ok(s) => Content::Scenario(Box::new(s)),
                Err(u) => Content::Unreadable(u),
            };
            migrated.pending.push(Entry { id, name, created_ms: n as f64, updated_ms, revision: 0, content, key });
        }
    }
    match failure {
        None => backend.remove(LEGACY_KEY),
        Some(e) => {
            migrated.notice = Some(format!(
                "Your saved scenarios could not all be moved to the new storage layout: {e}. They are all still here and kept under their old key until they can be moved."
            ))
        }
    }
    migrated
}

struct LegacyLibrary {
    current: Option<String>,
    /// (id, name, updatedMs, scenario)
    entries: Vec<(String, String, f64, Value)>,
}

/// Reads schema 1 (`{"schema":1,"scenario":…}`) and 2 (`{"schema":2,"current":…,"entries":[…]}`).
fn legacy_entries(text: &str) -> Result<LegacyLibrary, (String, bool)> {
    let value: Value = serde_json::from_str(text).map_err(|e| (format!("not valid JSON: {e}"), false))?;
    let schema = value.get("schema").and_then(Value::as_u64).ok_or(("no schema number".to_string(), false))?;
    match schema {
        1 => {
            let scenario = value.get("scenario").cloned().ok_or(("schema 1 without a scenario".to_string(), false))?;
            let name = scenario.get("name").and_then(Value::as_str).unwrap_or("Untitled action").to_string();
            Ok(LegacyLibrary { current: Some("draft".into()), entries: vec![("draft".into(), name, 0.0, scenario)] })
        }
        2 => {
            let entries = value.get("entries").and_then(Value::as_array).ok_or(("schema 2 without entries".to_string(), false))?;
            let entries = entries
                .iter()
                .map(|e| {
                    let id = e.get("id").and_then(Value::as_str).filter(|id| !id.is_empty()).ok_or("an entry without an id")?;
                    let scenario = e.get("scenario").cloned().ok_or("an entry without a scenario")?;
                    let name = e.get("name").and_then(Value::as_str).unwrap_or("Untitled action");
                    Ok((id.to_string(), name.to_string(), e.get("updatedMs").and_then(Value::as_f64).unwrap_or(0.0), scenario))
                })
                .collect::<Result<Vec<_>, &str>>()
                .map_err(|why| (why.to_string(), false))?;
            Ok(LegacyLibrary { current: value.get("current").and_then(Value::as_str).map(String::from), entries })
        }
        newer => Err((format!("they were saved by a newer version of the playground (schema {newer})"), true)),
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// Storage in memory; `full` refuses writes as a full quota does.
    #[derive(Default)]
    pub struct Memory {
        pub map: RefCell<BTreeMap<String, String>>,
        pub full: std::cell::Cell<bool>,
    }
    impl Backend for Memory {
        fn get(&self, key: &str) -> Option<String> {
            self.map.borrow().get(key).cloned()
        }
        fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
            if self.full.get() {
                return Err(WriteError::Full);
            }
            self.map.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) {
            self.map.borrow_mut().remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.map.borrow().keys().cloned().collect()
        }
    }

    pub fn scenario(code: &str) -> Scenario {
        parse_scenario(&serde_json::json!({ "version": 1, "code": code, "unknownKey": [1, 2] }).to_string()).unwrap()
    }

    fn fresh_entry(backend: &dyn Backend, name: &str) -> Entry {
        let id = new_id(backend, 1000.0, 0);
        Entry {
            key: entry_key(&id),
            id,
            name: name.into(),
            created_ms: 1000.0,
            updated_ms: 1000.0,
            revision: 0,
            content: Content::Scenario(Box::new(scenario("x"))),
        }
    }

    #[test]
    fn save_then_load_keeps_unknown_keys_and_counts_revisions() {
        let backend = Memory::default();
        let mut entry = fresh_entry(&backend, "A");
        assert_eq!(save(&backend, &entry, &scenario("a"), 5.0), Saved::Written(1));
        entry.revision = 1;
        assert_eq!(save(&backend, &entry, &scenario("a2"), 6.0), Saved::Written(2));
        let loaded = load(&backend);
        assert_eq!(loaded.entries.len(), 1);
        let back = &loaded.entries[0];
        assert_eq!((back.name.as_str(), back.revision), ("A", 2));
        assert_eq!(back.scenario().unwrap().code, "a2");
        assert_eq!(back.scenario().unwrap().extra["unknownKey"], serde_json::json!([1, 2]));
    }

    #[test]
    fn a_stale_revision_is_a_conflict_and_writes_nothing() {
        let backend = Memory::default();
        let entry = fresh_entry(&backend, "A");
        save(&backend, &entry, &scenario("first"), 1.0);
        // Another tab read revision 1 and saved revision 2; this tab still knows 1... or 0.
        let stale = Entry { revision: 0, ..entry.clone() };
        let before = backend.get(&entry.key);
        match save(&backend, &stale, &scenario("mine"), 2.0) {
            Saved::Conflict(stored) => assert_eq!(stored.scenario().unwrap().code, "first"),
            other => panic!("{other:?}"),
        }
        assert_eq!(backend.get(&entry.key), before);
    }

    #[test]
    fn a_record_from_a_newer_version_is_kept_and_never_overwritten() {
        let backend = Memory::default();
        let newer_scenario = r#"{"schema":3,"id":"n1","name":"From the future","revision":4,"scenario":{"version":1,"runtime":"nodejs26","code":"x"}}"#;
        let newer_record = r#"{"schema":9,"id":"n2","name":"Schema 9","whatever":true}"#;
        backend.set(&entry_key("n1"), newer_scenario).unwrap();
        backend.set(&entry_key("n2"), newer_record).unwrap();
        backend.set(&entry_key("n3"), "{damaged").unwrap();
        let loaded = load(&backend);
        let labels: Vec<String> = loaded.entries.iter().map(Entry::label).collect();
        assert_eq!(labels, ["From the future (made by a newer version)", "Schema 9 (made by a newer version)", "Saved scenario (cannot be read)"]);
        match &loaded.entries[0].content {
            Content::Unreadable(u) => {
                assert_eq!(u.raw, newer_scenario);
                assert!(u.why.contains("nodejs26"), "{}", u.why);
            }
            other => panic!("{other:?}"),
        }
        // A save over it from a tab that read the entry before the newer version saved it is refused.
        let mine = Entry { content: Content::Scenario(Box::new(scenario("x"))), revision: 3, ..loaded.entries[0].clone() };
        assert!(matches!(save(&backend, &mine, &scenario("mine"), 1.0), Saved::Conflict(_)));
        assert_eq!(backend.get(&entry_key("n1")).as_deref(), Some(newer_scenario));
    }

    #[test]
    fn work_in_progress_the_parser_refuses_still_opens() {
        let backend = Memory::default();
        let entry = fresh_entry(&backend, "typo");
        let mut s = scenario("x");
        s.settings.timezone = "Mars/Base".into();
        save(&backend, &entry, &s, 1.0);
        let loaded = load(&backend);
        assert_eq!(loaded.entries[0].scenario().unwrap().settings.timezone, "Mars/Base");
        // …but not a scenario over the size bounds.
        let too_many: Vec<Value> = (0..101).map(|i| serde_json::json!({"name": format!("o{i}"), "type": "string"})).collect();
        let value = serde_json::json!({"version": 1, "code": "x", "outputs": too_many});
        let refused = open_scenario(&value).unwrap_err();
        assert!(refused.why.contains("outputs"), "{}", refused.why);
    }

    #[test]
    fn schema_2_moves_to_one_key_per_entry() {
        let backend = Memory::default();
        let old = r#"{"schema":2,"current":"b-1","entries":[
            {"id":"a-0","name":"A","updatedMs":10,"scenario":{"version":1,"code":"a","kept":{"x":1}}},
            {"id":"b-1","name":"B","updatedMs":20,"scenario":{"version":1,"code":"b"}}]}"#;
        backend.set(LEGACY_KEY, old).unwrap();
        let loaded = load(&backend);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.last_open.as_deref(), Some("b-1"));
        let names: Vec<&str> = loaded.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(loaded.entries[0].scenario().unwrap().extra["kept"], serde_json::json!({"x": 1}));
        assert_eq!(backend.get(LEGACY_KEY), None);
        assert!(backend.get(&entry_key("a-0")).is_some() && backend.get(&entry_key("b-1")).is_some());
        // Loading again finds the same entries.
        assert_eq!(load(&backend).entries, loaded.entries);
    }

    #[test]
    fn schema_1_moves_too() {
        let backend = Memory::default();
        backend.set(LEGACY_KEY, r#"{"schema":1,"scenario":{"version":1,"name":"Old draft","code":"x"}}"#).unwrap();
        let loaded = load(&backend);
        assert_eq!(loaded.entries.len(), 1);
        assert_eq!(loaded.entries[0].name, "Old draft");
        assert_eq!(loaded.last_open.as_deref(), Some(loaded.entries[0].id.as_str()));
    }

    #[test]
    fn a_migration_that_cannot_write_keeps_the_old_key_and_every_entry() {
        let backend = Memory::default();
        let old = r#"{"schema":2,"current":null,"entries":[{"id":"a-0","name":"A","updatedMs":1,"scenario":{"version":1,"code":"a"}}]}"#;
        backend.set(LEGACY_KEY, old).unwrap();
        backend.full.set(true);
        let loaded = load(&backend);
        assert_eq!(backend.get(LEGACY_KEY).as_deref(), Some(old));
        assert_eq!(loaded.entries.len(), 1);
        assert_eq!(loaded.entries[0].revision, 0);
        assert!(loaded.notice.unwrap().contains("storage for the playground is full"));
        // Room again: the next load finishes the move.
        backend.full.set(false);
        let loaded = load(&backend);
        assert_eq!(backend.get(LEGACY_KEY), None);
        assert_eq!(loaded.entries[0].scenario().unwrap().code, "a");
    }

    #[test]
    fn an_id_taken_by_a_different_record_migrates_as_a_copy() {
        let backend = Memory::default();
        let entry = Entry { key: entry_key("a-0"), id: "a-0".into(), ..fresh_entry(&backend, "A") };
        save(&backend, &entry, &scenario("newer edit"), 1.0);
        backend
            .set(LEGACY_KEY, r#"{"schema":2,"current":null,"entries":[{"id":"a-0","name":"A","updatedMs":1,"scenario":{"version":1,"code":"old"}}]}"#)
            .unwrap();
        let codes: Vec<String> = load(&backend).entries.iter().map(|e| e.scenario().unwrap().code.clone()).collect();
        assert_eq!(codes.len(), 2);
        assert!(codes.contains(&"newer edit".to_string()) && codes.contains(&"old".to_string()));
    }

    #[test]
    fn an_unreadable_old_library_stays_in_place_read_only() {
        for (bad, newer) in [("{not json", false), (r#"{"schema":99,"whatever":1}"#, true)] {
            let backend = Memory::default();
            backend.set(LEGACY_KEY, bad).unwrap();
            backend.full.set(true); // no backup needed, so none can fail
            let loaded = load(&backend);
            assert_eq!(backend.get(LEGACY_KEY).as_deref(), Some(bad));
            assert!(loaded.notice.unwrap().contains("kept as they are"));
            let entry = &loaded.entries[0];
            assert_eq!(entry.key, LEGACY_KEY);
            assert!(matches!(&entry.content, Content::Unreadable(u) if u.raw == bad && u.newer == newer));
        }
    }

    #[test]
    fn an_old_backup_is_listed() {
        let backend = Memory::default();
        backend.set(LEGACY_BACKUP_KEY, "{old backup").unwrap();
        let loaded = load(&backend);
        assert_eq!(loaded.entries[0].label(), "Backup of a saved library (cannot be read)");
    }
}
