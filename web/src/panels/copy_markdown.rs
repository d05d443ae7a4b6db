//! "Copy as Markdown": the scenario and its last result as one Markdown
//! block (`action_playground::markdown`) plus the share link, put on the
//! clipboard and shown for copying by hand (a browser may refuse the
//! clipboard, e.g. in a frame without `clipboard-write`).

use action_playground::markdown::scenario_markdown;
use action_playground::{RunReport, Scenario};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyMarkdownProps {
    pub scenario: Scenario,
    pub report: Option<RunReport>,
    /// The playground's folder URL; the share link is this plus the fragment.
    pub link_base: AttrValue,
}

#[function_component]
pub fn CopyMarkdown(props: &CopyMarkdownProps) -> Html {
    let text = use_state(|| None::<String>);
    let on_copy = {
        let (text, scenario, report, base) = (text.clone(), props.scenario.clone(), props.report.clone(), props.link_base.clone());
        Callback::from(move |_: MouseEvent| {
            let link = format!("{base}#{}", crate::share::encode(&scenario));
            let markdown = scenario_markdown(&scenario, report.as_ref(), Some(&link));
            let _ = gloo::utils::window().navigator().clipboard().write_text(&markdown);
            text.set(Some(markdown));
        })
    };
    let on_close = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| text.set(None))
    };
    html! {
        <>
            <button id="copy-markdown" onclick={on_copy} title="Code, event, mocks and the last result as Markdown, for a forum post or a bug report (secret values left out)">{"Copy as Markdown"}</button>
            if let Some(markdown) = &*text {
                <div id="markdown-dialog" class="markdown-dialog" role="dialog" aria-label="Markdown for a post">
                    <p role="status">{"Copied to the clipboard. Paste it in a forum post or an issue; secret values are left out."}</p>
                    <textarea id="markdown-text" readonly=true rows="12" aria-label="Markdown" value={markdown.clone()} />
                    <button id="markdown-close" onclick={on_close}>{"Close"}</button>
                </div>
            }
        </>
    }
}
