use super::super::{Found, Input, Rule, Severity};
use super::event_name;

pub const RULE: Rule = Rule {
    id: "unknown-input-field",
    severity: Severity::Warning,
    summary: "an input field that is not among the properties to include",
    explanation: "event.inputFields holds only the properties chosen under \"Property to include in code\" (this \
scenario's event.inputFields). Any other name reads undefined: string methods on it throw, comparisons silently fail. \
Fix: add the property to the action's inputs (and to this scenario's event.inputFields), or correct the name's spelling.",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    let inputs = format!("{}.inputFields", event_name(input.facts));
    let known = |name: &str| input.input_fields.iter().any(|k| k == name);
    for access in input.facts.accesses.iter().filter(|a| a.target == inputs && !known(&a.field)) {
        out.push(Found::new(access.field_span, format!("'{}' is not among the properties to include: it reads undefined", access.field)));
    }
    for declaration in input.facts.declarations.iter().filter(|d| d.init.as_ref().is_some_and(|(text, _)| *text == inputs)) {
        for (key, span) in declaration.pattern_keys.iter().filter(|(k, _)| !known(k)) {
            out.push(Found::new(*span, format!("'{key}' is not among the properties to include: it reads undefined")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_names_missing_from_the_inputs() {
        let code = "exports.main = async (event) => {\n  const { email, phone } = event.inputFields;\n  return { outputFields: { a: event.inputFields.firstname } };\n};";
        assert_eq!(ids(code, Node24, &[], &["email"]), ["unknown-input-field", "unknown-input-field"]);
        assert!(ids(code, Node24, &[], &["email", "phone", "firstname"]).is_empty());
    }
}
