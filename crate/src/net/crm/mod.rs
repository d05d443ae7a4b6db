//! The built-in HubSpot API mock: requests to `https://api.hubapi.com` that
//! no mock rule answers are served from the scenario's `crm` records, in
//! HubSpot's own request and response shapes (CRM v3 objects, search, batch;
//! v3/v4 associations; owners). Writes change the records for the rest of the
//! run and are recorded as `crmChanges`.

mod records;
mod routes;
mod search;

use crate::report::CrmChange;
pub use records::canonical_type;
use records::{Association, Record};
use serde_json::{json, Map, Value};

pub const API_ORIGIN: &str = "https://api.hubapi.com";

/// One answer of the mock.
#[derive(Debug, Clone, PartialEq)]
pub struct CrmAnswer {
    pub status: u16,
    /// JSON text, or empty (204).
    pub body: String,
}

#[derive(Debug, Default)]
pub struct CrmMock {
    /// Object type (plural path name) → records, in the scenario's order.
    objects: Vec<(String, Vec<Record>)>,
    associations: Vec<Association>,
    owners: Vec<Value>,
    changes: Vec<CrmChange>,
    next_id: u64,
    requests: u64,
}

fn iso(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms).map(|t| format!("{}", t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ"))).unwrap_or_default()
}

impl CrmMock {
    /// The portal a scenario's `crm` describes (`objects`, `associations`, `owners`).
    pub fn from_scenario(crm: Option<&Value>, now_ms: i64) -> Self {
        let mut mock = CrmMock::default();
        let Some(crm) = crm else { return mock };
        let created = iso(now_ms - 86_400_000);
        let mut max_id = 0u64;
        if let Some(objects) = crm.get("objects").and_then(Value::as_object) {
            for (kind, list) in objects {
                let kind = canonical_type(kind);
                let records: Vec<Record> = list
                    .as_array()
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .map(|(i, r)| {
                        let id = r.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).unwrap_or_else(|| (i + 1).to_string());
                        max_id = max_id.max(id.parse().unwrap_or(0));
                        let properties = r
                            .get("properties")
                            .and_then(Value::as_object)
                            .map(|p| p.iter().map(|(k, v)| (k.clone(), records::stored(v))).collect())
                            .unwrap_or_default();
                        let text = |key: &str, fallback: &str| r.get(key).and_then(Value::as_str).unwrap_or(fallback).to_string();
                        let created_at = text("createdAt", &created);
                        Record {
                            id,
                            properties,
                            updated_at: text("updatedAt", &created_at),
                            created_at,
                            archived: r.get("archived").and_then(Value::as_bool).unwrap_or(false),
                        }
                    })
                    .collect();
                mock.objects.push((kind, records));
            }
        }
        for link in crm.get("associations").and_then(Value::as_array).into_iter().flatten() {
            let split = |key: &str| -> Option<(String, String)> {
                let (kind, id) = link.get(key)?.as_str()?.split_once('/')?;
                Some((canonical_type(kind), id.to_string()))
            };
            if let (Some((from_type, from_id)), Some((to_type, to_id))) = (split("from"), split("to")) {
                let type_id = link.get("typeId").and_then(Value::as_u64).unwrap_or_else(|| records::association_type_id(&from_type, &to_type));
                mock.associate(&from_type, &from_id, &to_type, &to_id, Some(type_id), false);
            }
        }
        mock.owners = crm.get("owners").and_then(Value::as_array).cloned().unwrap_or_default();
        mock.next_id = (max_id + 1).max(10_001);
        mock
    }

    /// The writes so far, in order.
    pub fn changes(&self) -> Vec<CrmChange> {
        self.changes.clone()
    }

    fn correlation_id(&mut self) -> String {
        self.requests += 1;
        format!("a1b2c3d4-0000-4000-8000-{:012x}", self.requests)
    }

    fn error(&mut self, status: u16, category: &str, message: &str) -> CrmAnswer {
        let body = json!({ "status": "error", "message": message, "correlationId": self.correlation_id(), "category": category });
        CrmAnswer { status, body: body.to_string() }
    }

    fn ok(&self, status: u16, body: Value) -> CrmAnswer {
        CrmAnswer { status, body: body.to_string() }
    }

    /// Answers one request to the API.
    pub fn handle(&mut self, method: &str, url: &str, headers: &Map<String, Value>, body: Option<&str>, now_ms: i64) -> CrmAnswer {
        let bearer = headers.get("authorization").and_then(Value::as_str).and_then(|a| a.strip_prefix("Bearer ")).map(str::trim).filter(|t| !t.is_empty());
        if bearer.is_none() {
            return self.error(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
            );
        }
        let rest = url.strip_prefix(API_ORIGIN).unwrap_or(url);
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let query: Vec<(String, String)> = url_query(query);
        let body = match body.filter(|b| !b.trim().is_empty()).map(serde_json::from_str::<Value>) {
            None => None,
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => {
                return self.error(
                    400,
                    "VALIDATION_ERROR",
                    &format!("Invalid input JSON on line {}, column {}: {}", e.line(), e.column(), strip_position(&e.to_string())),
                );
            }
        };
        let segments: Vec<String> = path.trim_matches('/').split('/').map(percent_decode).collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        routes::route(self, method, &segments, &query, body, now_ms)
    }

    fn records_mut(&mut self, kind: &str) -> &mut Vec<Record> {
        if let Some(i) = self.objects.iter().position(|(k, _)| k == kind) {
            return &mut self.objects[i].1;
        }
        self.objects.push((kind.to_string(), Vec::new()));
        &mut self.objects.last_mut().expect("just pushed").1
    }

    fn records(&self, kind: &str) -> &[Record] {
        self.objects.iter().find(|(k, _)| k == kind).map(|(_, r)| r.as_slice()).unwrap_or(&[])
    }

    /// Whether any record of `kind` has `property` (so a read returns it as null when unset).
    fn known_property(&self, kind: &str, property: &str) -> bool {
        records::default_properties(kind).contains(&property) || self.records(kind).iter().any(|r| r.properties.contains_key(property))
    }

    fn find(&self, kind: &str, id: &str, id_property: Option<&str>, archived: bool) -> Option<&Record> {
        self.records(kind).iter().find(|r| {
            r.archived == archived
                && match id_property {
                    Some(p) if p != "hs_object_id" => r.properties.get(p).and_then(Value::as_str).is_some_and(|v| v.eq_ignore_ascii_case(id)),
                    _ => r.id == id,
                }
        })
    }

    fn record_change(&mut self, kind: &str, id: &str, property: &str, before: Value, after: Value) {
        self.changes.push(CrmChange { object: kind.into(), id: id.into(), property: property.into(), before, after });
    }

    fn associate(&mut self, from_type: &str, from_id: &str, to_type: &str, to_id: &str, type_id: Option<u64>, record: bool) -> bool {
        let exists = self.associations.iter().any(|a| a.from_type == from_type && a.from_id == from_id && a.to_type == to_type && a.to_id == to_id);
        if exists {
            return false;
        }
        let forward = type_id.unwrap_or_else(|| records::association_type_id(from_type, to_type));
        self.associations.push(Association {
            from_type: from_type.into(),
            from_id: from_id.into(),
            to_type: to_type.into(),
            to_id: to_id.into(),
            type_id: forward,
        });
        self.associations.push(Association {
            from_type: to_type.into(),
            from_id: to_id.into(),
            to_type: from_type.into(),
            to_id: from_id.into(),
            type_id: records::association_type_id(to_type, from_type),
        });
        if record {
            self.record_change(from_type, from_id, &format!("associations.{to_type}"), Value::Null, Value::String(to_id.into()));
        }
        true
    }

    fn associated(&self, from_type: &str, from_id: &str, to_type: &str) -> Vec<&Association> {
        self.associations.iter().filter(|a| a.from_type == from_type && a.from_id == from_id && a.to_type == to_type).collect()
    }
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn url_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests;
