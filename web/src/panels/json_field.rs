//! A JSON text area that only hands on valid JSON: while the text does not
//! parse, it says where and keeps the last good value.

use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JsonFieldProps {
    pub id: AttrValue,
    pub value: Value,
    pub on_valid: Callback<Value>,
    #[prop_or(8)]
    pub rows: u32,
    /// What the JSON must be, beyond valid.
    #[prop_or_default]
    pub shape: Shape,
    /// Names the value in the "must be an object" message.
    #[prop_or(AttrValue::Static("This"))]
    pub what: AttrValue,
}

#[derive(Clone, Copy, PartialEq, Default)]
pub enum Shape {
    #[default]
    Any,
    Object,
}

pub enum Msg {
    Typed(String),
}

pub struct JsonField {
    text: String,
    error: Option<String>,
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

impl Component for JsonField {
    type Message = Msg;
    type Properties = JsonFieldProps;

    fn create(ctx: &Context<Self>) -> Self {
        JsonField { text: pretty(&ctx.props().value), error: None }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        // A change from outside (another panel, a loaded sample) replaces the
        // text unless the text already says the same thing.
        let same = serde_json::from_str::<Value>(&self.text).ok().as_ref() == Some(&ctx.props().value);
        if !same && self.error.is_none() {
            self.text = pretty(&ctx.props().value);
        }
        true
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let Msg::Typed(text) = msg;
        self.error = match serde_json::from_str::<Value>(&text) {
            Ok(value) if ctx.props().shape == Shape::Object && !value.is_object() => Some(format!("{} must be a JSON object {{ … }}", ctx.props().what)),
            Ok(value) => {
                ctx.props().on_valid.emit(value);
                None
            }
            Err(e) => Some(format!("Not valid JSON (line {}, column {}): {}", e.line(), e.column(), e)),
        };
        self.text = text;
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let oninput = super::on_input_text(ctx.link().callback(Msg::Typed));
        html! {
            <div class="json-field">
                <textarea id={ctx.props().id.clone()} rows={ctx.props().rows.to_string()} spellcheck="false"
                          class={classes!(self.error.is_some().then_some("invalid"))} value={self.text.clone()} {oninput} />
                if let Some(error) = &self.error {
                    <p class="field-error" role="alert">{ error.clone() }{ " — not applied yet." }</p>
                }
            </div>
        }
    }
}
