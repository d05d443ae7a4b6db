use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "client-api-key",
    severity: Severity::Error,
    summary: "new Client({ apiKey }): the client sends no credentials",
    explanation: "HubSpot retired API keys (hapikey) in 2022 and @hubspot/api-client's current Client ignores the \
apiKey option for the CRM APIs: requests go out with no Authorization header and HubSpot answers 401. \
Fix: create a private app, keep its token in a secret and write new Client({ accessToken: process.env.NAME }).",
    check,
};

fn check(input: &Input, out: &mut Vec<Found>) {
    for new in input.facts.news.iter().filter(|n| n.callee == "Client" || n.callee.ends_with(".Client")) {
        if let Some((_, span)) = new.first_object_keys.iter().find(|(k, _)| k == "apiKey") {
            out.push(Found::new(*span, "apiKey sends no credentials: use accessToken with a private app token"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use crate::lint::ids;

    #[test]
    fn flags_api_key_clients() {
        assert_eq!(ids("const hs = new hubspot.Client({ apiKey: process.env.KEY });\nexports.main = async () => ({});", Node24, &[], &[]), ["client-api-key"]);
        assert_eq!(
            ids("const { Client } = require('@hubspot/api-client');\nconst apiKey = 'x';\nconst c = new Client({ apiKey });", Node24, &[], &[]),
            ["client-api-key"]
        );
        assert!(ids("const hs = new hubspot.Client({ accessToken: process.env.TOKEN });\nconst o = new Other({ apiKey: 1 });", Node24, &[], &[]).is_empty());
    }
}
