//! The app's side of an open exercise pack (a child module of `app`): open
//! and reopen packs, keep progress in local storage, run a Check's hidden
//! cases one after another through the runner, and render the step.

use super::{local_storage, session_storage, App, Msg};
use crate::exercise::{self, Exercise};
use crate::panels::exercise::{ExerciseMsg, ExercisePanel};
use crate::workspace;
use action_playground::pack::{parse_pack, Pack};
use action_playground::{RunReport, Scenario};
use yew::prelude::*;

/// The pack this tab has open (per tab, like the open scenario), so a reload reopens it.
const TAB_PACK_KEY: &str = "action-playground.tab-pack";

impl App {
    pub(super) fn open_pack(&mut self, pack: Pack, source: Option<String>) {
        let key = format!("{}{}", exercise::PROGRESS_PREFIX, pack.id);
        let stored = local_storage().and_then(|s| s.get_item(&key).ok().flatten());
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(TAB_PACK_KEY, &pack.id);
        }
        self.exercise = Some(Exercise::open(pack, source, stored.as_deref()));
        self.report = None;
        self.save_progress();
    }

    /// Opens a pack from an imported file's text; false when it is not a valid pack.
    pub(super) fn open_pack_text(&mut self, text: &str) -> Result<(), String> {
        let pack = parse_pack(text)?;
        let source = exercise::builtin(&pack.id).is_none().then(|| text.to_string());
        self.open_pack(pack, source);
        Ok(())
    }

    /// The pack this tab had open before a reload, with its progress.
    pub(super) fn reopen_pack(&mut self) {
        let Some(id) = session_storage().and_then(|s| s.get_item(TAB_PACK_KEY).ok().flatten()) else { return };
        let stored = local_storage().and_then(|s| s.get_item(&format!("{}{id}", exercise::PROGRESS_PREFIX)).ok().flatten());
        let source = stored.as_deref().and_then(|t| serde_json::from_str::<exercise::Progress>(t).ok()).and_then(|p| p.source);
        let text = exercise::builtin(&id).map(String::from).or(source);
        if let Some(pack) = text.and_then(|t| parse_pack(&t).ok()) {
            self.exercise = Some(Exercise::open(pack, None, stored.as_deref()));
        }
    }

    fn save_progress(&self) {
        if let (Some(ex), Some(storage)) = (&self.exercise, local_storage()) {
            let _ = storage.set_item(&ex.storage_key(), &ex.progress_json());
        }
    }

    /// The scenario Test runs while a step is open.
    pub(super) fn exercise_playground(&self) -> Option<Scenario> {
        self.exercise.as_ref().map(Exercise::playground)
    }

    pub(super) fn exercise_update(&mut self, msg: ExerciseMsg) {
        let blocked = self.running || self.test_blocked().is_some();
        let Some(ex) = self.exercise.as_mut() else { return };
        match msg {
            ExerciseMsg::Go(step) => {
                ex.go(step);
                self.report = None;
            }
            ExerciseMsg::Code(code) => ex.set_code(code),
            ExerciseMsg::Hint => ex.reveal_hint(),
            ExerciseMsg::Solution => ex.solution_shown = true,
            ExerciseMsg::Reset => {
                let starter = ex.step().scenario.code.clone();
                ex.set_code(starter);
            }
            ExerciseMsg::Check => {
                if blocked {
                    return;
                }
                if let Some(first) = ex.start_check() {
                    self.run_check(&first);
                }
            }
            ExerciseMsg::Open(_) => return,
            ExerciseMsg::Close => {
                self.exercise = None;
                if let Some(storage) = session_storage() {
                    let _ = storage.remove_item(TAB_PACK_KEY);
                }
                self.report = None;
                return;
            }
        }
        self.save_progress();
    }

    fn run_check(&mut self, scenario: &Scenario) {
        if let Err(why) = self.start_run(scenario) {
            self.exercise_abandon();
            self.report = Some(RunReport::platform_error("ValidationError", why, 0.0));
        }
    }

    /// A finished run that belongs to a Check: records it and starts the
    /// next one. False when no Check is in flight (a plain Test).
    pub(super) fn exercise_run_finished(&mut self, report: &RunReport) -> bool {
        let Some(ex) = self.exercise.as_mut().filter(|ex| ex.checking()) else { return false };
        self.running = false;
        match ex.check_finished(report) {
            Some(next) => self.run_check(&next),
            None => {
                self.report = Some(report.clone());
                self.save_progress();
            }
        }
        true
    }

    pub(super) fn exercise_abandon(&mut self) {
        if let Some(ex) = self.exercise.as_mut() {
            ex.abandon_check();
        }
    }

    pub(super) fn exercise_side(&self, ctx: &Context<Self>, ex: &Exercise) -> Html {
        let step = ex.step();
        let playground = ex.playground();
        let names = |rows: Vec<(String, String)>| rows.into_iter().map(|(name, _)| name).collect::<Vec<_>>();
        html! {
            <ExercisePanel pack_title={AttrValue::from(ex.pack.title.clone())}
                steps={ex.pack.steps.iter().map(|s| (s.title.clone(), ex.is_done(s))).collect::<Vec<_>>()}
                current={ex.progress.step} instructions={AttrValue::from(step.instructions.clone())} code={AttrValue::from(ex.code())}
                hints={step.hints.clone()} hints_shown={ex.hints_shown()}
                solution={ex.solution_shown.then(|| AttrValue::from(step.solution.clone()))}
                checking={ex.checking()} outcomes={ex.outcomes.clone()}
                input_names={names(workspace::input_fields(&playground))} secret_names={names(workspace::secret_rows(&playground))}
                on_msg={ctx.link().callback(Msg::Exercise)} on_run={ctx.link().callback(|_| Msg::Test)} />
        }
    }
}
