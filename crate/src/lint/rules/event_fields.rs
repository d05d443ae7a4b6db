use super::super::{Found, Input, Rule, Severity};
use super::event_name;

pub const RULE: Rule = Rule {
    id: "event-fields",
    severity: Severity::Error,
    summary: "event.fields does not exist: the inputs are event.inputFields",
    explanation: "HubSpot hands the \"properties to include in code\" to the action as event.inputFields. \
event.fields is undefined, so reading a property of it throws \"Cannot read properties of undefined\". \
Fix: read event.inputFields.NAME (and add NAME to the properties to include).",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    let event = event_name(input.facts);
    for access in input.facts.accesses.iter().filter(|a| a.field == "fields" && a.target == event && input.facts.within_handler(a.span.0)) {
        out.push(Found::new(access.span, format!("{event}.fields is undefined: use {event}.inputFields")));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_event_fields_on_the_handlers_event() {
        assert_eq!(ids("exports.main = async (event) => ({ outputFields: { e: event.fields.email } });", Node24, &[], &["email"]), ["event-fields"]);
        assert_eq!(ids("exports.main = async (ev) => { const f = ev.fields; return {}; };", Node24, &[], &[]), ["event-fields"]);
        assert!(ids("exports.main = async (event) => ({ outputFields: { e: event.inputFields.email, f: form.fields } });", Node24, &[], &["email"]).is_empty());
    }
}
