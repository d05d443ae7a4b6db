use super::super::{Found, Input, Rule, Severity};
use crate::scenario::Runtime;

pub const RULE: Rule = Rule {
    id: "callback-never-called",
    severity: Severity::Error,
    summary: "a Node.js 20 handler that never calls callback",
    explanation: "On Node.js 20 HubSpot reads the outputs only from callback({ outputFields }); a value the handler returns \
is ignored. A handler that never calls (or passes on) its callback delivers nothing and the action fails. Fix: call \
callback({ outputFields: { … } }) on every path, or switch the action to Node.js 24 where the returned value counts.",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    if input.runtime != Runtime::Node20 {
        return;
    }
    let Some(handler) = input.facts.handler() else { return };
    match handler.params.get(1).filter(|p| !p.name.is_empty()) {
        None => {
            let at = handler.params.first().map_or((handler.whole.0, handler.whole.0 + 1), |p| p.span);
            out.push(Found::new(at, "this Node.js 20 handler takes no callback: HubSpot ignores what it returns"));
        }
        Some(callback) => {
            let used = input.facts.identifiers.iter().any(|(name, span)| *name == callback.name && span.0 >= handler.body.0 && span.0 < handler.body.1);
            if !used {
                out.push(Found::new(callback.span, format!("`{}` is never called: the action delivers no outputs", callback.name)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Node20, Node24};
    use crate::lint::ids;

    #[test]
    fn flags_an_unused_callback_or_a_return_style_handler_on_node20() {
        assert_eq!(ids("exports.main = async (event, callback) => {\n  console.log(1);\n};", Node20, &[], &[]), ["callback-never-called"]);
        assert_eq!(ids("exports.main = async (event) => ({ outputFields: {} });", Node20, &[], &[]), ["callback-never-called"]);
        assert!(ids("exports.main = (event, cb) => { cb({ outputFields: {} }); };", Node20, &[], &[]).is_empty());
        assert!(ids("exports.main = (event, cb) => { helper(cb); };\nfunction helper(done) { done({}); }", Node20, &[], &[]).is_empty());
        assert!(ids("exports.main = async (event) => ({ outputFields: {} });", Node24, &[], &[]).is_empty());
    }
}
