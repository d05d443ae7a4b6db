//! The one request path every client (fetch, axios, https, request, the
//! HubSpot client) goes through: the scenario's mock rules, tried in order,
//! first match wins (`rules.rs`); then, for https://api.hubapi.com, the
//! built-in CRM mock (`crm/`); every request is recorded.

pub mod crm;
mod rules;

pub use rules::{contains_subset, glob_matches};

use crate::report::RequestRecord;
use crate::scenario::{Latency, MockRule, Settings};
use rules::{reply, rule_matches, Incoming};
use serde_json::{Map, Value};
use std::cell::RefCell;

/// What a request gets back.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Response {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
        delay_ms: u64,
    },
    /// `kind`: `timeout`, `network` or `unmatched`.
    Failure {
        kind: &'static str,
        message: String,
        delay_ms: u64,
    },
}

/// The mock network of a run. Rule use counts and the CRM's records live
/// here, so HubSpot's retries of an action (a fresh context each) carry them on.
#[derive(Default)]
pub struct MockNetwork {
    rules: Vec<MockRule>,
    used: RefCell<Vec<u64>>,
    crm: RefCell<crm::CrmMock>,
    /// `settings.strictMocks`: an unmatched request fails the run.
    strict: bool,
    latency: Option<Latency>,
}

/// The words of a request no rule answered (the panel's "no mock rule matched").
pub fn unmatched_message(method: &str, url: &str) -> String {
    format!("no mock for {method} {url}")
}

impl MockNetwork {
    /// The scenario's rules, and its CRM records as of `now_ms`.
    pub fn new(rules: Vec<MockRule>, crm: Option<&Value>, now_ms: i64) -> Self {
        let used = RefCell::new(vec![0; rules.len()]);
        Self { rules, used, crm: RefCell::new(crm::CrmMock::from_scenario(crm, now_ms)), strict: false, latency: None }
    }

    /// The settings the network applies: strict matching, the latency what-if.
    pub fn with_settings(mut self, settings: &Settings) -> Self {
        self.strict = settings.strict_mocks;
        self.latency = settings.latency.clone();
        self
    }

    pub fn is_strict(&self) -> bool {
        self.strict
    }

    fn delay(&self, delay_ms: u64) -> u64 {
        self.latency.as_ref().map_or(delay_ms, |l| l.apply(delay_ms))
    }

    /// The writes the run made to the mock CRM (`crmChanges`).
    pub fn crm_changes(&self) -> Vec<crate::report::CrmChange> {
        self.crm.borrow().changes()
    }

    /// Answers one request and the record of it for the report.
    /// `headers` are the request's, kept in the record for the panel.
    pub fn answer(&self, method: &str, url: &str, body: Option<String>, headers: Map<String, Value>, now_ms: i64) -> (Answer, RequestRecord) {
        let method = method.to_ascii_uppercase();
        let mut used = self.used.borrow_mut();
        let incoming = Incoming { method: &method, url, headers: &headers, body: body.as_deref() };
        let found = self.rules.iter().enumerate().find(|(i, r)| r.times.is_none_or(|t| used[*i] < t) && rule_matches(r, &incoming));
        let mut record = RequestRecord {
            method: method.clone(),
            url: url.to_string(),
            status: None,
            body: body.filter(|b| !b.is_empty()),
            request_headers: headers,
            ..Default::default()
        };
        let Some((index, rule)) = found else {
            if url.starts_with(crm::API_ORIGIN) && url[crm::API_ORIGIN.len()..].starts_with(['/', '?']) {
                let answer = self.crm.borrow_mut().handle(&method, url, &record.request_headers, record.body.as_deref(), now_ms);
                let headers =
                    if answer.body.is_empty() { Vec::new() } else { vec![("content-type".to_string(), "application/json;charset=utf-8".to_string())] };
                let delay_ms = self.delay(0);
                record.status = Some(answer.status);
                record.latency_ms = Some(delay_ms);
                record.response_headers = headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
                record.response_body = Some(answer.body.clone()).filter(|b| !b.is_empty());
                return (Answer::Response { status: answer.status, headers, body: answer.body, delay_ms }, record);
            }
            // The reference runtime's words (the panel adds how to fix it).
            record.unmatched = true;
            return (Answer::Failure { kind: "unmatched", message: unmatched_message(&method, url), delay_ms: 0 }, record);
        };
        let nth = used[index];
        used[index] += 1;
        let rule = reply(rule, nth);
        let delay_ms = self.delay(rule.delay_ms);
        record.latency_ms = Some(delay_ms);
        record.rule = Some(index);
        if let Some(kind) = &rule.error {
            let (kind, message) = if kind == "timeout" { ("timeout", "ETIMEDOUT") } else { ("network", "ECONNREFUSED") };
            return (Answer::Failure { kind, message: message.into(), delay_ms }, record);
        }
        let mut headers: Vec<(String, String)> =
            rule.headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect();
        let body = match &rule.body {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                if !headers.iter().any(|(k, _)| k == "content-type") {
                    headers.push(("content-type".into(), "application/json".into()));
                }
                other.to_string()
            }
        };
        let status = rule.status;
        // The oracle answers with `new Response(text)`, which labels a text
        // body (an empty one too) text/plain unless a header says otherwise;
        // only a 204 has no body.
        if matches!(&rule.body, None | Some(Value::Null) | Some(Value::String(_))) && status != 204 && !headers.iter().any(|(k, _)| k == "content-type") {
            headers.push(("content-type".into(), "text/plain;charset=UTF-8".into()));
        }
        record.status = Some(status);
        record.response_headers = headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
        record.response_body = Some(body.clone()).filter(|b| !b.is_empty());
        (Answer::Response { status, headers, body, delay_ms }, record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: &str) -> MockRule {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn rules_go_in_order_and_times_runs_out() {
        let net = MockNetwork::new(
            vec![rule(r#"{"method":"GET","url":"https://x/*","status":429,"times":1}"#), rule(r#"{"url":"https://x/*","body":{"ok":true}}"#)],
            None,
            0,
        );
        let (a, rec) = net.answer("get", "https://x/1", None, Map::new(), 0);
        assert!(matches!(a, Answer::Response { status: 429, .. }));
        assert_eq!(rec.status, Some(429));
        let (a, _) = net.answer("GET", "https://x/1", None, Map::new(), 0);
        let Answer::Response { status, headers, body, .. } = a else { panic!() };
        assert_eq!((status, body.as_str()), (200, r#"{"ok":true}"#));
        assert!(headers.contains(&("content-type".into(), "application/json".into())));
    }

    #[test]
    fn unmatched_and_failing_requests_have_no_status() {
        let net = MockNetwork::new(vec![rule(r#"{"url":"https://down/*","error":"timeout","delayMs":300}"#)], None, 0);
        let (a, rec) = net.answer("POST", "https://down/a", Some("{}".into()), Map::new(), 0);
        assert_eq!(a, Answer::Failure { kind: "timeout", message: "ETIMEDOUT".into(), delay_ms: 300 });
        assert_eq!((rec.status, rec.body.as_deref()), (None, Some("{}")));
        let (a, _) = net.answer("GET", "https://elsewhere/", None, Map::new(), 0);
        let Answer::Failure { kind, message, .. } = a else { panic!() };
        assert_eq!(kind, "unmatched");
        assert!(message.contains("GET https://elsewhere/"));
    }
}
