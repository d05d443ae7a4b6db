use super::super::facts::InitKind;
use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "module-state",
    severity: Severity::Warning,
    summary: "module-level state changed by the handler (kept in a warm container)",
    explanation: "HubSpot runs actions on AWS Lambda, which reuses a warm container for later executions: code at \
module level runs once, and a variable declared there keeps what one execution left in it for the next (a counter \
keeps counting, an array keeps growing, a cache serves another record's data). Fix: declare the state inside \
exports.main, or keep it in HubSpot (a property) when it must persist. (A client or constant built once is fine.)",
    check,
};

const MUTATORS: [&str; 9] = ["push", "pop", "shift", "unshift", "splice", "set", "add", "delete", "clear"];

fn check(input: &Input, out: &mut Vec<Found>) {
    let facts = input.facts;
    let in_function = |at: usize| facts.function_at(at).is_some();
    // Code an execution runs: the handler, and the module's named functions
    // it mentions (a function only the module level calls runs once).
    let per_execution = |at: usize| {
        facts.within_handler(at)
            || facts
                .function_at(at)
                .and_then(|f| facts.functions[f].name.as_deref())
                .is_some_and(|name| facts.identifiers.iter().any(|(n, s)| n == name && facts.within_handler(s.0)))
    };
    for declaration in facts.declarations.iter().filter(|d| !in_function(d.span.0) && d.init_kind != InitKind::Function) {
        for (name, span) in &declaration.names {
            let written = facts.writes.iter().any(|w| w.root == *name && per_execution(w.span.0));
            let mutated = declaration.init_kind == InitKind::Container
                && facts.calls.iter().any(|c| {
                    per_execution(c.span.0) && c.callee.strip_prefix(name.as_str()).and_then(|m| m.strip_prefix('.')).is_some_and(|m| MUTATORS.contains(&m))
                });
            let reassigned = written && !declaration.is_const;
            let container_written = written && declaration.init_kind == InitKind::Container;
            if reassigned || mutated || container_written {
                out.push(Found::new(
                    *span,
                    format!("`{name}` lives at module level and the handler changes it: a warm container keeps it for the next execution"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_module_state_the_handler_changes() {
        let code = "let count = 0;\nconst seen = [];\nconst cache = {};\nexports.main = async (event) => {\n  count++;\n  seen.push(event.object.objectId);\n  cache[event.object.objectId] = 1;\n  return {};\n};";
        assert_eq!(ids(code, Node24, &[], &[]), ["module-state", "module-state", "module-state"]);
        let once = "const cases = [];\nconst add = (x) => cases.push(x);\nadd(1);\nexports.main = async (event) => ({ outputFields: { n: cases.length } });";
        assert!(ids(once, Node24, &[], &[]).is_empty(), "filled once at load");
        let helper = "const seen = [];\nfunction remember(x) { seen.push(x); }\nexports.main = async (event) => { remember(1); return {}; };";
        assert_eq!(ids(helper, Node24, &[], &[]), ["module-state"]);
        let fine = "const hubspot = require('@hubspot/api-client');\nconst LIMITS = { a: 1 };\nlet x = 1;\nx = 2;\nexports.main = async (event) => {\n  const seen = [];\n  seen.push(LIMITS.a);\n  let n = x;\n  n++;\n  return {};\n};";
        assert!(ids(fine, Node24, &[], &[]).is_empty());
    }
}
