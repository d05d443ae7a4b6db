use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "associations-api",
    severity: Severity::Error,
    summary: "per-object associationsApi: gone from @hubspot/api-client 11",
    explanation: "Older clients had client.crm.contacts.associationsApi (and one per object type); version 11, which \
the runtime installs, has none, so the property is undefined and calling a method on it throws \
\"Cannot read properties of undefined\". Fix: use the v4 associations API — \
client.crm.associations.v4.basicApi.getPage('contacts', id, 'companies') or .create(…).",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    for access in input.facts.accesses.iter().filter(|a| a.field == "associationsApi" && a.target.contains(".crm.")) {
        out.push(Found::new(access.field_span, "associationsApi does not exist in @hubspot/api-client 11: use client.crm.associations.v4"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_per_object_associations_api() {
        assert_eq!(
            ids("exports.main = async (e) => { await hs.crm.contacts.associationsApi.getAll(1, 'companies'); return {}; };", Node24, &[], &[]),
            ["associations-api"]
        );
        assert!(ids(
            "exports.main = async (e) => { await hs.crm.associations.v4.basicApi.getPage('contacts', 1, 'companies'); return {}; };",
            Node24,
            &[],
            &[]
        )
        .is_empty());
    }
}
