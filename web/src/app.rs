//! The one screen: the editor side (left) and HubSpot's test panel (right).
//! State flows one way: an edit changes the [`Scenario`], which is autosaved;
//! Test sends it to the worker; the [`RunReport`] comes back to the panel.

use crate::cases::{self, CaseResult, CasesRun};
use crate::editor::CodeEditor;
use crate::embed::{self, EmbedMode};
use crate::exercise::{self, Exercise};
use crate::lazy_script;
use crate::panels::cases::{CaseEdit, CasesPanel, Progress};
use crate::panels::copy_markdown::CopyMarkdown;
use crate::panels::embed_snippet::EmbedSnippet;
use crate::panels::event::EventPanel;
use crate::panels::exercise::ExerciseMsg;
use crate::panels::json_field::{JsonField, Shape};
use crate::panels::mocks::MocksPanel;
use crate::panels::settings::SettingsPanel;
use crate::panels::tables::{KeyValueTable, OutputsTable};
use crate::panels::test_panel::TestPanel;
use crate::panels::theme_toggle::ThemeToggle;
use crate::panels::upgrade::{UpgradeFlow, UpgradePanel};
use crate::panels::{on_input_text, on_text};
use crate::runner::{Runner, RunnerEvent};
use crate::samples;
use crate::share;
use crate::store::{Backend, WriteError};
use crate::workbench::{display_name, Action, Effect, Env, Tone, Workbench};
use crate::workspace::{self, TableEdit};
use action_playground::report::{LogLine, RequestRecord, RunReport};
use action_playground::scenario::{Runtime, INPUT_FIELDS_LIMIT};
use action_playground::Scenario;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[path = "exercise_view.rs"]
mod exercise_view;

pub enum Msg {
    Edit(Rc<dyn Fn(&mut Scenario)>),
    /// A library, link, import or export transition (see `workbench`).
    Bench(Action),
    TableError(String),
    Test,
    Run(RunnerEvent),
    /// The Stop button: end the running test now.
    Stop,
    Import(web_sys::File),
    Share,
    /// The address bar's fragment changed (a link pasted into this tab).
    HashChanged,
    /// The Cases view: run every case, stop that, or edit the cases.
    RunAllCases,
    StopCases,
    CaseEdit(CaseEdit),
    /// A built-in exercise pack chosen under Courses (its id).
    OpenCourse(String),
    Exercise(ExerciseMsg),
    /// Ask the worker for the code's HubSpot lints (debounced after edits).
    Lint,
    Upgrade,
    CloseUpgrade,
    /// An event of an extra worker that runs cases alongside the page's (its slot, from 1).
    Helper(usize, RunnerEvent),
    /// The editor bundle's grace after the engine became ready is over.
    EditorDue,
}

/// Workers that run cases at once (the page's runner included), at most;
/// fewer on a machine with fewer cores.
const CASE_WORKERS_MAX: usize = 4;

pub struct App {
    bench: Workbench,
    runner: Runner,
    engine_ready: bool,
    /// Why the engine cannot run in this page (kept until it can).
    engine_unavailable: Option<String>,
    running: bool,
    /// The engine is ready and its grace for a first Test is over (`EDITOR_GRACE_MS`).
    editor_due: bool,
    live_logs: Vec<LogLine>,
    live_requests: Vec<RequestRecord>,
    report: Option<RunReport>,
    share_url: Option<String>,
    /// Run all in progress (its runs go to the cases, not the test panel).
    cases_run: Option<CasesRun>,
    case_results: Vec<CaseResult>,
    cases_total_ms: Option<f64>,
    /// Set when the page is embedded in another (see `embed`).
    embed: Option<EmbedMode>,
    /// The exercise pack being worked through, if any (`exercise_view`).
    exercise: Option<Exercise>,
    lints: Rc<Vec<action_playground::lint::Diagnostic>>,
    lint_timer: Option<gloo::timers::callback::Timeout>,
    upgrade: UpgradeFlow,
    /// Extra workers for Run all (slot i + 1), started once the scenario has cases, and whether each is ready.
    helpers: Vec<(Runner, bool)>,
    edits: EditCallbacks,
    cases_callbacks: CasesCallbacks,
    _reader: Option<gloo::file::callbacks::FileReader>,
    _listeners: [gloo::events::EventListener; 2],
}

/// This tab's open scenario, so a reload reopens it even when another tab
/// opened something else since (`sessionStorage` is per tab).
const TAB_OPEN_KEY: &str = "action-playground.tab-open";

struct LocalStorage;

fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let storage = local_storage().ok_or_else(|| WriteError::Refused("this browser keeps no local storage for this page".into()))?;
        storage.set_item(key, value).map_err(|e| match e.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
            Some(name) if name == "QuotaExceededError" => WriteError::Full,
            Some(name) => WriteError::Refused(format!("the browser refused to save ({name})")),
            None => WriteError::Refused("the browser refused to save".into()),
        })
    }
    fn remove(&self, key: &str) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(key);
        }
    }
    fn keys(&self) -> Vec<String> {
        let Some(storage) = local_storage() else { return Vec::new() };
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}

fn env(backend: &LocalStorage) -> Env<'_> {
    Env { backend, now_ms: js_sys::Date::now(), nonce: (js_sys::Math::random() * f64::from(u32::MAX)) as u32 }
}

/// The full playground's folder URL (share links and "Open in playground" point there).
fn link_base() -> String {
    let location = gloo::utils::window().location();
    embed::playground_base(&location.origin().unwrap_or_default(), &location.pathname().unwrap_or_default())
}

/// The embed mode the address asks for, and the share fragment without the embed flag.
fn address_mode() -> (Option<EmbedMode>, String) {
    let location = gloo::utils::window().location();
    embed::mode_of(&location.pathname().unwrap_or_default(), &location.search().unwrap_or_default(), &location.hash().unwrap_or_default())
}

fn session_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

impl App {
    /// Opens what the address's fragment names: a course, or a shared scenario.
    fn open_address(&mut self) {
        let fragment = address_mode().1;
        match exercise::pack_from_link(&fragment) {
            Some(Ok((pack, source))) => self.open_pack(pack, source),
            Some(Err(why)) => self.bench.notice = Some(crate::workbench::Notice { tone: Tone::Error, text: why }),
            None => self.dispatch(Action::OpenLink(fragment)),
        }
    }

    fn dispatch(&mut self, action: Action) {
        let before = self.bench.current.clone();
        let effect = self.bench.apply(&env(&LocalStorage), action);
        if self.bench.current != before {
            self.report = None;
            self.share_url = None;
            self.case_results.clear();
            self.cases_total_ms = None;
        }
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(TAB_OPEN_KEY, &self.bench.current);
        }
        match effect {
            Some(Effect::Download { file_name, text }) => download(&file_name, &text),
            Some(Effect::ClearLink) => {
                let location = gloo::utils::window().location();
                if let Ok(history) = gloo::utils::window().history() {
                    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
                }
            }
            None => {}
        }
    }

    /// Starts the extra case workers once the scenario has cases to share out.
    fn start_helpers(&mut self, ctx: &Context<Self>) {
        if !self.helpers.is_empty() || self.bench.scenario.cases.len() < 2 {
            return;
        }
        let cores = gloo::utils::window().navigator().hardware_concurrency() as usize;
        for slot in 1..cores.clamp(1, CASE_WORKERS_MAX) {
            let link = ctx.link().clone();
            self.helpers.push((Runner::new(move |event| link.send_message(Msg::Helper(slot, event))), false));
        }
    }

    fn run_all_cases(&mut self) {
        if self.running || self.cases_run.is_some() || self.test_blocked().is_some() {
            return;
        }
        match CasesRun::start(&self.bench.scenario, js_sys::Date::now()) {
            Ok(run) => {
                self.case_results.clear();
                self.cases_total_ms = None;
                self.cases_run = Some(run);
                for slot in 0..=self.helpers.len() {
                    self.feed(slot);
                }
            }
            Err(why) => self.bench.notice = Some(crate::workbench::Notice { tone: Tone::Error, text: format!("The cases were not run: {why}") }),
        }
    }

    /// Gives the worker in `slot` the next case, if it is ready and idle and a case is left.
    fn feed(&mut self, slot: usize) {
        let Some(run) = &mut self.cases_run else { return };
        let runner = match slot {
            0 => &self.runner,
            n => match self.helpers.get(n - 1) {
                Some((helper, true)) => helper,
                _ => return,
            },
        };
        if run.is_busy(slot) || runner.is_running() {
            return;
        }
        if let Some(next) = run.next(slot, js_sys::Date::now()) {
            runner.run(&next);
        }
    }

    /// A case's report from the worker in `slot`: keep it, give that worker
    /// the next case, or end the run when none is left.
    fn case_finished(&mut self, slot: usize, report: RunReport) {
        let Some(run) = &mut self.cases_run else { return };
        let now = js_sys::Date::now();
        run.finished(slot, report, now);
        self.feed(slot);
        let Some(run) = self.cases_run.take_if(|run| run.is_done()) else { return };
        self.cases_total_ms = Some(now - run.started_ms);
        self.case_results = run.results();
    }

    fn edit_cases(&mut self, edit: CaseEdit) {
        let scenario = &mut self.bench.scenario;
        let outcome = match edit {
            CaseEdit::Add => {
                cases::add_case(scenario);
                Ok(())
            }
            CaseEdit::Duplicate(i) => {
                cases::duplicate_case(scenario, i);
                Ok(())
            }
            CaseEdit::Rename(i, name) => {
                let old = scenario.cases.get(i).map(|c| c.name.clone());
                cases::rename_case(scenario, i, &name).map(|()| {
                    // The result keeps following its case.
                    let renamed = self.case_results.iter_mut().filter(|r| r.case.is_some() && r.case == old);
                    renamed.for_each(|r| r.case = Some(name.trim().to_string()));
                })
            }
            CaseEdit::Delete(i) => Ok(cases::delete_case(scenario, i)),
            CaseEdit::Replace(i, value) => cases::replace_case(scenario, i, value),
            CaseEdit::Ignore(case, text) => cases::set_ignore(scenario, case.as_deref(), &text),
            CaseEdit::SaveExpectation(case) => match self.case_results.iter().find(|r| r.case == case) {
                Some(result) => cases::save_expectation(scenario, case.as_deref(), &result.report),
                None => Err("Run the cases first.".into()),
            },
        };
        match outcome {
            Ok(()) => self.dispatch(Action::Edited),
            Err(why) => self.bench.notice = Some(crate::workbench::Notice { tone: Tone::Error, text: why }),
        }
    }

    /// Validates `scenario` (as every scenario text is) and sends it to the
    /// worker; why not when it is invalid.
    fn start_run(&mut self, scenario: &Scenario) -> Result<(), String> {
        let text = serde_json::to_string(scenario).expect("a scenario serializes");
        let valid = action_playground::parse_scenario(&text).map_err(|why| why.to_string())?;
        self.running = true;
        self.live_logs.clear();
        self.live_requests.clear();
        self.runner.run(&valid);
        Ok(())
    }

    /// Lints the code once typing pauses (the worker parses it).
    fn schedule_lint(&mut self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        self.lint_timer = Some(gloo::timers::callback::Timeout::new(300, move || link.send_message(Msg::Lint)));
    }

    /// Why Test cannot run now, if it cannot.
    fn test_blocked(&self) -> Option<String> {
        if let Some(why) = &self.engine_unavailable {
            return Some(why.clone());
        }
        self.bench.read_only().map(|_| "This scenario is read-only: this version of the playground cannot read it.".to_string())
    }
}

/// Clicks an element (the hidden file input behind the Import button, so it is reachable by keyboard).
fn click_element(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        element.unchecked_into::<web_sys::HtmlElement>().click();
    }
}

/// Saves `text` as a file through the browser's download.
fn download(file_name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// How long the editor bundle waits at most for the engine's first context.
const EDITOR_DEADLINE_MS: u32 = 3000;

/// How long after the engine is ready the editor bundle (and the first
/// lint, whose markers it shows) waits for a first Test. A Test pressed in
/// that time runs while the page's thread is idle; the bundle (its download,
/// parse and CodeMirror's start) follows the result instead of taking one of
/// the two cores from the run. Focusing the code loads the editor at once.
const EDITOR_GRACE_MS: u32 = 1000;

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        crate::startup::mark("app:start");
        let preferred = session_storage().and_then(|s| s.get_item(TAB_OPEN_KEY).ok().flatten());
        let bench = Workbench::start(&env(&LocalStorage), preferred);
        let link = ctx.link().clone();
        let runner = Runner::new(move |event| link.send_message(Msg::Run(event)));
        let window = gloo::utils::window();
        let link = ctx.link().clone();
        let on_hash = gloo::events::EventListener::new(&window, "hashchange", move |_| link.send_message(Msg::HashChanged));
        let link = ctx.link().clone();
        // Other tabs' saves: `storage` fires in every tab but the writer.
        let on_storage = gloo::events::EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
            let is_local = match (event.storage_area(), local_storage()) {
                (Some(area), Some(local)) => wasm_bindgen::JsValue::from(area) == wasm_bindgen::JsValue::from(local),
                _ => false,
            };
            if is_local {
                link.send_message(Msg::Bench(Action::StorageChanged(event.key())));
            }
        });
        let mut app = App {
            bench,
            runner,
            engine_ready: false,
            engine_unavailable: None,
            running: false,
            live_logs: Vec::new(),
            live_requests: Vec::new(),
            report: None,
            share_url: None,
            cases_run: None,
            case_results: Vec::new(),
            cases_total_ms: None,
            embed: address_mode().0,
            exercise: None,
            editor_due: false,
            lints: Rc::default(),
            lint_timer: None,
            upgrade: UpgradeFlow::Idle,
            helpers: Vec::new(),
            edits: EditCallbacks::default(),
            cases_callbacks: CasesCallbacks::new(ctx.link()),
            _reader: None,
            _listeners: [on_hash, on_storage],
        };
        app.reopen_pack();
        app.open_address();
        // The first run's code, as the page opens with it: the worker loads
        // what it requires while the person reads the page.
        app.runner.prepare(&app.bench.scenario.code);
        // The editor comes when the engine is ready (see `update`), or after
        // this long whatever the engine does.
        gloo::timers::callback::Timeout::new(EDITOR_DEADLINE_MS, || lazy_script::load(lazy_script::EDITOR)).forget();
        app.start_helpers(ctx);
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        self.start_helpers(ctx);
        match msg {
            Msg::Edit(change) => {
                change(&mut self.bench.scenario);
                self.share_url = None;
                self.dispatch(Action::Edited);
                self.schedule_lint(ctx);
            }
            Msg::Bench(action) => {
                self.dispatch(action);
                self.schedule_lint(ctx);
                self.start_helpers(ctx);
            }
            Msg::Lint => self.runner.lint(&self.bench.scenario),
            Msg::Upgrade => {
                self.upgrade = UpgradeFlow::Converting;
                self.runner.upgrade(&self.bench.scenario);
            }
            Msg::CloseUpgrade => self.upgrade = UpgradeFlow::Idle,
            Msg::TableError(why) => self.bench.notice = Some(crate::workbench::Notice { tone: Tone::Error, text: why }),
            Msg::Test => {
                if self.running || self.cases_run.is_some() || self.test_blocked().is_some() {
                    return false;
                }
                let scenario = self.exercise_playground().unwrap_or_else(|| self.bench.scenario.clone());
                if let Err(why) = self.start_run(&scenario) {
                    self.report = Some(RunReport::platform_error("ValidationError", why, 0.0));
                }
            }
            Msg::Run(event) => match event {
                RunnerEvent::Ready => {
                    self.engine_ready = true;
                    self.engine_unavailable = None;
                    // The first lint waits for the editor's grace (EditorDue):
                    // the worker, ready as soon as it is compiled, would
                    // otherwise be linting (in code not yet compiled) when a
                    // Test pressed right after the page shows arrives.
                    let link = ctx.link().clone();
                    gloo::timers::callback::Timeout::new(EDITOR_GRACE_MS, move || link.send_message(Msg::EditorDue)).forget();
                }
                RunnerEvent::Linted(diagnostics) => self.lints = Rc::new(diagnostics),
                RunnerEvent::Upgraded(outcome) => {
                    if let Some(first) = self.upgrade.converted(self.bench.scenario.clone(), outcome) {
                        self.runner.run(&first);
                    }
                }
                RunnerEvent::Finished(report) if self.upgrade.is_running() => {
                    if let Some(next) = self.upgrade.finished(report) {
                        self.runner.run(&next);
                    }
                }
                RunnerEvent::Streamed { .. } if self.cases_run.is_some() => return false,
                RunnerEvent::Finished(report) if self.cases_run.is_some() => self.case_finished(0, report),
                RunnerEvent::Streamed { logs, requests } => {
                    self.live_logs.extend(logs);
                    self.live_requests.extend(requests);
                }
                RunnerEvent::Finished(report) if self.exercise_run_finished(&report) => {}
                RunnerEvent::Finished(report) => {
                    self.running = false;
                    self.report = Some(report);
                }
                RunnerEvent::Unavailable(why) => {
                    self.exercise_abandon();
                    self.engine_ready = false;
                    self.engine_unavailable = Some(why);
                    lazy_script::load_after_paint(lazy_script::EDITOR);
                }
            },
            Msg::Stop => self.runner.stop(),
            Msg::Import(file) => {
                let name = file.name();
                let link = ctx.link().clone();
                let file = gloo::file::File::from(file);
                self._reader = Some(gloo::file::callbacks::read_as_text(&file, move |result| match result {
                    Ok(text) if action_playground::pack::looks_like_pack(&text) => link.send_message(Msg::Exercise(ExerciseMsg::Open(text))),
                    result => link.send_message(Msg::Bench(Action::Imported { name, result: result.map_err(|e| e.to_string()) })),
                }));
            }
            Msg::Share => {
                self.share_url = Some(format!("{}#{}", link_base(), share::encode(&self.bench.scenario)));
            }
            Msg::OpenCourse(id) => {
                if let Some(Ok((pack, source))) = exercise::pack_from_link(&format!("{}{id}", exercise::BUILTIN_LINK_PREFIX)) {
                    self.open_pack(pack, source);
                }
            }
            Msg::Exercise(ExerciseMsg::Open(text)) => {
                if let Err(why) = self.open_pack_text(&text) {
                    self.bench.notice = Some(crate::workbench::Notice { tone: Tone::Error, text: format!("This course file cannot be opened: {why}") });
                }
            }
            Msg::Exercise(msg) => self.exercise_update(msg),
            Msg::HashChanged => {
                self.open_address();
            }
            Msg::RunAllCases => self.run_all_cases(),
            Msg::StopCases => {
                if let Some(run) = &mut self.cases_run {
                    run.cancel();
                    self.runner.stop();
                    self.helpers.iter().for_each(|(helper, _)| helper.stop());
                }
            }
            Msg::Helper(slot, event) => match event {
                RunnerEvent::Ready => {
                    self.helpers[slot - 1].1 = true;
                    self.feed(slot);
                }
                RunnerEvent::Finished(report) => self.case_finished(slot, report),
                RunnerEvent::Unavailable(_) => self.helpers[slot - 1].1 = false,
                // Helpers run cases only: lints and upgrades go to the page's runner.
                RunnerEvent::Streamed { .. } | RunnerEvent::Linted(_) | RunnerEvent::Upgraded(_) => return false,
            },
            Msg::CaseEdit(edit) => {
                self.edit_cases(edit);
                self.start_helpers(ctx);
            }
            Msg::EditorDue => {
                self.editor_due = true;
                // Its markers show in the editor, which comes now.
                self.runner.lint(&self.bench.scenario);
            }
        }
        // The editor bundle once the engine's first context no longer
        // competes with it and no first result waits behind it.
        if self.editor_due && !self.running {
            lazy_script::load_after_paint(lazy_script::EDITOR);
        }
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, first_render: bool) {
        if first_render {
            crate::startup::mark("app:rendered");
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        if let Some(mode) = self.embed {
            return self.embed_view(ctx, mode);
        }
        html! {
            <div class="app">
                { self.header(ctx) }
                { self.notice_bar(ctx) }
                <main class="columns">
                    if let Some(ex) = &self.exercise {
                        { self.exercise_side(ctx, ex) }
                    } else if let Some(unreadable) = self.bench.read_only() {
                        { self.read_only_side(ctx, unreadable) }
                    } else {
                        { self.editor_side(ctx) }
                    }
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

/// The Cases view's callbacks, made once for the same reason as
/// [`EditCallbacks`] (a case's name being typed survives other updates).
struct CasesCallbacks {
    run_all: Callback<()>,
    stop: Callback<()>,
    edit: Callback<CaseEdit>,
}

impl CasesCallbacks {
    fn new(link: &yew::html::Scope<App>) -> Self {
        Self { run_all: link.callback(|_| Msg::RunAllCases), stop: link.callback(|_| Msg::StopCases), edit: link.callback(Msg::CaseEdit) }
    }
}

/// The callbacks that edit the scenario, made once per editing function.
/// A panel whose data did not change then gets equal props and is not
/// rendered again when something else changes (a streamed log, the engine
/// becoming ready, lints): Yew writes an input's `value` on every render,
/// which would undo what the person is typing before it is committed.
#[derive(Default)]
struct EditCallbacks(std::cell::RefCell<std::collections::HashMap<(usize, std::any::TypeId), Box<dyn std::any::Any>>>);

impl EditCallbacks {
    fn edit<T: Clone + 'static>(&self, link: &yew::html::Scope<App>, f: fn(&mut Scenario, T)) -> Callback<T> {
        let key = (f as usize, std::any::TypeId::of::<T>());
        let mut made = self.0.borrow_mut();
        let callback =
            made.entry(key).or_insert_with(|| Box::new(link.callback(move |value: T| Msg::Edit(Rc::new(move |s: &mut Scenario| f(s, value.clone()))))));
        callback.downcast_ref::<Callback<T>>().expect("one callback type per key").clone()
    }
}

impl App {
    fn header(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let bench = |action: Action| link.callback(move |_: MouseEvent| Msg::Bench(action.clone()));
        // The picker goes back to its prompt, so the same sample can be loaded again.
        let on_sample = link.batch_callback(|e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            select.set_value("");
            (!id.is_empty()).then_some(Msg::Bench(Action::LoadSample(id)))
        });
        let on_open = link.callback(|id: String| Msg::Bench(Action::Open(id)));
        let on_import = link.batch_callback(|e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            file.map(Msg::Import)
        });
        let read_only = self.bench.read_only().is_some();
        let name = match self.bench.current_entry() {
            Some(entry) if read_only => entry.label(),
            _ => display_name(&self.bench.scenario),
        };
        html! {
            <header class="top">
                <h1>{"Action Playground"}</h1>
                <input id="scenario-name" class="scenario-name" aria-label="Scenario name" value={name} readonly={read_only}
                       oninput={on_input_text(self.edits.edit(link, |s, t: String| s.name = Some(t)))} />
                <label class="pick">{"Samples "}
                    <select id="samples" onchange={on_sample}>
                        <option value="" selected=true>{"Load a sample…"}</option>
                        { for samples::SAMPLES.iter().map(|s| html! { <option value={s.id}>{ s.title }</option> }) }
                    </select>
                </label>
                <label class="pick">{"Courses "}
                    <select id="courses" onchange={link.batch_callback(|e: Event| {
                        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                        let id = select.value();
                        select.set_value("");
                        (!id.is_empty()).then_some(Msg::OpenCourse(id))
                    })}>
                        <option value="" selected=true>{"Open a course…"}</option>
                        { for exercise::BUILTIN.iter().filter_map(|(id, text)| {
                            let title = serde_json::from_str::<serde_json::Value>(text).ok()?.get("title")?.as_str()?.to_string();
                            Some(html! { <option value={*id}>{ title }</option> })
                        }) }
                    </select>
                </label>
                <label class="pick">{"Saved "}
                    <select id="saved" onchange={on_text(on_open)}>
                        { for self.bench.entries.iter().map(|e| html! {
                            <option value={e.id.clone()} selected={e.id == self.bench.current}>{ e.label() }</option>
                        }) }
                    </select>
                </label>
                <button id="new" onclick={bench(Action::New)}>{"New"}</button>
                <button id="duplicate" onclick={bench(Action::Duplicate)} disabled={read_only}>{"Duplicate"}</button>
                <button id="delete" onclick={bench(Action::Delete)}>{"Delete"}</button>
                <button id="export" onclick={bench(Action::Export)}>{"Export"}</button>
                <button id="import-button" onclick={Callback::from(|_: MouseEvent| click_element("import"))}
                        title="Open a scenario file or an exercise pack">{"Import"}</button>
                <input id="import" type="file" accept=".json,application/json" onchange={on_import} hidden=true aria-label="Import a file" />
                <button id="share" onclick={link.callback(|_| Msg::Share)} disabled={read_only}>{"Share link"}</button>
                <CopyMarkdown scenario={self.bench.scenario.clone()} report={self.report.clone()} link_base={AttrValue::from(link_base())} />
                <ThemeToggle />
            </header>
        }
    }

    /// Persistent problems first (a failed save, an engine that cannot
    /// start: they stay until resolved), then the latest notice.
    fn notice_bar(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let bench = |action: Action| link.callback(move |_: MouseEvent| Msg::Bench(action.clone()));
        let save_problem = self.bench.save_problem.as_ref().map(|text| {
            html! { <div id="save-problem" class="notice error" role="alert"><span>{ text.clone() }</span></div> }
        });
        let engine_problem = self.engine_unavailable.as_ref().map(|text| {
            html! { <div id="engine-problem" class="notice error" role="alert"><span>{ text.clone() }</span></div> }
        });
        let export_prompt = self.bench.export_prompt.then(|| {
            html! {
                <div id="export-prompt" class="notice info" role="dialog" aria-label="Export">
                    <span>{"This scenario has secret values. Put them in the exported file? Anyone with the file can read them."}</span>
                    <button id="export-without-secrets" onclick={bench(Action::ExportChosen { include_secrets: false })}>{"Export without secret values"}</button>
                    <button id="export-with-secrets" onclick={bench(Action::ExportChosen { include_secrets: true })}>{"Include secret values"}</button>
                    <button onclick={bench(Action::CancelExport)}>{"Cancel"}</button>
                </div>
            }
        });
        let share = self.share_url.as_ref().map(|url| {
            let has_secrets = self.bench.scenario.secrets.values().any(|v| v.as_str().is_none_or(|s| !s.is_empty()));
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
                    <EmbedSnippet fragment={AttrValue::from(share::encode(&self.bench.scenario))} link_base={AttrValue::from(link_base())}
                                  title={AttrValue::from(display_name(&self.bench.scenario))} />
                </div>
            }
        });
        let notice = self.bench.notice.as_ref().map(|notice| {
            html! {
                <div id="notice" class={classes!("notice", if notice.tone == Tone::Error { "error" } else { "info" })} role="status">
                    <span>{ notice.text.clone() }</span>
                    if self.bench.deleted.is_some() { <button id="undo" onclick={bench(Action::UndoDelete)}>{"Undo"}</button> }
                    <button class="icon" aria-label="dismiss" onclick={bench(Action::Dismiss)}>{"×"}</button>
                </div>
            }
        });
        html! { <>{ for save_problem }{ for engine_problem }{ for export_prompt }{ for notice }{ for share }</> }
    }

    /// An entry this version cannot read: shown as stored, never edited.
    fn read_only_side(&self, ctx: &Context<Self>, unreadable: &crate::store::Unreadable) -> Html {
        let headline = if unreadable.newer {
            "This scenario was made by a newer version of the playground."
        } else {
            "This saved scenario cannot be read by this version of the playground."
        };
        html! {
            <section id="read-only" class="editor-side read-only" aria-label="Read-only scenario">
                <div class="card">
                    <h2>{ headline }</h2>
                    <p id="read-only-why">{ format!("Why: {}.", unreadable.why) }</p>
                    <p class="hint">{"It is kept exactly as it was saved and is never overwritten here. Open it in the newer version, or export it as it is."}</p>
                    <button id="export-read-only" onclick={ctx.link().callback(|_| Msg::Bench(Action::Export))}>{"Export as saved"}</button>
                    <textarea id="read-only-text" readonly=true rows="16" value={unreadable.raw.clone()} />
                </div>
            </section>
        }
    }

    fn editor_side(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let s = &self.bench.scenario;
        let secrets_edit = table_editor(link, s, |s| &mut s.secrets);
        let inputs_edit = table_editor(link, s, workspace::input_fields_mut);
        let (used, limit) = workspace::secrets_total(s);
        html! {
            <section class="editor-side" aria-label="Action editor">
                <div class="card">
                    <label class="runtime">{"Language "}
                        <select id="runtime" onchange={on_text(self.edits.edit(link, |s, t: String| s.runtime = if t == "nodejs20" { Runtime::Node20 } else { Runtime::Node24 }))}>
                            <option value="nodejs24" selected={s.runtime == Runtime::Node24}>{"Node.js 24"}</option>
                            <option value="nodejs20" selected={s.runtime == Runtime::Node20}>{"Node.js 20"}</option>
                        </select>
                    </label>
                    if s.runtime == Runtime::Node20 {
                        <p class="hint">{"Node.js 20: the handler calls callback({ outputFields }). HubSpot only offers Node.js 24 to new actions."}</p>
                    }
                    <UpgradePanel flow={self.upgrade.clone()} node20={s.runtime == Runtime::Node20} on_upgrade={link.callback(|_| Msg::Upgrade)}
                                  on_close={link.callback(|_| Msg::CloseUpgrade)}
                                  on_apply={self.edits.edit(link, |s, upgraded: Scenario| { s.code = upgraded.code; s.runtime = upgraded.runtime; })} />
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
                { self.code_card(ctx, false) }
                <div class="card">
                    <h2>{"Data outputs"}</h2>
                    <OutputsTable outputs={s.outputs.clone()} on_change={self.edits.edit(link, |s, outputs| s.outputs = outputs)} />
                </div>
                <details class="card" id="event-section">
                    <summary>{"Event"}</summary>
                    <EventPanel event={s.event.clone()} effective={s.effective_event()} on_change={self.edits.edit(link, |s, e: Value| s.event = e)} />
                </details>
                <details class="card" id="mocks-section" open={!s.http.is_empty()}>
                    <summary>{ format!("HTTP mocks ({})", s.http.len()) }</summary>
                    <MocksPanel rules={s.http.clone()} on_change={self.edits.edit(link, |s, rules| s.http = rules)} />
                </details>
                <details class="card" id="crm-section">
                    <summary>{"CRM records"}</summary>
                    <p class="hint">{"Records the built-in HubSpot API mock serves at https://api.hubapi.com (objects by type, and associations)."}</p>
                    <JsonField id="crm-json" value={s.crm.clone().unwrap_or_else(|| serde_json::json!({"objects": {}, "associations": []}))}
                               on_valid={self.edits.edit(link, |s, v: Value| s.crm = Some(v))} rows={10} shape={Shape::Object} what="CRM records" />
                </details>
                <details class="card" id="settings-section">
                    <summary>{"Settings"}</summary>
                    <SettingsPanel settings={s.settings.clone()} on_change={self.edits.edit(link, |s, settings| s.settings = settings)} />
                </details>
                <div class="card">
                    <label>{"Description"}
                        <textarea id="description" rows="2" value={s.description.clone().unwrap_or_default()}
                                  oninput={on_input_text(self.edits.edit(link, |s, t: String| s.description = Some(t).filter(|t| !t.is_empty())))} /></label>
                </div>
                <CasesPanel scenario={s.clone()} results={self.case_results.clone()} total_ms={self.cases_total_ms}
                            progress={self.cases_run.as_ref().map(|run| Progress { done: run.done_count(), total: run.total, running: run.running_case().unwrap_or_default().to_string() })}
                            blocked={self.test_blocked().map(AttrValue::from)} on_run_all={self.cases_callbacks.run_all.clone()}
                            on_stop={self.cases_callbacks.stop.clone()} on_edit={self.cases_callbacks.edit.clone()} />
            </section>
        }
    }

    fn code_card(&self, ctx: &Context<Self>, read_only: bool) -> Html {
        let link = ctx.link();
        let s = &self.bench.scenario;
        let error_mark = self.report.as_ref().filter(|r| r.error.is_some()).and_then(|r| {
            let line = workspace::error_line(r)?;
            let e = r.error.as_ref()?;
            Some((line, format!("{}: {}", e.name, e.message)))
        });
        let names = |rows: Vec<(String, String)>| rows.into_iter().map(|(name, _)| name).collect::<Vec<_>>();
        html! {
            <div class="card code-card">
                <h2>{"Code"}</h2>
                <CodeEditor code={AttrValue::from(s.code.clone())} error={error_mark} read_only={read_only} lints={self.lints.clone()}
                            input_names={names(workspace::input_fields(s))} secret_names={names(workspace::secret_rows(s))}
                            on_change={self.edits.edit(link, |s, code: String| s.code = code)}
                            on_run={link.callback(|_| Msg::Test)} />
            </div>
        }
    }

    /// The compact screen for a course page's iframe: the code (unless
    /// output-only) and the test panel, with a way out to the full playground.
    fn embed_view(&self, ctx: &Context<Self>, mode: EmbedMode) -> Html {
        let open = format!("{}#{}", link_base(), share::encode(&self.bench.scenario));
        html! {
            <div class="app embed">
                <header class="embed-top">
                    <h1>{ display_name(&self.bench.scenario) }</h1>
                    <a id="open-in-playground" href={open} target="_blank" rel="noopener">{"Open in playground ↗"}</a>
                </header>
                <main class={classes!("embed-columns", mode.output_only.then_some("output-only"))}>
                    if !mode.output_only { { self.code_card(ctx, mode.read_only) } }
                    { self.test_side(ctx) }
                </main>
            </div>
        }
    }

    fn test_side(&self, ctx: &Context<Self>) -> Html {
        let exercise = self.exercise_playground();
        let scenario = exercise.as_ref().unwrap_or(&self.bench.scenario);
        let started_at = scenario.settings.now.clone().unwrap_or_else(|| String::from(js_sys::Date::new_0().to_iso_string()));
        html! {
            <TestPanel report={self.report.clone()} running={self.running} engine_ready={self.engine_ready}
                       live_logs={self.live_logs.clone()} live_requests={self.live_requests.clone()}
                       outputs={scenario.outputs.clone()} seed={AttrValue::from(scenario.code.clone())}
                       blocked={self.test_blocked().map(AttrValue::from)}
                       started_at={AttrValue::from(started_at)} on_test={ctx.link().callback(|_| Msg::Test)}
                       on_stop={ctx.link().callback(|_| Msg::Stop)} limit_ms={self.bench.scenario.settings.timeout_ms}
                       on_add_rule={self.edits.edit(ctx.link(), |s, rule| s.http.push(rule))} />
        }
    }
}
