//! The screen's state without a DOM: the saved library, which scenario is
//! open, and what the user is told. Every library, link, import, export
//! and undo transition is an [`Action`] applied by [`Workbench::apply`]
//! against a storage [`Backend`], so it is unit-tested natively; the app
//! only renders this state, dispatches actions and carries out [`Effect`]s.

use crate::share;
use crate::store::{self, Backend, Content, Entry, Saved};
use crate::{samples, workspace};
use action_playground::{parse_scenario, Scenario};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The editor changed [`Workbench::scenario`]: autosave it.
    Edited,
    Open(String),
    New,
    Duplicate,
    Delete,
    UndoDelete,
    LoadSample(String),
    /// A share link's fragment (with or without `#`).
    OpenLink(String),
    /// A file chosen under Import: its name and text (or why it could not be read).
    Imported {
        name: String,
        result: Result<String, String>,
    },
    Export,
    /// The answer to "include secret values?".
    ExportChosen {
        include_secrets: bool,
    },
    CancelExport,
    /// Another tab changed storage (`None`: it cleared everything).
    StorageChanged(Option<String>),
    Dismiss,
}

/// What the app must do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Download {
        file_name: String,
        text: String,
    },
    /// The link in the address bar was opened: remove it.
    ClearLink,
}

/// The page's outside world as the reducer needs it.
pub struct Env<'a> {
    pub backend: &'a dyn Backend,
    pub now_ms: f64,
    /// Randomness for new entry ids (two tabs may add one in the same millisecond).
    pub nonce: u32,
}

pub struct Workbench {
    pub entries: Vec<Entry>,
    /// The id of the open entry.
    pub current: String,
    /// The open scenario as edited (for a read-only entry: the last one edited).
    pub scenario: Scenario,
    pub notice: Option<Notice>,
    /// The last save failed: shown until a save succeeds.
    pub save_problem: Option<String>,
    /// Deleted, for Undo.
    pub deleted: Option<Entry>,
    /// Export waits for the answer to "include secret values?".
    pub export_prompt: bool,
    /// The open scenario has edits storage does not hold.
    unsaved: bool,
}

pub fn display_name(scenario: &Scenario) -> String {
    scenario.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "Untitled action".into())
}

fn info(text: impl Into<String>) -> Option<Notice> {
    Some(Notice { tone: Tone::Info, text: text.into() })
}

fn error(text: impl Into<String>) -> Option<Notice> {
    Some(Notice { tone: Tone::Error, text: text.into() })
}

impl Workbench {
    /// Loads the library and opens `preferred` (this tab's last scenario),
    /// else the last one opened anywhere, else the first; a new action when
    /// nothing readable is stored. Loading never writes over anything.
    pub fn start(env: &Env, preferred: Option<String>) -> Self {
        let loaded = store::load(env.backend);
        let mut bench = Workbench {
            entries: loaded.entries,
            current: String::new(),
            scenario: workspace::new_action(),
            notice: loaded.notice.and_then(error),
            save_problem: None,
            deleted: None,
            export_prompt: false,
            unsaved: false,
        };
        let known = |id: &Option<String>| id.clone().filter(|id| bench.entries.iter().any(|e| &e.id == id));
        let first_readable = bench.entries.iter().find(|e| e.scenario().is_some()).map(|e| e.id.clone());
        match known(&preferred).or_else(|| known(&loaded.last_open)).or(first_readable) {
            Some(id) => bench.open(env, &id),
            None => bench.add(env, workspace::new_action()),
        }
        bench
    }

    pub fn current_entry(&self) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == self.current)
    }

    /// Why the open scenario cannot be edited or run, if it cannot.
    pub fn read_only(&self) -> Option<&store::Unreadable> {
        match &self.current_entry()?.content {
            Content::Unreadable(u) => Some(u),
            Content::Scenario(_) => None,
        }
    }

    pub fn apply(&mut self, env: &Env, action: Action) -> Option<Effect> {
        match action {
            Action::Edited => {
                self.unsaved = true;
                self.persist(env);
            }
            Action::Open(id) => self.open(env, &id),
            Action::New => self.add(env, workspace::new_action()),
            Action::Duplicate => {
                let mut copy = self.scenario.clone();
                copy.name = Some(format!("{} (copy)", display_name(&copy)));
                if self.read_only().is_none() {
                    self.add(env, copy);
                }
            }
            Action::Delete => self.delete(env),
            Action::UndoDelete => self.undo_delete(env),
            Action::LoadSample(id) => {
                if let Some(scenario) = samples::load(&id) {
                    self.add(env, scenario);
                    self.notice = info("Sample loaded as a new scenario (your other scenarios are in the Saved list). Press Test to run it.");
                }
            }
            Action::OpenLink(fragment) => return self.open_link(env, &fragment),
            Action::Imported { name, result } => match result.and_then(|text| parse_scenario(&text).map_err(|e| e.to_string())) {
                Ok(scenario) => {
                    self.add(env, scenario);
                    self.notice = info(format!("Imported {name} as a new scenario."));
                }
                Err(why) => self.notice = error(format!("{name} was not imported: {why}. Nothing was changed.")),
            },
            Action::Export => {
                if self.read_only().is_none() && self.scenario.has_secret_values() {
                    self.export_prompt = true;
                } else {
                    return Some(self.export(true));
                }
            }
            Action::ExportChosen { include_secrets } => {
                self.export_prompt = false;
                return Some(self.export(include_secrets));
            }
            Action::CancelExport => self.export_prompt = false,
            Action::StorageChanged(key) => self.storage_changed(env, key),
            Action::Dismiss => {
                self.notice = None;
                self.deleted = None;
            }
        }
        None
    }

    fn open(&mut self, env: &Env, id: &str) {
        let Some(entry) = self.entries.iter().find(|e| e.id == id) else { return };
        if let Some(scenario) = entry.scenario() {
            self.scenario = scenario.clone();
        }
        self.current = id.to_string();
        self.unsaved = false;
        self.export_prompt = false;
        // Which scenario a new tab opens: a hint, not work, so a failure is ignored.
        let _ = env.backend.set(store::LAST_OPEN_KEY, id);
    }

    /// Adds `scenario` as a new entry, saves it and opens it.
    fn add(&mut self, env: &Env, scenario: Scenario) {
        let id = store::new_id(env.backend, env.now_ms, env.nonce);
        let entry = Entry {
            key: store::entry_key(&id),
            id: id.clone(),
            name: display_name(&scenario),
            created_ms: env.now_ms,
            updated_ms: env.now_ms,
            revision: 0,
            content: Content::Scenario(Box::new(scenario)),
        };
        self.entries.push(entry);
        self.open(env, &id);
        self.unsaved = true;
        self.persist(env);
    }

    /// Autosave: the open scenario goes to its own record, if storage still
    /// holds the revision this tab last saw.
    fn persist(&mut self, env: &Env) {
        if self.read_only().is_some() {
            return;
        }
        let Some(index) = self.entries.iter().position(|e| e.id == self.current) else { return };
        self.entries[index].name = display_name(&self.scenario);
        match store::save(env.backend, &self.entries[index], &self.scenario, env.now_ms) {
            Saved::Written(revision) => {
                let entry = &mut self.entries[index];
                entry.revision = revision;
                entry.updated_ms = env.now_ms;
                entry.content = Content::Scenario(Box::new(self.scenario.clone()));
                self.save_problem = None;
                self.unsaved = false;
            }
            Saved::Failed(why) => self.save_problem = Some(format!("Not saved: {why}.")),
            Saved::Conflict(theirs) => {
                // Both are kept: theirs under its id, ours as a new entry.
                let name = theirs.name.clone();
                self.entries[index] = *theirs;
                let mut ours = self.scenario.clone();
                ours.name = Some(format!("{} (this tab's copy)", display_name(&ours)));
                let copy = display_name(&ours);
                self.add(env, ours);
                self.notice = error(format!(
                    "\"{name}\" was changed in another tab at the same time. Both versions are kept: the other tab's as \"{name}\", this tab's as \"{copy}\" (open now)."
                ));
            }
        }
    }

    fn delete(&mut self, env: &Env) {
        let Some(index) = self.entries.iter().position(|e| e.id == self.current) else { return };
        let mut entry = self.entries.remove(index);
        if let Content::Scenario(_) = entry.content {
            entry.content = Content::Scenario(Box::new(self.scenario.clone()));
        }
        env.backend.remove(&entry.key);
        self.notice = info(format!("Deleted \"{}\".", entry.name));
        self.deleted = Some(entry);
        let neighbour = self.entries.get(index.min(self.entries.len().saturating_sub(1))).map(|e| e.id.clone());
        match neighbour {
            Some(id) => self.open(env, &id),
            None => self.add(env, workspace::new_action()),
        }
    }

    fn undo_delete(&mut self, env: &Env) {
        let Some(mut entry) = self.deleted.take() else { return };
        self.notice = None;
        match entry.content.clone() {
            Content::Scenario(scenario) => {
                if env.backend.get(&entry.key).is_some() {
                    self.add(env, *scenario);
                    return;
                }
                entry.revision = 0;
                let id = entry.id.clone();
                self.insert(entry);
                self.open(env, &id);
                self.unsaved = true;
                self.persist(env);
            }
            Content::Unreadable(u) => {
                // Put back byte for byte, unless its key was taken meanwhile.
                let restored = env.backend.get(&entry.key).is_none() && env.backend.set(&entry.key, &u.raw).is_ok();
                if restored {
                    let id = entry.id.clone();
                    self.insert(entry);
                    self.open(env, &id);
                } else {
                    self.notice = error("It could not be put back (storage is full or the name is taken). Export it before it is gone.");
                    self.deleted = Some(entry);
                }
            }
        }
    }

    /// Adds an entry in creation order.
    fn insert(&mut self, entry: Entry) {
        let at = self.entries.iter().position(|e| e.created_ms > entry.created_ms).unwrap_or(self.entries.len());
        self.entries.insert(at, entry);
    }

    /// A share link opens as a new entry; a refused one changes nothing.
    fn open_link(&mut self, env: &Env, fragment: &str) -> Option<Effect> {
        if fragment.trim_start_matches('#').is_empty() {
            return None;
        }
        match share::decode(fragment) {
            Ok(shared) => {
                let mut scenario = shared.scenario;
                scenario.name = Some(format!("{} (shared)", display_name(&scenario)));
                self.add(env, scenario);
                let mut text = "Opened a shared link as a new scenario; your saved work is untouched.".to_string();
                if !shared.blank_secrets.is_empty() {
                    text.push_str(&format!(" Links never carry secret values: fill in {} under Secrets.", shared.blank_secrets.join(", ")));
                }
                self.notice = info(text);
                Some(Effect::ClearLink)
            }
            Err(why) => {
                self.notice = error(format!("{why} Nothing was changed."));
                None
            }
        }
    }

    fn export(&self, include_secrets: bool) -> Effect {
        let (name, text) = match self.current_entry().map(|e| (&e.name, &e.content)) {
            Some((name, Content::Unreadable(u))) => (name.clone(), u.raw.clone()),
            _ => {
                let scenario = if include_secrets { self.scenario.clone() } else { self.scenario.without_secret_values() };
                (display_name(&scenario), serde_json::to_string_pretty(&scenario).expect("a scenario serializes") + "\n")
            }
        };
        let stem: String = name.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' }).collect();
        Effect::Download { file_name: format!("{}.json", stem.trim_matches('-').to_lowercase()), text }
    }

    /// Another tab wrote, removed or cleared records: follow it, never
    /// dropping what is open here.
    fn storage_changed(&mut self, env: &Env, key: Option<String>) {
        let keys: Vec<String> = match key {
            Some(key) if key.starts_with(store::ENTRY_PREFIX) => vec![key],
            Some(_) => return,
            None => {
                let mut keys: Vec<String> = env.backend.keys().into_iter().filter(|k| k.starts_with(store::ENTRY_PREFIX)).collect();
                keys.extend(self.entries.iter().filter(|e| e.key.starts_with(store::ENTRY_PREFIX)).map(|e| e.key.clone()));
                keys.sort();
                keys.dedup();
                keys
            }
        };
        for key in keys {
            self.follow(&key, store::read(env.backend, &key));
        }
    }

    fn follow(&mut self, key: &str, stored: Option<Entry>) {
        let index = self.entries.iter().position(|e| e.key == key);
        let open_here = index.is_some_and(|i| self.entries[i].id == self.current);
        match (index, stored) {
            (Some(i), None) if open_here => {
                // Saved again with the next edit.
                self.entries[i].revision = 0;
                self.notice = info(format!("\"{}\" was deleted in another tab. It stays open here and is saved again when you edit it.", self.entries[i].name));
            }
            (Some(i), None) => {
                self.entries.remove(i);
            }
            (Some(i), Some(stored)) if open_here => {
                if stored.revision == self.entries[i].revision || self.unsaved {
                    // Unsaved edits here: the next save finds the conflict and keeps both.
                    return;
                }
                if let Some(theirs) = stored.scenario() {
                    self.scenario = theirs.clone();
                    self.notice = info(format!("\"{}\" was changed in another tab; this tab now shows that version.", stored.name));
                    self.entries[i] = stored;
                }
            }
            (Some(i), Some(stored)) => self.entries[i] = stored,
            (None, Some(stored)) => self.insert(stored),
            (None, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{scenario, Memory};
    use serde_json::Value;
    use std::cell::Cell;

    struct Clock(Cell<f64>);
    impl Clock {
        fn env<'a>(&self, backend: &'a Memory) -> Env<'a> {
            self.0.set(self.0.get() + 1.0);
            Env { backend, now_ms: self.0.get(), nonce: 7 }
        }
    }
    fn clock() -> Clock {
        Clock(Cell::new(1_700_000_000_000.0))
    }

    fn edit(bench: &mut Workbench, env: &Env, code: &str) {
        bench.scenario.code = code.into();
        bench.apply(env, Action::Edited);
    }

    fn stored_codes(backend: &Memory) -> Vec<String> {
        let mut codes: Vec<String> = store::load(backend).entries.iter().filter_map(|e| e.scenario().map(|s| s.code.clone())).collect();
        codes.sort();
        codes
    }

    #[test]
    fn a_first_visit_saves_a_new_action() {
        let (backend, clock) = (Memory::default(), clock());
        let bench = Workbench::start(&clock.env(&backend), None);
        assert_eq!(bench.entries.len(), 1);
        assert_eq!(store::load(&backend).entries.len(), 1);
        assert_eq!(bench.scenario, workspace::new_action());
    }

    #[test]
    fn a_newer_versions_entry_opens_read_only_and_is_never_saved_over() {
        let (backend, clock) = (Memory::default(), clock());
        let raw = r#"{"schema":3,"id":"n1","name":"Future","revision":1,"scenario":{"version":1,"runtime":"nodejs26","code":"x"}}"#;
        backend.set(&store::entry_key("n1"), raw).unwrap();
        let mut bench = Workbench::start(&clock.env(&backend), Some("n1".into()));
        assert_eq!(bench.current, "n1");
        assert!(bench.read_only().unwrap().newer);
        edit(&mut bench, &clock.env(&backend), "typed anyway");
        assert_eq!(backend.get(&store::entry_key("n1")).as_deref(), Some(raw));
        // Export writes it byte for byte.
        let Some(Effect::Download { text, .. }) = bench.apply(&clock.env(&backend), Action::Export) else { panic!() };
        assert_eq!(text, raw);
        // Reload: still there, still the same.
        let again = Workbench::start(&clock.env(&backend), None);
        assert!(again.entries.iter().any(|e| e.id == "n1" && e.label().contains("newer version")));
        assert_eq!(backend.get(&store::entry_key("n1")).as_deref(), Some(raw));
    }

    #[test]
    fn refused_links_change_nothing_and_say_why() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        let before = backend.map.borrow().clone();
        let outputs: Vec<Value> = (0..5000).map(|i| serde_json::json!({"name": format!("o{i}"), "type": "string"})).collect();
        let huge = serde_json::json!({"version": 1, "code": "x", "outputs": outputs}).to_string();
        let packed = miniz_oxide::deflate::compress_to_vec(huge.as_bytes(), 10);
        use base64::Engine;
        let over_bounds = format!("#s1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed));
        for (link, why) in [(over_bounds.as_str(), "outputs: 5000 outputs"), ("#s1.@@", "not valid base64")] {
            assert_eq!(bench.apply(&clock.env(&backend), Action::OpenLink(link.into())), None);
            let notice = bench.notice.clone().unwrap();
            assert_eq!(notice.tone, Tone::Error);
            assert!(notice.text.contains(why) && notice.text.contains("Nothing was changed"), "{}", notice.text);
            assert_eq!(*backend.map.borrow(), before);
            assert_eq!(bench.entries.len(), 1);
        }
    }

    #[test]
    fn a_link_opens_as_a_new_entry_and_the_old_one_is_untouched() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        edit(&mut bench, &clock.env(&backend), "mine");
        let link = share::encode(&scenario("theirs"));
        assert_eq!(bench.apply(&clock.env(&backend), Action::OpenLink(link)), Some(Effect::ClearLink));
        assert_eq!(bench.scenario.code, "theirs");
        assert_eq!(stored_codes(&backend), ["mine", "theirs"]);
    }

    #[test]
    fn import_goes_through_the_parser() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        let bad = r#"{"version":1,"code":"x","event":{"inputFields":[]}}"#;
        bench.apply(&clock.env(&backend), Action::Imported { name: "bad.json".into(), result: Ok(bad.into()) });
        assert!(bench.notice.clone().unwrap().text.contains("bad.json was not imported: event.inputFields"));
        assert_eq!(bench.entries.len(), 1);
        bench.apply(&clock.env(&backend), Action::Imported { name: "ok.json".into(), result: Ok(r#"{"version":1,"code":"ok"}"#.into()) });
        assert_eq!(bench.entries.len(), 2);
        assert_eq!(bench.scenario.code, "ok");
    }

    #[test]
    fn delete_then_undo_restores_the_entry() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        edit(&mut bench, &clock.env(&backend), "keep me");
        bench.apply(&clock.env(&backend), Action::New);
        bench.apply(&clock.env(&backend), Action::Open(bench.entries[0].id.clone()));
        let id = bench.current.clone();
        bench.apply(&clock.env(&backend), Action::Delete);
        assert_eq!(stored_codes(&backend).len(), 1);
        assert_ne!(bench.current, id);
        bench.apply(&clock.env(&backend), Action::UndoDelete);
        assert_eq!(bench.current, id);
        assert_eq!(bench.scenario.code, "keep me");
        assert_eq!(bench.entries.iter().map(|e| e.id.clone()).next(), Some(id));
        assert!(stored_codes(&backend).contains(&"keep me".to_string()));
    }

    #[test]
    fn a_failed_save_stays_visible_until_a_save_succeeds() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        backend.full.set(true);
        edit(&mut bench, &clock.env(&backend), "unsaved");
        assert!(bench.save_problem.clone().unwrap().contains("Export this scenario"));
        bench.apply(&clock.env(&backend), Action::LoadSample("composite-scoring".into()));
        bench.apply(&clock.env(&backend), Action::Dismiss);
        assert!(bench.save_problem.is_some());
        backend.full.set(false);
        edit(&mut bench, &clock.env(&backend), "saved");
        assert_eq!(bench.save_problem, None);
    }

    #[test]
    fn export_asks_about_secret_values() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        bench.scenario.secrets.insert("API_KEY".into(), Value::String("s3cret".into()));
        bench.apply(&clock.env(&backend), Action::Edited);
        assert_eq!(bench.apply(&clock.env(&backend), Action::Export), None);
        assert!(bench.export_prompt);
        let Some(Effect::Download { text, file_name }) = bench.apply(&clock.env(&backend), Action::ExportChosen { include_secrets: false }) else { panic!() };
        assert_eq!(file_name, "new-action.json");
        let exported = parse_scenario(&text).unwrap();
        assert_eq!(exported.secrets["API_KEY"], "");
        let Some(Effect::Download { text, .. }) = bench.apply(&clock.env(&backend), Action::ExportChosen { include_secrets: true }) else { panic!() };
        assert_eq!(parse_scenario(&text).unwrap(), bench.scenario);
    }

    #[test]
    fn export_carries_the_cases_and_asks_about_their_secret_values() {
        let (backend, clock) = (Memory::default(), clock());
        let mut bench = Workbench::start(&clock.env(&backend), None);
        bench.scenario.cases =
            serde_json::from_value(serde_json::json!([{"name": "other key", "secrets": {"KEY": "case-s3cret"}, "expect": {"status": "success"}}])).unwrap();
        bench.apply(&clock.env(&backend), Action::Edited);
        assert_eq!(bench.apply(&clock.env(&backend), Action::Export), None, "a case's secret value asks first");
        let Some(Effect::Download { text, .. }) = bench.apply(&clock.env(&backend), Action::ExportChosen { include_secrets: false }) else { panic!() };
        assert!(!text.contains("case-s3cret"));
        let exported = parse_scenario(&text).unwrap();
        assert_eq!(exported.cases.len(), 1);
        assert_eq!(exported.cases[0].expect, bench.scenario.cases[0].expect);
        let Some(Effect::Download { text, .. }) = bench.apply(&clock.env(&backend), Action::ExportChosen { include_secrets: true }) else { panic!() };
        assert_eq!(parse_scenario(&text).unwrap(), bench.scenario);
    }

    #[test]
    fn two_tabs_on_different_entries_both_keep_their_work() {
        let (backend, clock) = (Memory::default(), clock());
        let mut a = Workbench::start(&clock.env(&backend), None);
        let mut b = Workbench::start(&clock.env(&backend), None);
        b.apply(&clock.env(&backend), Action::OpenLink(share::encode(&scenario("b's link"))));
        a.apply(&clock.env(&backend), Action::StorageChanged(Some(b.entries[1].key.clone())));
        assert_eq!(a.entries.len(), 2);
        edit(&mut a, &clock.env(&backend), "a types");
        edit(&mut b, &clock.env(&backend), "b types");
        b.apply(&clock.env(&backend), Action::StorageChanged(Some(a.entries[0].key.clone())));
        assert_eq!(stored_codes(&backend), ["a types", "b types"]);
        assert_eq!(b.entries[0].scenario().unwrap().code, "a types");
    }

    #[test]
    fn the_same_entry_in_two_tabs_follows_the_other_tab_when_idle() {
        let (backend, clock) = (Memory::default(), clock());
        let mut a = Workbench::start(&clock.env(&backend), None);
        let mut b = Workbench::start(&clock.env(&backend), None);
        assert_eq!(a.current, b.current);
        edit(&mut a, &clock.env(&backend), "from a");
        b.apply(&clock.env(&backend), Action::StorageChanged(Some(a.entries[0].key.clone())));
        assert_eq!(b.scenario.code, "from a");
        edit(&mut b, &clock.env(&backend), "then b");
        assert_eq!(stored_codes(&backend), ["then b"]);
    }

    #[test]
    fn the_same_entry_edited_in_two_tabs_at_once_keeps_both() {
        let (backend, clock) = (Memory::default(), clock());
        let mut a = Workbench::start(&clock.env(&backend), None);
        let mut b = Workbench::start(&clock.env(&backend), None);
        edit(&mut a, &clock.env(&backend), "a's edit");
        // b has not heard of a's save yet.
        edit(&mut b, &clock.env(&backend), "b's edit");
        assert_eq!(stored_codes(&backend), ["a's edit", "b's edit"]);
        assert_eq!(b.scenario.code, "b's edit");
        assert!(b.scenario.name.clone().unwrap().ends_with("(this tab's copy)"));
        assert!(b.notice.clone().unwrap().text.contains("Both versions are kept"));
        // b's further edits go to its copy.
        edit(&mut b, &clock.env(&backend), "b goes on");
        assert_eq!(stored_codes(&backend), ["a's edit", "b goes on"]);
    }

    #[test]
    fn an_entry_deleted_elsewhere_while_open_here_is_saved_again() {
        let (backend, clock) = (Memory::default(), clock());
        let mut a = Workbench::start(&clock.env(&backend), None);
        let key = a.entries[0].key.clone();
        backend.remove(&key);
        a.apply(&clock.env(&backend), Action::StorageChanged(Some(key)));
        assert_eq!(a.entries.len(), 1);
        edit(&mut a, &clock.env(&backend), "still mine");
        assert_eq!(stored_codes(&backend), ["still mine"]);
    }
}
