use super::super::facts::StatementKind;
use super::super::{Found, Input, Rule, Severity};
use super::is_hubspot_call;
use crate::scenario::Runtime;

pub const RULE: Rule = Rule {
    id: "floating-promise",
    severity: Severity::Warning,
    summary: "a promise started and not awaited before the handler returns",
    explanation: "On Node.js 24 the action ends when the promise exports.main returns settles: Lambda freezes the \
container, so a request started without await may never be sent or finish, its failure is reported as an unhandled \
rejection that fails the execution after the outputs were delivered, and its result never reaches the outputs. \
Fix: await it (or collect the promises and await Promise.all) before returning.",
    check,
};

/// Calls that return a promise: the HTTP clients, the HubSpot client, a
/// `.then` chain, and the code's own async functions.
fn returns_promise(callee: &str, input: &Input) -> bool {
    let own_async = input.facts.functions.iter().any(|f| f.is_async && f.name.as_deref() == Some(callee));
    callee == "fetch"
        || callee == "axios"
        || callee.starts_with("axios.")
        || is_hubspot_call(callee)
        || [".then", ".catch", ".finally"].iter().any(|m| callee.ends_with(m))
        || own_async
}

fn check(input: &Input, out: &mut Vec<Found>) {
    if input.runtime != Runtime::Node24 {
        return;
    }
    let facts = input.facts;
    for statement in facts.statements.iter().filter(|s| s.kind == StatementKind::Call && facts.in_handler_body(s.span.0)) {
        let Some(call) = facts.calls.iter().find(|c| c.span.0 == statement.span.0 && c.span.1 == statement.span.1) else { continue };
        if returns_promise(&call.callee, input) {
            out.push(Found::new(call.span, "not awaited: the handler may return (and the container freeze) before this finishes"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Node20, Node24};
    use crate::lint::ids;

    #[test]
    fn flags_promises_dropped_in_the_handler_on_node24() {
        let code = "async function notify() {}\nexports.main = async (event) => {\n  fetch('https://x.example/');\n  notify();\n  axios.post('u', {}).then(() => 1);\n  return { outputFields: {} };\n};";
        assert_eq!(ids(code, Node24, &[], &[]), ["floating-promise", "floating-promise", "floating-promise"]);
        assert!(!ids(code, Node20, &[], &[]).contains(&"floating-promise".to_string()), "callback style: the callback, not the return, ends the run");
        let fine = "exports.main = async (event) => {\n  await fetch('https://x.example/');\n  const p = axios.get('u');\n  await Promise.all([p]);\n  console.log('x');\n  return { outputFields: {} };\n};";
        assert!(ids(fine, Node24, &[], &[]).is_empty());
    }
}
