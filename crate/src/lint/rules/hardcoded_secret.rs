use super::super::{Found, Input, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "hardcoded-secret",
    severity: Severity::Error,
    summary: "a credential written in the code",
    explanation: "Anyone who can open the workflow reads the code, and the code is copied with the workflow, shared \
and pasted into tickets: a key written in it leaks, and rotating it means editing every action. HubSpot's secrets exist \
for this: the value reaches the code as process.env.NAME and is shown to nobody. Fix: add a secret (here: the \
scenario's secrets) and read process.env.NAME; rotate the key that was in the code.",
    check,
};

/// Key shapes, each from its issuer's documented format: (what, prefix, minimum
/// length after the prefix, characters allowed after it).
const SHAPES: &[(&str, &str, usize, fn(char) -> bool)] = &[
    ("a HubSpot private app token", "pat-", 40, |c| c.is_ascii_alphanumeric() || c == '-'),
    ("a Stripe secret key", "sk_live_", 16, |c| c.is_ascii_alphanumeric()),
    ("a Stripe test key", "sk_test_", 16, |c| c.is_ascii_alphanumeric()),
    ("a Stripe restricted key", "rk_live_", 16, |c| c.is_ascii_alphanumeric()),
    ("a Slack bot token", "xoxb-", 20, |c| c.is_ascii_alphanumeric() || c == '-'),
    ("a Slack user token", "xoxp-", 20, |c| c.is_ascii_alphanumeric() || c == '-'),
    ("a Slack app token", "xapp-", 20, |c| c.is_ascii_alphanumeric() || c == '-'),
    ("a Slack webhook URL", "https://hooks.slack.com/services/T", 20, |c| c.is_ascii_alphanumeric() || c == '/'),
    ("a Google API key", "AIza", 35, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
    ("a Twilio account SID", "AC", 32, |c| c.is_ascii_hexdigit()),
    ("a Twilio API key", "SK", 32, |c| c.is_ascii_hexdigit()),
    ("an OpenAI API key", "sk-", 20, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
    ("a bearer token", "Bearer ", 16, |c| c.is_ascii_alphanumeric() || "-._~+/=".contains(c)),
];

/// What credential `text` holds, if any.
pub fn secret_in(text: &str) -> Option<&'static str> {
    for (what, prefix, min, allowed) in SHAPES {
        for (at, _) in text.match_indices(prefix) {
            // A key starts a token: not the tail of a longer word (`ASK…`).
            let boundary = text[..at].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric());
            let tail = text[at + prefix.len()..].chars().take_while(|c| allowed(*c)).count();
            let exact = matches!(*prefix, "AC" | "SK") && tail != *min;
            if boundary && tail >= *min && !exact {
                return Some(what);
            }
        }
    }
    None
}

fn check(input: &Input, out: &mut Vec<Found>) {
    for string in &input.facts.strings {
        if let Some(what) = secret_in(&string.text) {
            out.push(Found::new(string.span, format!("{what} in the code: keep it in a secret and read process.env.NAME")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Node24;
    use super::secret_in;
    use crate::lint::ids;

    #[test]
    fn knows_the_key_shapes() {
        assert_eq!(secret_in("pat-na1-0b7e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"), Some("a HubSpot private app token"));
        assert_eq!(secret_in(&format!("sk_live_{}", "4eC39HqLyjWDarjtT1zdp7dc")), Some("a Stripe secret key"));
        assert_eq!(secret_in(&format!("xoxb-{}", "123456789012-1234567890123-AbCdEfGhIjKlMnOp")), Some("a Slack bot token"));
        assert_eq!(secret_in(&format!("AIza{}", "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY")), Some("a Google API key"));
        assert_eq!(secret_in(&format!("AC{}", "0123456789abcdef0123456789abcdef")), Some("a Twilio account SID"));
        assert_eq!(secret_in(&format!("sk-proj-{}", "abcdEFGHijklMNOPqrstUVWX")), Some("an OpenAI API key"));
        assert_eq!(secret_in("Bearer abcdefghijklmnopqrstuvwx"), Some("a bearer token"));
        for fine in ["Bearer ", "pat-", "ASK0123456789abcdef0123456789abcdef0", "sk-short", "risk-assessment-level-high-priority-ok", "application/json"] {
            assert_eq!(secret_in(fine), None, "{fine}");
        }
    }

    #[test]
    fn flags_literals_not_secrets_read_from_the_environment() {
        let code = "exports.main = async (e) => {\n  const h = { Authorization: 'Bearer abcdefghijklmnopqrstuvwx' };\n  const t = `Bearer ${process.env.TOKEN}`;\n  return {};\n};";
        assert_eq!(ids(code, Node24, &[], &[]), ["hardcoded-secret"]);
    }
}
