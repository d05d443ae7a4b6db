//! Saved work in `localStorage`: a library of named scenarios and which one
//! is open, under one key, with a schema number and migrations. Nothing is
//! ever dropped: data this build cannot read (corrupt, or written by a newer
//! build) is copied to a backup key before a fresh library starts.

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const STORAGE_KEY: &str = "action-playground.library";
pub const BACKUP_KEY: &str = "action-playground.library.backup";

/// The library's layout. 1 was the first layout (one autosaved draft,
/// `{"schema":1,"scenario":{…}}`); 2 keeps several named scenarios.
pub const SCHEMA: u64 = 2;

/// Where the library is kept: `localStorage` in the browser, a map in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub updated_ms: f64,
    /// The scenario file, kept as JSON so unknown keys survive.
    pub scenario: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Library {
    pub schema: u64,
    pub current: Option<String>,
    pub entries: Vec<Entry>,
}

impl Default for Library {
    fn default() -> Self {
        Library { schema: SCHEMA, current: None, entries: Vec::new() }
    }
}

/// What loading found, and anything the user should be told.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub library: Library,
    pub notice: Option<String>,
}

impl Library {
    pub fn load(backend: &dyn Backend) -> Loaded {
        let Some(text) = backend.get(STORAGE_KEY) else {
            return Loaded { library: Library::default(), notice: None };
        };
        match serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()).and_then(migrate) {
            Ok(library) => Loaded { library, notice: None },
            Err(why) => {
                let kept = backend.set(BACKUP_KEY, &text).is_ok();
                let notice = if kept {
                    format!("Your saved scenarios could not be read ({why}). They were kept under the key \"{BACKUP_KEY}\" in this browser's storage; a new library was started.")
                } else {
                    format!("Your saved scenarios could not be read ({why}), and there was no room to back them up; nothing will be saved until you reload.")
                };
                Loaded { library: Library::default(), notice: Some(notice) }
            }
        }
    }

    pub fn save(&self, backend: &dyn Backend) -> Result<(), String> {
        let text = serde_json::to_string(self).expect("the library serializes");
        backend.set(STORAGE_KEY, &text)
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Adds a scenario and makes it current; returns its id.
    pub fn add(&mut self, name: &str, scenario: Value, now_ms: f64) -> String {
        let mut n = self.entries.len() as u64;
        let id = loop {
            let candidate = format!("{:x}-{n}", now_ms as u64);
            if self.get(&candidate).is_none() {
                break candidate;
            }
            n += 1;
        };
        self.entries.push(Entry { id: id.clone(), name: name.to_string(), updated_ms: now_ms, scenario });
        self.current = Some(id.clone());
        id
    }

    /// Writes the open scenario back (autosave).
    pub fn update(&mut self, id: &str, name: &str, scenario: Value, now_ms: f64) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.name = name.to_string();
            entry.scenario = scenario;
            entry.updated_ms = now_ms;
        }
    }

    pub fn duplicate(&mut self, id: &str, now_ms: f64) -> Option<String> {
        let entry = self.get(id)?.clone();
        Some(self.add(&format!("{} (copy)", entry.name), entry.scenario, now_ms))
    }

    /// Deletes an entry; the current one moves to a neighbour.
    pub fn delete(&mut self, id: &str) {
        let Some(index) = self.entries.iter().position(|e| e.id == id) else { return };
        self.entries.remove(index);
        if self.current.as_deref() == Some(id) {
            self.current = self.entries.get(index.min(self.entries.len().saturating_sub(1))).map(|e| e.id.clone());
        }
    }
}

/// Brings any layout this build knows up to [`SCHEMA`].
fn migrate(mut value: Value) -> Result<Library, String> {
    let schema = value.get("schema").and_then(Value::as_u64).ok_or("no schema number")?;
    if schema > SCHEMA {
        return Err(format!("they were saved by a newer version of the playground (schema {schema})"));
    }
    if schema == 1 {
        let scenario = value.get_mut("scenario").map(Value::take).ok_or("schema 1 without a scenario")?;
        let name = scenario.get("name").and_then(Value::as_str).unwrap_or("Untitled action").to_string();
        let mut library = Library::default();
        library.add(&name, scenario, 0.0);
        return Ok(library);
    }
    serde_json::from_value(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Memory(RefCell<HashMap<String, String>>);
    impl Backend for Memory {
        fn get(&self, key: &str) -> Option<String> {
            self.0.borrow().get(key).cloned()
        }
        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            self.0.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
    }

    fn scenario(code: &str) -> Value {
        serde_json::json!({ "version": 1, "code": code, "unknownKey": [1, 2] })
    }

    #[test]
    fn save_then_load_gives_the_same_library() {
        let backend = Memory::default();
        let mut library = Library::default();
        let a = library.add("A", scenario("a"), 1.0);
        library.add("B", scenario("b"), 2.0);
        library.update(&a, "A renamed", scenario("a2"), 3.0);
        library.save(&backend).unwrap();
        let loaded = Library::load(&backend);
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.library, library);
        assert_eq!(loaded.library.get(&a).unwrap().scenario["unknownKey"], serde_json::json!([1, 2]));
    }

    #[test]
    fn duplicate_and_delete_move_the_current_entry() {
        let mut library = Library::default();
        let a = library.add("A", scenario("a"), 1.0);
        let copy = library.duplicate(&a, 1.0).unwrap();
        assert_ne!(copy, a);
        assert_eq!(library.get(&copy).unwrap().name, "A (copy)");
        assert_eq!(library.current.as_deref(), Some(copy.as_str()));
        library.delete(&copy);
        assert_eq!(library.current.as_deref(), Some(a.as_str()));
        library.delete(&a);
        assert_eq!(library.current, None);
    }

    #[test]
    fn schema_1_is_migrated() {
        let backend = Memory::default();
        backend.set(STORAGE_KEY, r#"{"schema":1,"scenario":{"version":1,"name":"Old draft","code":"x"}}"#).unwrap();
        let loaded = Library::load(&backend);
        assert_eq!(loaded.library.schema, SCHEMA);
        assert_eq!(loaded.library.entries.len(), 1);
        assert_eq!(loaded.library.entries[0].name, "Old draft");
        assert_eq!(loaded.library.current.as_deref(), Some(loaded.library.entries[0].id.as_str()));
    }

    #[test]
    fn unreadable_data_is_backed_up_not_lost() {
        for bad in ["{not json", r#"{"schema":99,"whatever":1}"#] {
            let backend = Memory::default();
            backend.set(STORAGE_KEY, bad).unwrap();
            let loaded = Library::load(&backend);
            assert!(loaded.library.entries.is_empty());
            assert!(loaded.notice.unwrap().contains(BACKUP_KEY));
            assert_eq!(backend.get(BACKUP_KEY).as_deref(), Some(bad));
        }
    }
}
