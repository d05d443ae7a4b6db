//! The one screen: the editor side (left) and HubSpot's test panel (right).
//! State flows one way: an edit changes the [`Scenario`], which is autosaved;
//! Test sends it to the worker; the [`RunReport`] comes back to the panel.

use crate::editor::CodeEditor;
use crate::panels::event::EventPanel;
use crate::panels::json_field::{JsonField, Shape};
use crate::panels::mocks::MocksPanel;
use crate::panels::settings::SettingsPanel;
use crate::panels::tables::{KeyValueTable, OutputsTable};
use crate::panels::test_panel::TestPanel;
use crate::panels::{on_input_text, on_text};
use crate::runner::{Runner, RunnerEvent};
use crate::store::{Backend, Entry, Library};
use crate::workspace::{self, TableEdit};
use crate::{samples, share};
use action_playground::report::{LogLine, RequestRecord, RunReport};
use action_playground::scenario::{Runtime, INPUT_FIELDS_LIMIT};
use action_playground::Scenario;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Tone {
    Info,
    Error,
}

pub enum Msg {
    Edit(Rc<dyn Fn(&mut Scenario)>),
    TableError(String),
    Test,
    Run(RunnerEvent),
    /// The Stop button: end the running test now.
    Stop,
    LoadSample(String),
    Open(String),
    New,
    Duplicate,
    Delete,
    UndoDelete,
    Export,
    Import(web_sys::File),
    Imported(String, Result<String, String>),
    Share,
    Dismiss,
    /// The address bar's fragment changed (a link pasted into this tab).
    HashChanged,
}

pub struct App {
    library: Library,
    current: String,
    scenario: Scenario,
    runner: Runner,
    engine_ready: bool,
    running: bool,
    live_logs: Vec<LogLine>,
    live_requests: Vec<RequestRecord>,
    report: Option<RunReport>,
    notice: Option<(Tone, String)>,
    deleted: Option<Entry>,
    share_url: Option<String>,
    _reader: Option<gloo::file::callbacks::FileReader>,
    _hash_listener: gloo::events::EventListener,
}

struct LocalStorage;

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        gloo::utils::window().local_storage().ok().flatten()?.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let storage = gloo::utils::window().local_storage().ok().flatten().ok_or("this browser keeps no local storage")?;
        storage.set_item(key, value).map_err(|_| "the browser's storage is full".to_string())
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn display_name(scenario: &Scenario) -> String {
    scenario.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "Untitled action".into())
}

impl App {
    fn open_entry(&mut self, id: &str) {
        let Some(entry) = self.library.get(id) else { return };
        self.scenario = serde_json::from_value(entry.scenario.clone()).unwrap_or_else(|_| workspace::new_action());
        self.current = id.to_string();
        self.library.current = Some(id.to_string());
        self.report = None;
        self.share_url = None;
        self.persist();
    }

    fn add_and_open(&mut self, scenario: Scenario) {
        let value = serde_json::to_value(&scenario).expect("a scenario serializes");
        let id = self.library.add(&display_name(&scenario), value, now_ms());
        self.open_entry(&id);
    }

    /// Autosave: the open scenario goes back into the library, the library to storage.
    fn persist(&mut self) {
        let value = serde_json::to_value(&self.scenario).expect("a scenario serializes");
        self.library.update(&self.current.clone(), &display_name(&self.scenario), value, now_ms());
        if let Err(why) = self.library.save(&LocalStorage) {
            self.notice = Some((Tone::Error, format!("Not saved: {why}. Export the scenario to keep it.")));
        }
    }

    /// A share link in the address bar opens as a new entry; a broken one
    /// only gets a message.
    fn open_link(&mut self) {
        let location = gloo::utils::window().location();
        let hash = location.hash().unwrap_or_default();
        if hash.len() < 2 {
            return;
        }
        match share::decode(&hash) {
            Ok(shared) => {
                let mut scenario = shared.scenario;
                scenario.name = Some(format!("{} (shared)", display_name(&scenario)));
                self.add_and_open(scenario);
                let mut text = "Opened a shared link as a new scenario; your saved work is untouched.".to_string();
                if !shared.blank_secrets.is_empty() {
                    text.push_str(&format!(" Links never carry secret values: fill in {} under Secrets.", shared.blank_secrets.join(", ")));
                }
                self.notice = Some((Tone::Info, text));
                if let Ok(history) = gloo::utils::window().history() {
                    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
                }
            }
            Err(why) => self.notice = Some((Tone::Error, format!("{why} Nothing was changed."))),
        }
    }

    fn export(&self) {
        let text = serde_json::to_string_pretty(&self.scenario).expect("a scenario serializes") + "\n";
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        let document = gloo::utils::document();
        if let Ok(a) = document.create_element("a") {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&url);
            let file: String = display_name(&self.scenario).chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' }).collect();
            a.set_download(&format!("{}.json", file.trim_matches('-').to_lowercase()));
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let loaded = Library::load(&LocalStorage);
        let link = ctx.link().clone();
        let runner = Runner::new(move |event| link.send_message(Msg::Run(event)));
        let link = ctx.link().clone();
        let hash_listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| link.send_message(Msg::HashChanged));
        let mut app = App {
            library: loaded.library,
            current: String::new(),
            scenario: workspace::new_action(),
            runner,
            engine_ready: false,
            running: false,
            live_logs: Vec::new(),
            live_requests: Vec::new(),
            report: None,
            notice: loaded.notice.map(|n| (Tone::Error, n)),
            deleted: None,
            share_url: None,
            _reader: None,
            _hash_listener: hash_listener,
        };
        let current = app.library.current.clone().filter(|id| app.library.get(id).is_some());
        match current.or_else(|| app.library.entries.first().map(|e| e.id.clone())) {
            Some(id) => app.open_entry(&id),
            None => app.add_and_open(workspace::new_action()),
        }
        app.open_link();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edit(change) => {
                change(&mut self.scenario);
                self.share_url = None;
                self.persist();
            }
            Msg::TableError(why) => self.notice = Some((Tone::Error, why)),
            Msg::Test => {
                if self.running {
                    return false;
                }
                let text = serde_json::to_string(&self.scenario).expect("a scenario serializes");
                match action_playground::parse_scenario(&text) {
                    Ok(valid) => {
                        self.running = true;
                        self.live_logs.clear();
                        self.live_requests.clear();
                        self.runner.run(&valid);
                    }
                    Err(why) => {
                        self.report = Some(RunReport::platform_error("ValidationError", why.to_string(), 0.0));
                    }
                }
            }
            Msg::Run(event) => match event {
                RunnerEvent::Ready => self.engine_ready = true,
                RunnerEvent::Streamed { logs, requests } => {
                    self.live_logs.extend(logs);
                    self.live_requests.extend(requests);
                }
                RunnerEvent::Finished(report) => {
                    self.running = false;
                    self.report = Some(report);
                }
                RunnerEvent::Unavailable(why) => {
                    self.engine_ready = false;
                    self.notice = Some((Tone::Error, why));
                }
            },
            Msg::Stop => self.runner.stop(),
            Msg::LoadSample(id) => {
                if let Some(scenario) = samples::load(&id) {
                    self.add_and_open(scenario);
                    self.notice = Some((Tone::Info, "Sample loaded as a new scenario (your other scenarios are in the Saved list). Press Test to run it.".into()));
                }
            }
            Msg::Open(id) => self.open_entry(&id),
            Msg::New => self.add_and_open(workspace::new_action()),
            Msg::Duplicate => {
                if let Some(id) = self.library.duplicate(&self.current, now_ms()) {
                    self.open_entry(&id);
                }
            }
            Msg::Delete => {
                self.deleted = self.library.get(&self.current).cloned();
                self.library.delete(&self.current.clone());
                match self.library.current.clone() {
                    Some(id) => self.open_entry(&id),
                    None => self.add_and_open(workspace::new_action()),
                }
                if let Some(entry) = &self.deleted {
                    self.notice = Some((Tone::Info, format!("Deleted \"{}\".", entry.name)));
                }
            }
            Msg::UndoDelete => {
                if let Some(entry) = self.deleted.take() {
                    let id = self.library.add(&entry.name, entry.scenario, entry.updated_ms);
                    self.open_entry(&id);
                    self.notice = None;
                }
            }
            Msg::Export => self.export(),
            Msg::Import(file) => {
                let name = file.name();
                let link = ctx.link().clone();
                let file = gloo::file::File::from(file);
                self._reader = Some(gloo::file::callbacks::read_as_text(&file, move |result| {
                    link.send_message(Msg::Imported(name, result.map_err(|e| e.to_string())));
                }));
            }
            Msg::Imported(name, result) => {
                let parsed = result.and_then(|text| action_playground::parse_scenario(&text).map_err(|e| e.to_string()));
                match parsed {
                    Ok(scenario) => {
                        self.add_and_open(scenario);
                        self.notice = Some((Tone::Info, format!("Imported {name} as a new scenario.")));
                    }
                    Err(why) => self.notice = Some((Tone::Error, format!("{name} was not imported: {why}. Nothing was changed."))),
                }
            }
            Msg::Share => {
                let location = gloo::utils::window().location();
                let base = location.origin().unwrap_or_default() + &location.pathname().unwrap_or_default();
                self.share_url = Some(format!("{base}#{}", share::encode(&self.scenario)));
            }
            Msg::HashChanged => self.open_link(),
            Msg::Dismiss => {
                self.notice = None;
                self.deleted = None;
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        html! {
            <div class="app">
                { self.header(ctx) }
                { self.notice_bar(ctx) }
                <main class="columns">
                    { self.editor_side(ctx) }
                    { self.test_side(ctx) }
                </main>
            </div>
        }
    }
}

/// Edits of a name → value table of the scenario (`map` picks it): refused
/// edits (empty or duplicate names) become a notice instead of a change.
fn table_editor(link: &yew::html::Scope<App>, current: &Scenario, map: fn(&mut Scenario) -> &mut serde_json::Map<String, Value>) -> Callback<TableEdit> {
    let (link, current) = (link.clone(), current.clone());
    Callback::from(move |e: TableEdit| {
        let mut check = current.clone();
        match workspace::edit_map(map(&mut check), e.clone()) {
            Ok(()) => link.send_message(Msg::Edit(Rc::new(move |s: &mut Scenario| {
                let _ = workspace::edit_map(map(s), e.clone());
            }))),
            Err(why) => link.send_message(Msg::TableError(why)),
        }
    })
}

/// A message that edits the scenario with `f(scenario, value)`.
fn edit<T: 'static>(link: &yew::html::Scope<App>, f: fn(&mut Scenario, T)) -> Callback<T>
where
    T: Clone,
{
    link.callback(move |value: T| Msg::Edit(Rc::new(move |s: &mut Scenario| f(s, value.clone()))))
}

impl App {
    fn header(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        // The picker goes back to its prompt, so the same sample can be loaded again.
        let on_sample = link.batch_callback(|e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            select.set_value("");
            (!id.is_empty()).then_some(Msg::LoadSample(id))
        });
        let on_open = link.callback(|id: String| Msg::Open(id));
        let on_import = link.batch_callback(|e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            file.map(Msg::Import)
        });
        html! {
            <header class="top">
                <h1>{"Action Playground"}</h1>
                <input id="scenario-name" class="scenario-name" aria-label="Scenario name" value={display_name(&self.scenario)}
                       oninput={on_input_text(edit(link, |s, t: String| s.name = Some(t)))} />
                <label class="pick">{"Samples "}
                    <select id="samples" onchange={on_sample}>
                        <option value="" selected=true>{"Load a sample…"}</option>
                        { for samples::SAMPLES.iter().map(|s| html! { <option value={s.id}>{ s.title }</option> }) }
                    </select>
                </label>
                <label class="pick">{"Saved "}
                    <select id="saved" onchange={on_text(on_open)}>
                        { for self.library.entries.iter().map(|e| html! {
                            <option value={e.id.clone()} selected={e.id == self.current}>{ &e.name }</option>
                        }) }
                    </select>
                </label>
                <button id="new" onclick={link.callback(|_| Msg::New)}>{"New"}</button>
                <button id="duplicate" onclick={link.callback(|_| Msg::Duplicate)}>{"Duplicate"}</button>
                <button id="delete" onclick={link.callback(|_| Msg::Delete)}>{"Delete"}</button>
                <button id="export" onclick={link.callback(|_| Msg::Export)}>{"Export"}</button>
                <label class="button">{"Import"}<input id="import" type="file" accept=".json,application/json" onchange={on_import} hidden=true /></label>
                <button id="share" onclick={link.callback(|_| Msg::Share)}>{"Share link"}</button>
            </header>
        }
    }

    fn notice_bar(&self, ctx: &Context<Self>) -> Html {
        let share = self.share_url.as_ref().map(|url| {
            let has_secrets = self.scenario.secrets.values().any(|v| v.as_str().is_none_or(|s| !s.is_empty()));
            let copy = {
                let url = url.clone();
                Callback::from(move |_| {
                    let clipboard = gloo::utils::window().navigator().clipboard();
                    let _ = clipboard.write_text(&url);
                })
            };
            html! {
                <div class="notice info share">
                    <label>{ format!("Share link ({} characters)", url.len()) }
                        <input id="share-url" readonly=true value={url.clone()} onfocus={Callback::from(|e: FocusEvent| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            input.select();
                        })} /></label>
                    <button onclick={copy}>{"Copy"}</button>
                    if has_secrets { <span class="hint">{"Secret values are left out of the link; only their names travel."}</span> }
                </div>
            }
        });
        let notice = self.notice.as_ref().map(|(tone, text)| {
            html! {
                <div id="notice" class={classes!("notice", if *tone == Tone::Error { "error" } else { "info" })} role="status">
                    <span>{ text.clone() }</span>
                    if self.deleted.is_some() { <button id="undo" onclick={ctx.link().callback(|_| Msg::UndoDelete)}>{"Undo"}</button> }
                    <button class="icon" aria-label="dismiss" onclick={ctx.link().callback(|_| Msg::Dismiss)}>{"×"}</button>
                </div>
            }
        });
        html! { <>{ for notice }{ for share }</> }
    }

    fn editor_side(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let s = &self.scenario;
        let secrets_edit = table_editor(link, s, |s| &mut s.secrets);
        let inputs_edit = table_editor(link, s, workspace::input_fields_mut);
        let (used, limit) = workspace::secrets_total(s);
        let error_mark = self.report.as_ref().filter(|r| r.error.is_some()).and_then(|r| {
            let line = workspace::error_line(r)?;
            let e = r.error.as_ref()?;
            Some((line, format!("{}: {}", e.name, e.message)))
        });
        html! {
            <section class="editor-side" aria-label="Action editor">
                <div class="card">
                    <label class="runtime">{"Language "}
                        <select id="runtime" onchange={on_text(edit(link, |s, t: String| s.runtime = if t == "nodejs20" { Runtime::Node20 } else { Runtime::Node24 }))}>
                            <option value="nodejs24" selected={s.runtime == Runtime::Node24}>{"Node.js 24"}</option>
                            <option value="nodejs20" selected={s.runtime == Runtime::Node20}>{"Node.js 20"}</option>
                        </select>
                    </label>
                    if s.runtime == Runtime::Node20 {
                        <p class="hint">{"Node.js 20: the handler calls callback({ outputFields }). HubSpot only offers Node.js 24 to new actions."}</p>
                    }
                </div>
                <div class="card">
                    <h2>{"Secrets"}</h2>
                    <KeyValueTable id="secrets" rows={workspace::secret_rows(s)} on_edit={secrets_edit} masked=true
                                   name_placeholder="SECRET_NAME" value_placeholder="value" max_rows={50} />
                    <p id="secrets-budget" class={classes!("budget", (used > limit).then_some("over"))}>
                        { format!("{used} / {limit} characters across all secret values") }
                        if used > limit { { " — over HubSpot's limit: the action will not run." } }
                    </p>
                </div>
                <div class="card">
                    <h2>{"Properties to include in code"}</h2>
                    <KeyValueTable id="inputs" rows={workspace::input_fields(s)} on_edit={inputs_edit}
                                   name_placeholder="property name" value_placeholder="test value" max_rows={INPUT_FIELDS_LIMIT} />
                </div>
                <div class="card code-card">
                    <h2>{"Code"}</h2>
                    <CodeEditor code={AttrValue::from(s.code.clone())} error={error_mark}
                                on_change={edit(link, |s, code: String| s.code = code)}
                                on_run={link.callback(|_| Msg::Test)} />
                </div>
                <div class="card">
                    <h2>{"Data outputs"}</h2>
                    <OutputsTable outputs={s.outputs.clone()} on_change={edit(link, |s, outputs| s.outputs = outputs)} />
                </div>
                <details class="card" id="event-section">
                    <summary>{"Event"}</summary>
                    <EventPanel event={s.event.clone()} effective={s.effective_event()} on_change={edit(link, |s, e: Value| s.event = e)} />
                </details>
                <details class="card" id="mocks-section" open={!s.http.is_empty()}>
                    <summary>{ format!("HTTP mocks ({})", s.http.len()) }</summary>
                    <MocksPanel rules={s.http.clone()} on_change={edit(link, |s, rules| s.http = rules)} />
                </details>
                <details class="card" id="crm-section">
                    <summary>{"CRM records"}</summary>
                    <p class="hint">{"Records the built-in HubSpot API mock serves at https://api.hubapi.com (objects by type, and associations)."}</p>
                    <JsonField id="crm-json" value={s.crm.clone().unwrap_or_else(|| serde_json::json!({"objects": {}, "associations": []}))}
                               on_valid={edit(link, |s, v: Value| s.crm = Some(v))} rows={10} shape={Shape::Object} what="CRM records" />
                </details>
                <details class="card" id="settings-section">
                    <summary>{"Settings"}</summary>
                    <SettingsPanel settings={s.settings.clone()} on_change={edit(link, |s, settings| s.settings = settings)} />
                </details>
                <div class="card">
                    <label>{"Description"}
                        <textarea id="description" rows="2" value={s.description.clone().unwrap_or_default()}
                                  oninput={on_input_text(edit(link, |s, t: String| s.description = Some(t).filter(|t| !t.is_empty())))} /></label>
                </div>
            </section>
        }
    }

    fn test_side(&self, ctx: &Context<Self>) -> Html {
        let started_at = self.scenario.settings.now.clone().unwrap_or_else(|| String::from(js_sys::Date::new_0().to_iso_string()));
        html! {
            <TestPanel report={self.report.clone()} running={self.running} engine_ready={self.engine_ready}
                       live_logs={self.live_logs.clone()} live_requests={self.live_requests.clone()}
                       outputs={self.scenario.outputs.clone()} seed={AttrValue::from(self.scenario.code.clone())}
                       started_at={AttrValue::from(started_at)} on_test={ctx.link().callback(|_| Msg::Test)}
                       on_stop={ctx.link().callback(|_| Msg::Stop)} />
        }
    }
}
