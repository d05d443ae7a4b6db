use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "math-random",
    severity: Severity::Warning,
    summary: "Math.random is neither secure nor repeatable",
    explanation: "Math.random() is not a cryptographically secure generator (never use it for tokens, codes or \
passwords; HubSpot lists random-number-csprng among the libraries for that), and it gives a different value on every \
execution: a retried or re-enrolled record can take another branch (a round-robin picks another owner), and a test run \
here cannot be repeated exactly. Fix: derive the choice from the record (e.g. objectId % n) when it must be stable, \
or use random-number-csprng / crypto.randomInt when it must be secret.",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    for call in input.facts.calls.iter().filter(|c| c.callee == "Math.random") {
        out.push(Found::new(call.span, "Math.random(): a different value on every execution, and not secure"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_math_random_calls_only() {
        assert_eq!(ids("exports.main = async (e) => ({ outputFields: { n: Math.random() } });", Node24, &[], &[]), ["math-random"]);
        assert!(
            ids("const random = () => 4;\nexports.main = async (e) => ({ outputFields: { n: random(), m: Math.floor(2.5) } });", Node24, &[], &[]).is_empty()
        );
    }
}
