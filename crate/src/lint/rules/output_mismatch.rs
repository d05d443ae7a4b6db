use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "output-mismatch",
    severity: Severity::Warning,
    summary: "an output that is not declared, or whose value does not fit its type",
    explanation: "HubSpot keeps only the data outputs declared on the action, with their type: an output the code \
delivers under another name raises the \"undeclared outputs\" alert and later actions cannot use it, and a value of the \
wrong type (a text for a number, anything but UNIX milliseconds for a date) is stored wrongly or not at all. \
Fix: declare the output with the name the code uses, or deliver a value of the declared type.",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    if input.outputs.is_empty() {
        return;
    }
    for outputs in input.facts.outputs.iter().filter(|o| input.facts.within_handler(o.span.0)) {
        for field in &outputs.fields {
            match input.outputs.iter().find(|d| d.name == field.name) {
                None => out
                    .push(Found::new(field.span, format!("output '{}' is not declared: HubSpot drops it and raises the undeclared outputs alert", field.name))),
                Some(declared) => {
                    let misfit = field.literal.as_ref().filter(|v| !v.is_null()).and_then(|value| declared.output_type()?.misfit(value));
                    let shape = match field.value {
                        super::super::facts::ValueKind::Object | super::super::facts::ValueKind::Array => {
                            declared.output_type().and_then(|t| t.misfit(&serde_json::json!({})))
                        }
                        _ => None,
                    };
                    if let Some(why) = misfit.or(shape) {
                        out.push(Found::new(field.span, format!("output '{}' is {why}", field.name)));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Node20, Node24};
    use crate::lint::ids;

    #[test]
    fn flags_undeclared_names_and_literals_of_the_wrong_type() {
        let code = "exports.main = async (event) => ({ outputFields: { score: 'high', tier: 'A', extra: 1 } });";
        assert_eq!(ids(code, Node24, &[("score", "number"), ("tier", "string")], &[]), ["output-mismatch", "output-mismatch"]);
        let fine = "exports.main = (event, cb) => cb({ outputFields: { score: 3, tier: x, when: Date.now(), none: null } });";
        assert!(ids(fine, Node20, &[("score", "number"), ("tier", "string"), ("when", "datetime"), ("none", "number")], &[]).is_empty());
        assert!(ids(code, Node24, &[], &[]).is_empty(), "nothing declared: HubSpot checks nothing");
    }
}
