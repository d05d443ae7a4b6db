use super::super::{Found, Input, Rule, Severity};
use crate::scenario::Runtime;

pub const RULE: Rule = Rule {
    id: "callback-on-node24",
    severity: Severity::Error,
    summary: "Node.js 24 passes no callback to exports.main",
    explanation: "On Node.js 24 HubSpot calls exports.main(event) and reads the outputs from the value it returns (or resolves to); \
callback-style handlers are not supported. The second parameter is undefined, so calling it throws \
\"TypeError: callback is not a function\" and the action fails. Fix: delete the parameter and `return { outputFields: { … } }` \
where the code called callback (the Upgrade to Node 24 command does this).",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    if input.runtime != Runtime::Node24 {
        return;
    }
    let Some(handler) = input.facts.handler() else { return };
    let Some(callback) = handler.params.get(1).filter(|p| !p.name.is_empty()) else { return };
    out.push(Found::new(callback.span, format!("`{}` is undefined on Node.js 24: return {{ outputFields }} instead", callback.name)));
    for call in &input.facts.calls {
        if call.callee == callback.name && input.facts.within_handler(call.span.0) {
            out.push(Found::new(call.span, format!("`{}` is undefined on Node.js 24: this call throws a TypeError", callback.name)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Node20, Node24};
    use crate::lint::ids;

    #[test]
    fn flags_the_callback_parameter_and_its_calls_on_node24_only() {
        let code = "exports.main = async (event, callback) => {\n  callback({ outputFields: { a: 1 } });\n};";
        assert_eq!(ids(code, Node24, &[], &[]), ["callback-on-node24", "callback-on-node24"]);
        assert!(ids(code, Node20, &[], &[]).is_empty());
        assert!(ids("exports.main = async (event) => ({ outputFields: {} });", Node24, &[], &[]).is_empty());
    }
}
