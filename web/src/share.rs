//! Share links: the scenario, secret values removed, deflated and base64url
//! encoded into the URL fragment behind a version prefix (`#s1.`). The
//! fragment never reaches a server. Decoding is bounded at every step, so a
//! truncated, corrupted or hostile link (a decompression bomb) gets a clear
//! message instead of a frozen tab.

use action_playground::{parse_scenario, Scenario};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Version 1 of the link format. A future format gets a new prefix; this
/// decoder stays so that today's links keep opening.
pub const PREFIX_V1: &str = "s1.";
/// Longest fragment accepted (browsers cap URLs near 2 MB anyway).
const MAX_ENCODED: usize = 1 << 20;
/// Largest scenario a link may inflate to.
const MAX_INFLATED: usize = 4 << 20;

/// A scenario opened from a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub scenario: Scenario,
    /// Secret names whose values the link left out (the user fills them in).
    pub blank_secrets: Vec<String>,
}

/// The fragment (without `#`) that reproduces `scenario`; secret values are blanked.
pub fn encode(scenario: &Scenario) -> String {
    format!("{PREFIX_V1}{}", pack_text(&serde_json::to_string(&scenario.without_secret_values()).expect("a scenario serializes")))
}

/// Opens a fragment (with or without `#`). Errors are one sentence for the user.
pub fn decode(fragment: &str) -> Result<Shared, String> {
    let fragment = fragment.trim_start_matches('#');
    let Some(body) = fragment.strip_prefix(PREFIX_V1) else {
        return Err(match fragment.split_once('.') {
            Some((version, _)) if version.starts_with('s') => {
                format!("This link was made by a newer version of the playground (format {version}); reload to update.")
            }
            _ => "This link is not a playground share link.".into(),
        });
    };
    let text = unpack(body)?;
    let scenario = parse_scenario(&text).map_err(|e| format!("This link holds an invalid scenario: {e}"))?;
    // The secrets the user fills in: the base's and the cases' blanked values, each name once.
    let case_secrets = scenario.cases.iter().flat_map(|c| c.secrets.iter().flatten());
    let mut blank_secrets: Vec<String> = Vec::new();
    for (name, value) in scenario.secrets.iter().chain(case_secrets) {
        if value.as_str().is_none_or(str::is_empty) && !blank_secrets.contains(name) {
            blank_secrets.push(name.clone());
        }
    }
    Ok(Shared { scenario, blank_secrets })
}

/// Deflate + base64url: the packing of every playground link.
pub fn pack_text(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10))
}

/// The text a link body packs, bounded at every step (see the module's note).
pub fn unpack(body: &str) -> Result<String, String> {
    if body.len() > MAX_ENCODED {
        return Err("This link is too long to be a playground link.".into());
    }
    let packed = URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| "This link is damaged (it is not valid base64); it may have been cut off when copied.".to_string())?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED).map_err(|e| {
        if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
            "This link unpacks to more than 4 MB; it was refused.".to_string()
        } else {
            "This link is damaged (its data does not decompress); it may have been cut off when copied.".to_string()
        }
    })?;
    String::from_utf8(json).map_err(|_| "This link is damaged (its data is not text).".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn sample() -> Scenario {
        parse_scenario(
            r#"{"version":1,"runtime":"nodejs24","code":"exports.main = async (e) => ({ outputFields: { n: e.inputFields.n * 2 } })",
                "event":{"inputFields":{"n":21}},"secrets":{"API_KEY":"s3cret"},
                "outputs":[{"name":"n","type":"number"}],"http":[{"url":"https://x.test/*","status":503}],
                "settings":{"now":"2026-03-02T14:30:00Z"},"future":{"kept":true}}"#,
        )
        .unwrap()
    }

    #[test]
    fn round_trip_keeps_everything_but_secret_values() {
        let original = sample();
        let link = encode(&original);
        assert!(link.starts_with("s1."));
        assert!(!link.contains("s3cret"));
        let opened = decode(&format!("#{link}")).unwrap();
        assert_eq!(opened.blank_secrets, vec!["API_KEY".to_string()]);
        let mut expected = original.clone();
        expected.secrets.insert("API_KEY".into(), Value::String(String::new()));
        assert_eq!(opened.scenario, expected);
        assert_eq!(opened.scenario.extra.get("future"), original.extra.get("future"));
    }

    #[test]
    fn secret_values_never_reach_the_link_even_compressed() {
        let original = sample();
        let link = encode(&original);
        let packed = URL_SAFE_NO_PAD.decode(&link[3..]).unwrap();
        let json = miniz_oxide::inflate::decompress_to_vec(&packed).unwrap();
        assert!(!String::from_utf8(json).unwrap().contains("s3cret"));
    }

    #[test]
    fn cases_travel_in_the_link_without_their_secret_values() {
        let mut original = sample();
        original.cases = serde_json::from_value(serde_json::json!([
            {"name": "doubled", "inputFields": {"n": 2}, "expect": {"outputFields": {"n": 4}}, "ignore": ["logs"]},
            {"name": "other key", "secrets": {"API_KEY": "case-s3cret"}}
        ]))
        .unwrap();
        let link = encode(&original);
        let opened = decode(&link).unwrap();
        assert_eq!(opened.scenario.cases.len(), 2);
        assert_eq!(opened.scenario.cases[0], original.cases[0]);
        assert_eq!(opened.scenario.cases[1].secrets.as_ref().unwrap()["API_KEY"], "");
        assert_eq!(opened.blank_secrets, vec!["API_KEY".to_string()]);
        let json = miniz_oxide::inflate::decompress_to_vec(&URL_SAFE_NO_PAD.decode(&link[3..]).unwrap()).unwrap();
        assert!(!String::from_utf8(json).unwrap().contains("s3cret"));
    }

    #[test]
    fn broken_links_get_a_message() {
        let link = encode(&sample());
        assert!(decode("s1.@@@").unwrap_err().contains("not valid base64"));
        assert!(decode(&link[..link.len() / 2]).unwrap_err().contains("damaged"));
        assert!(decode("hello").unwrap_err().contains("not a playground share link"));
        assert!(decode("s9.abc").unwrap_err().contains("newer version"));
        let not_json = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{nope", 6));
        assert!(decode(&format!("s1.{not_json}")).unwrap_err().contains("invalid scenario"));
        let no_code = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(br#"{"version":1}"#, 6));
        assert!(decode(&format!("s1.{no_code}")).unwrap_err().contains("code"));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let zeros = vec![b' '; 64 << 20];
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&zeros, 10));
        assert!(bomb.len() < 200_000);
        assert!(decode(&format!("s1.{bomb}")).unwrap_err().contains("more than 4 MB"));
    }
}
