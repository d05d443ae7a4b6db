use super::super::{Found, Input, Rule, Severity};
use super::is_hubspot_call;

pub const RULE: Rule = Rule {
    id: "v11-body",
    severity: Severity::Error,
    summary: ".body read from an @hubspot/api-client result",
    explanation: "Up to version 3 the HubSpot client answered { response, body }; since then (the 11.x the runtime \
installs) a call resolves to the object itself, so `.body` is undefined and reading anything under it throws. \
(apiRequest resolves to a fetch Response, whose body is a stream: use await response.json().) \
Fix: use the result directly — `const contact = await client.crm.contacts.basicApi.getById(id)`, then contact.properties.",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    let facts = input.facts;
    let from_client = |text: &str| {
        let awaited = text.strip_prefix("await").map(str::trim_start).unwrap_or("");
        let callee = awaited.split('(').next().unwrap_or("");
        !awaited.is_empty() && is_hubspot_call(callee)
    };
    for declaration in facts.declarations.iter().filter(|d| d.init.as_ref().is_some_and(|(text, _)| from_client(text))) {
        if let Some((_, span)) = declaration.pattern_keys.iter().find(|(k, _)| k == "body") {
            out.push(Found::new(*span, "the HubSpot client's result has no body: it is the object itself"));
        }
        for (name, _) in declaration.names.iter().filter(|_| declaration.pattern_keys.is_empty()) {
            for access in facts.accesses.iter().filter(|a| a.field == "body" && a.target == *name) {
                out.push(Found::new(access.span, format!("{name}.body is undefined: the HubSpot client's result is the object itself")));
            }
        }
    }
    for access in
        facts.accesses.iter().filter(|a| a.field == "body" && a.target.starts_with('(') && from_client(a.target.trim_matches(|c| c == '(' || c == ')')))
    {
        out.push(Found::new(access.span, "the HubSpot client's result has no body: it is the object itself"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_body_on_client_results() {
        let code = "exports.main = async (event) => {\n  const r = await client.crm.contacts.basicApi.getById('1');\n  const { body } = await client.crm.deals.basicApi.getById('2');\n  return { outputFields: { e: r.body.properties.email, d: (await client.crm.companies.basicApi.getPage()).body } };\n};";
        assert_eq!(ids(code, Node24, &[], &[]), ["v11-body", "v11-body", "v11-body"]);
        let fine = "exports.main = async (event) => {\n  const r = await client.crm.contacts.basicApi.getById('1');\n  const res = await axios.post(u, { body: 1 });\n  return { outputFields: { e: r.properties.email, b: res.body } };\n};";
        assert!(ids(fine, Node24, &[], &[]).is_empty());
    }
}
