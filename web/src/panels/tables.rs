//! Name → value tables (secrets, "properties to include in code") and the
//! declared data outputs, as HubSpot's editor lays them out.

use super::{on_input_text, on_text};
use crate::workspace::TableEdit;
use action_playground::scenario::bounds::OUTPUTS_LIMIT;
use action_playground::scenario::{OutputDecl, OutputType};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeyValueProps {
    pub id: AttrValue,
    pub rows: Vec<(String, String)>,
    pub on_edit: Callback<TableEdit>,
    #[prop_or_default]
    pub masked: bool,
    pub name_placeholder: AttrValue,
    pub value_placeholder: AttrValue,
    pub max_rows: usize,
}

/// Rows edit in place (names on change, values as you type); a blank row at
/// the bottom adds one.
#[function_component]
pub fn KeyValueTable(props: &KeyValueProps) -> Html {
    let revealed = use_state(|| false);
    let new_name = use_state(String::new);
    let new_value = use_state(String::new);
    let kind = if props.masked && !*revealed { "password" } else { "text" };
    let rows = props.rows.iter().enumerate().map(|(index, (name, value))| {
        let rename = props.on_edit.reform(move |name| TableEdit::Rename { index, name });
        let set = props.on_edit.reform(move |value| TableEdit::SetValue { index, value });
        let remove = props.on_edit.reform(move |_| TableEdit::Remove { index });
        html! {
            <tr key={name.clone()}>
                <td><input class="name" aria-label="name" value={name.clone()} onchange={on_text(rename)} /></td>
                <td><input class="value" aria-label={format!("value of {name}")} type={kind} value={value.clone()}
                           oninput={on_input_text(set)} autocomplete="off" spellcheck="false" /></td>
                <td><button class="icon" title="Remove" aria-label={format!("remove {name}")} onclick={remove}>{"×"}</button></td>
            </tr>
        }
    });
    let add = {
        let (on_edit, new_name, new_value) = (props.on_edit.clone(), new_name.clone(), new_value.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_edit.emit(TableEdit::Add { name: (*new_name).clone(), value: (*new_value).clone() });
            new_name.set(String::new());
            new_value.set(String::new());
        })
    };
    let full = props.rows.len() >= props.max_rows;
    html! {
        <div class="kv" id={props.id.clone()}>
            <table>
                <tbody>{ for rows }</tbody>
            </table>
            if !full {
                <form class="kv-add" onsubmit={add}>
                    <input class="name" placeholder={props.name_placeholder.clone()} value={(*new_name).clone()}
                           oninput={on_input_text(Callback::from(move |t| new_name.set(t)))} />
                    <input class="value" placeholder={props.value_placeholder.clone()} type={kind} value={(*new_value).clone()}
                           oninput={on_input_text(Callback::from(move |t| new_value.set(t)))} autocomplete="off" />
                    <button type="submit">{"Add"}</button>
                </form>
            } else {
                <p class="hint">{ format!("HubSpot allows {} here.", props.max_rows) }</p>
            }
            if props.masked {
                <label class="reveal"><input type="checkbox" checked={*revealed}
                    onchange={Callback::from(move |_| revealed.set(!*revealed))} />{" Show values"}</label>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutputsProps {
    pub outputs: Vec<OutputDecl>,
    pub on_change: Callback<Vec<OutputDecl>>,
}

#[function_component]
pub fn OutputsTable(props: &OutputsProps) -> Html {
    let rows = props.outputs.iter().enumerate().map(|(index, decl)| {
        let with = |f: Box<dyn Fn(&mut OutputDecl, String)>| {
            let (outputs, on_change) = (props.outputs.clone(), props.on_change.clone());
            Callback::from(move |text: String| {
                let mut outputs = outputs.clone();
                f(&mut outputs[index], text);
                on_change.emit(outputs);
            })
        };
        let remove = {
            let (outputs, on_change) = (props.outputs.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut outputs = outputs.clone();
                outputs.remove(index);
                on_change.emit(outputs);
            })
        };
        html! {
            <tr>
                <td><input aria-label="output name" value={decl.name.clone()}
                           onchange={on_text(with(Box::new(|d, t| d.name = t.trim().to_string())))} /></td>
                <td><select aria-label={format!("type of {}", decl.name)} onchange={on_text(with(Box::new(|d, t| d.kind = t)))}>
                    { for OutputType::ALL.iter().map(|t| html! { <option value={t.name()} selected={decl.kind == t.name()}>{ t.name() }</option> }) }
                </select></td>
                <td><button class="icon" title="Remove" onclick={remove}>{"×"}</button></td>
            </tr>
        }
    });
    let add = {
        let (outputs, on_change) = (props.outputs.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut outputs = outputs.clone();
            outputs.push(OutputDecl { name: format!("output_{}", outputs.len() + 1), kind: "string".into(), extra: Default::default() });
            on_change.emit(outputs);
        })
    };
    html! {
        <div class="kv" id="outputs">
            <table><tbody>{ for rows }</tbody></table>
            // The scenario bounds (a scenario over them would not reopen).
            <button onclick={add} disabled={props.outputs.len() >= OUTPUTS_LIMIT}
                    title={format!("at most {OUTPUTS_LIMIT} outputs")}>{"Add output"}</button>
        </div>
    }
}
