//! The endpoints the mock serves, by method and path.

use super::records::{self, canonical_type, singular, Record};
use super::search;
use super::{iso, CrmAnswer, CrmMock};
use serde_json::{json, Map, Value};

type Query = [(String, String)];

fn param<'a>(query: &'a Query, name: &str) -> Option<&'a str> {
    query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// `properties=a,b&properties=c` → [a, b, c].
fn list_param(query: &Query, name: &str) -> Vec<String> {
    query.iter().filter(|(k, _)| k == name).flat_map(|(_, v)| v.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value.and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect()).unwrap_or_default()
}

pub fn route(mock: &mut CrmMock, method: &str, path: &[&str], query: &Query, body: Option<Value>, now_ms: i64) -> CrmAnswer {
    let method = method.to_ascii_uppercase();
    match (method.as_str(), path) {
        ("GET", ["crm", "v3", "objects", kind, id]) => read(mock, &canonical_type(kind), id, query),
        ("PATCH", ["crm", "v3", "objects", kind, id]) => update(mock, &canonical_type(kind), id, query, body, now_ms),
        ("DELETE", ["crm", "v3", "objects", kind, id]) => archive(mock, &canonical_type(kind), id, now_ms),
        ("GET", ["crm", "v3", "objects", kind]) => list(mock, &canonical_type(kind), query),
        ("POST", ["crm", "v3", "objects", kind]) => create(mock, &canonical_type(kind), body, now_ms),
        ("POST", ["crm", "v3", "objects", kind, "search"]) => do_search(mock, &canonical_type(kind), body),
        ("POST", ["crm", "v3", "objects", kind, "batch", op]) => batch(mock, &canonical_type(kind), op, body, now_ms),
        ("GET", ["crm", "v3", "objects", from, id, "associations", to]) => v3_associations(mock, &canonical_type(from), id, &canonical_type(to)),
        ("GET", ["crm", "v4", "objects", from, id, "associations", to]) => v4_associations(mock, &canonical_type(from), id, &canonical_type(to)),
        ("PUT", ["crm", "v4", "objects", from, id, "associations", "default", to, to_id]) => {
            v4_associate(mock, &canonical_type(from), id, &canonical_type(to), to_id, None, now_ms)
        }
        ("PUT", ["crm", "v4", "objects", from, id, "associations", to, to_id]) if body.as_ref().is_some_and(Value::is_array) => {
            let type_id = body.as_ref().and_then(Value::as_array).and_then(|a| a.first()).and_then(|s| s.get("associationTypeId")).and_then(Value::as_u64);
            let (from, to) = (canonical_type(from), canonical_type(to));
            let answer = v4_associate(mock, &from, id, &to, to_id, type_id, now_ms);
            if answer.status != 200 {
                return answer;
            }
            mock.ok(201, json!({ "fromObjectTypeId": records::type_id(&from), "fromObjectId": numeric_id(id), "toObjectTypeId": records::type_id(&to), "toObjectId": numeric_id(to_id), "labels": [] }))
        }
        ("PUT", ["crm", "v4", "objects", _, _, "associations", _, _]) => {
            mock.error(400, "VALIDATION_ERROR", "Invalid input JSON: the body must be an array of association specs")
        }
        ("DELETE", ["crm", "v4", "objects", from, id, "associations", to, to_id]) => {
            let (from, to) = (canonical_type(from), canonical_type(to));
            let before = mock.associations.len();
            mock.associations.retain(|a| {
                !((a.from_type == from && a.from_id == *id && a.to_type == to && a.to_id == *to_id)
                    || (a.from_type == to && a.from_id == *to_id && a.to_type == from && a.to_id == *id))
            });
            if mock.associations.len() != before {
                mock.record_change(&from, id, &format!("associations.{to}"), Value::String((*to_id).to_string()), Value::Null);
            }
            CrmAnswer { status: 204, body: String::new() }
        }
        ("POST", ["crm", "v3", "associations", from, to, "batch", "read"]) => v3_batch_read(mock, &canonical_type(from), &canonical_type(to), body, now_ms),
        ("POST", ["crm", "v4", "associations", from, to, "batch", "read"]) => v4_batch_read(mock, &canonical_type(from), &canonical_type(to), body, now_ms),
        ("GET", ["crm", "v3", "owners"]) | ("GET", ["crm", "v3", "owners", ""]) => owners(mock, query),
        ("GET", ["crm", "v3", "owners", id]) => owner(mock, id),
        _ => mock.error(
            404,
            "OBJECT_NOT_FOUND",
            &format!("The built-in HubSpot API mock does not serve {method} /{}; add a mock rule for it to the scenario's http mocks", path.join("/")),
        ),
    }
}

fn wanted_properties(kind: &str, names: Vec<String>) -> Vec<String> {
    if names.is_empty() {
        records::default_properties(kind).iter().map(|s| s.to_string()).collect()
    } else {
        let mut list = names;
        for system in ["hs_object_id", "createdate", records::modified_property(kind)] {
            if !list.iter().any(|n| n == system) {
                list.push(system.to_string());
            }
        }
        list
    }
}

fn record_json(mock: &CrmMock, kind: &str, record: &Record, properties: &[String]) -> Value {
    record.to_json(kind, properties, &|name| mock.known_property(kind, name))
}

fn not_found(mock: &mut CrmMock) -> CrmAnswer {
    mock.error(404, "OBJECT_NOT_FOUND", "resource not found")
}

fn with_associations(mock: &CrmMock, kind: &str, id: &str, out: &mut Value, to_types: &[String]) {
    let mut map = Map::new();
    for to in to_types {
        let to = canonical_type(to);
        let results: Vec<Value> =
            mock.associated(kind, id, &to).iter().map(|a| json!({ "id": a.to_id, "type": format!("{}_to_{}", singular(kind), singular(&to)) })).collect();
        if !results.is_empty() {
            map.insert(to.clone(), json!({ "results": results }));
        }
    }
    if !map.is_empty() {
        out["associations"] = Value::Object(map);
    }
}

fn read(mock: &mut CrmMock, kind: &str, id: &str, query: &Query) -> CrmAnswer {
    let archived = param(query, "archived") == Some("true");
    let properties = wanted_properties(kind, list_param(query, "properties"));
    let Some(record) = mock.find(kind, id, param(query, "idProperty"), archived).cloned() else { return not_found(mock) };
    let mut out = record_json(mock, kind, &record, &properties);
    with_associations(mock, kind, &record.id, &mut out, &list_param(query, "associations"));
    mock.ok(200, out)
}

/// Applies `properties` to a record, recording each change; returns the
/// properties the answer echoes.
fn apply(mock: &mut CrmMock, kind: &str, id: &str, properties: &Map<String, Value>, now_ms: i64) -> Option<Record> {
    let index = mock.records(kind).iter().position(|r| r.id == id && !r.archived)?;
    let mut changes = Vec::new();
    let record = &mut mock.records_mut(kind)[index];
    for (name, value) in properties {
        let after = records::stored(value);
        let before = record.properties.get(name).cloned().unwrap_or(Value::Null);
        if before != after {
            changes.push((name.clone(), before, after.clone()));
        }
        record.properties.insert(name.clone(), after);
    }
    record.updated_at = iso(now_ms);
    let record = record.clone();
    for (name, before, after) in changes {
        mock.record_change(kind, id, &name, before, after);
    }
    Some(record)
}

fn properties_of(body: &Option<Value>) -> Result<Map<String, Value>, String> {
    match body.as_ref().and_then(|b| b.get("properties")) {
        Some(Value::Object(p)) => Ok(p.clone()),
        Some(_) => Err("Invalid input JSON: \"properties\" must be an object of property names to values".into()),
        None => Err("Invalid input JSON: the body needs \"properties\"".into()),
    }
}

fn echoed(kind: &str, properties: &Map<String, Value>) -> Vec<String> {
    let mut names: Vec<String> = properties.keys().cloned().collect();
    for system in ["createdate", "hs_object_id", records::modified_property(kind)] {
        if !names.iter().any(|n| n == system) {
            names.push(system.to_string());
        }
    }
    names
}

fn update(mock: &mut CrmMock, kind: &str, id: &str, query: &Query, body: Option<Value>, now_ms: i64) -> CrmAnswer {
    let properties = match properties_of(&body) {
        Ok(p) => p,
        Err(why) => return mock.error(400, "VALIDATION_ERROR", &why),
    };
    let Some(found) = mock.find(kind, id, param(query, "idProperty"), false).map(|r| r.id.clone()) else { return not_found(mock) };
    let record = apply(mock, kind, &found, &properties, now_ms).expect("found above");
    let out = record_json(mock, kind, &record, &echoed(kind, &properties));
    mock.ok(200, out)
}

fn archive(mock: &mut CrmMock, kind: &str, id: &str, now_ms: i64) -> CrmAnswer {
    let Some(index) = mock.records(kind).iter().position(|r| r.id == id && !r.archived) else {
        // HubSpot answers 204 for an id that is already gone.
        return CrmAnswer { status: 204, body: String::new() };
    };
    let record = &mut mock.records_mut(kind)[index];
    record.archived = true;
    record.updated_at = iso(now_ms);
    mock.record_change(kind, id, "archived", Value::Bool(false), Value::Bool(true));
    CrmAnswer { status: 204, body: String::new() }
}

fn new_record(mock: &mut CrmMock, kind: &str, input: &Value, now_ms: i64) -> Result<Record, String> {
    let properties = properties_of(&Some(input.clone()))?;
    let id = mock.next_id.to_string();
    mock.next_id += 1;
    let stamp = iso(now_ms);
    let record = Record {
        id: id.clone(),
        properties: properties.iter().map(|(k, v)| (k.clone(), records::stored(v))).collect(),
        created_at: stamp.clone(),
        updated_at: stamp,
        archived: false,
    };
    mock.records_mut(kind).push(record.clone());
    for (name, value) in &record.properties {
        mock.record_change(kind, &id, name, Value::Null, value.clone());
    }
    for link in input.get("associations").and_then(Value::as_array).into_iter().flatten() {
        let to_id = link.pointer("/to/id").map(|v| v.as_str().map_or_else(|| v.to_string(), String::from));
        let type_id = link.pointer("/types/0/associationTypeId").and_then(Value::as_u64);
        if let Some(to_id) = to_id {
            let to_type = mock.objects.iter().find(|(_, recs)| recs.iter().any(|r| r.id == to_id)).map(|(k, _)| k.clone());
            if let Some(to_type) = to_type {
                mock.associate(kind, &id, &to_type, &to_id, type_id, true);
            }
        }
    }
    Ok(record)
}

fn create(mock: &mut CrmMock, kind: &str, body: Option<Value>, now_ms: i64) -> CrmAnswer {
    let input = body.unwrap_or(Value::Null);
    match new_record(mock, kind, &input, now_ms) {
        Ok(record) => {
            let out = record_json(mock, kind, &record, &echoed(kind, &record.properties));
            mock.ok(201, out)
        }
        Err(why) => mock.error(400, "VALIDATION_ERROR", &why),
    }
}

fn list(mock: &mut CrmMock, kind: &str, query: &Query) -> CrmAnswer {
    let limit = param(query, "limit").and_then(|l| l.parse::<usize>().ok()).unwrap_or(10).clamp(1, 100);
    let after = param(query, "after").and_then(|a| a.parse::<usize>().ok()).unwrap_or(0);
    let archived = param(query, "archived") == Some("true");
    let properties = wanted_properties(kind, list_param(query, "properties"));
    let live: Vec<Record> = mock.records(kind).iter().filter(|r| r.archived == archived).cloned().collect();
    let page: Vec<Value> = live.iter().skip(after).take(limit).map(|r| record_json(mock, kind, r, &properties)).collect();
    let mut out = json!({ "results": page });
    // `after` comes from the request: checked, so a huge one is just past the end.
    let end = after.saturating_add(limit);
    if end < live.len() {
        let next = end.to_string();
        out["paging"] = json!({ "next": { "after": next, "link": format!("{}/crm/v3/objects/{kind}?after={next}", super::API_ORIGIN) } });
    }
    mock.ok(200, out)
}

fn do_search(mock: &mut CrmMock, kind: &str, body: Option<Value>) -> CrmAnswer {
    let request = body.unwrap_or_else(|| json!({}));
    let groups = request.get("filterGroups").and_then(Value::as_array).cloned().unwrap_or_default();
    let filters: usize = groups.iter().map(|g| g.get("filters").and_then(Value::as_array).map_or(0, Vec::len)).sum();
    if groups.len() > 5 || filters > 18 || groups.iter().any(|g| g.get("filters").and_then(Value::as_array).map_or(0, Vec::len) > 6) {
        return mock.error(400, "VALIDATION_ERROR", "Too many filters: a search allows 5 filterGroups of at most 6 filters, 18 filters in all");
    }
    let limit = request.get("limit").and_then(Value::as_u64).unwrap_or(10);
    if limit > 200 {
        return mock.error(400, "VALIDATION_ERROR", "limit must be 200 or less");
    }
    let after = request
        .get("after")
        .and_then(|a| a.as_str().map(String::from).or_else(|| a.as_u64().map(|n| n.to_string())))
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(0);
    let mut matched: Vec<Record> = Vec::new();
    for record in mock.records(kind).iter().filter(|r| !r.archived) {
        let mut holds = groups.is_empty();
        for group in &groups {
            let mut all = true;
            for filter in group.get("filters").and_then(Value::as_array).into_iter().flatten() {
                let name = filter.get("propertyName").and_then(Value::as_str).unwrap_or("");
                let value = record.property(kind, name);
                let text = value.as_ref().and_then(Value::as_str);
                match search::filter_holds(filter, text) {
                    Ok(true) => {}
                    Ok(false) => all = false,
                    Err(why) => return mock.error(400, "VALIDATION_ERROR", &why),
                }
            }
            holds |= all;
        }
        if holds {
            if let Some(q) = request.get("query").and_then(Value::as_str).filter(|q| !q.trim().is_empty()) {
                let values: Vec<String> = record.properties.values().filter_map(Value::as_str).map(String::from).collect();
                if !search::query_matches(q, &values) {
                    continue;
                }
            }
            matched.push(record.clone());
        }
    }
    if let Some((name, descending)) = request.get("sorts").and_then(Value::as_array).and_then(|s| s.first()).and_then(search::sort_key) {
        matched.sort_by(|a, b| {
            let text = |r: &Record| r.property(kind, &name).and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            let order = search::compare(&text(a), &text(b));
            if descending {
                order.reverse()
            } else {
                order
            }
        });
    }
    let mut names = strings(request.get("properties"));
    if names.is_empty() {
        names = match kind {
            "contacts" => vec!["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
            _ => vec!["createdate", "hs_lastmodifieddate", "hs_object_id"],
        }
        .into_iter()
        .map(String::from)
        .collect();
    } else {
        names = wanted_properties(kind, names);
    }
    let total = matched.len();
    let results: Vec<Value> = matched.iter().skip(after).take(limit as usize).map(|r| record_json(mock, kind, r, &names)).collect();
    let mut out = json!({ "total": total, "results": results });
    let end = after.saturating_add(limit as usize);
    if end < total && limit > 0 {
        out["paging"] = json!({ "next": { "after": end.to_string() } });
    }
    mock.ok(200, out)
}

fn batch(mock: &mut CrmMock, kind: &str, op: &str, body: Option<Value>, now_ms: i64) -> CrmAnswer {
    let started = iso(now_ms);
    let request = body.unwrap_or_else(|| json!({}));
    let Some(inputs) = request.get("inputs").and_then(Value::as_array).cloned() else {
        return mock.error(400, "VALIDATION_ERROR", "Invalid input JSON: the body needs \"inputs\"");
    };
    if inputs.len() > 100 {
        return mock.error(400, "VALIDATION_ERROR", "Batch operations allow at most 100 inputs");
    }
    let id_of = |input: &Value| input.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), String::from)).unwrap_or_default();
    let mut results = Vec::new();
    let mut missing = Vec::new();
    match op {
        "read" => {
            let properties = wanted_properties(kind, strings(request.get("properties")));
            let id_property = request.get("idProperty").and_then(Value::as_str).map(String::from);
            for input in &inputs {
                let id = id_of(input);
                match mock.find(kind, &id, id_property.as_deref(), false).cloned() {
                    Some(r) => results.push(record_json(mock, kind, &r, &properties)),
                    None => missing.push(id),
                }
            }
        }
        "update" => {
            for input in &inputs {
                let id = id_of(input);
                let properties = input.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
                match apply(mock, kind, &id, &properties, now_ms) {
                    Some(r) => results.push(record_json(mock, kind, &r, &echoed(kind, &properties))),
                    None => missing.push(id),
                }
            }
        }
        "create" => {
            for input in &inputs {
                match new_record(mock, kind, input, now_ms) {
                    Ok(r) => results.push(record_json(mock, kind, &r, &echoed(kind, &r.properties))),
                    Err(why) => return mock.error(400, "VALIDATION_ERROR", &why),
                }
            }
        }
        "archive" => {
            for input in &inputs {
                archive(mock, kind, &id_of(input), now_ms);
            }
            return CrmAnswer { status: 204, body: String::new() };
        }
        _ => return mock.error(404, "OBJECT_NOT_FOUND", &format!("The built-in HubSpot API mock does not serve batch/{op}")),
    }
    let mut out = json!({ "status": "COMPLETE", "results": results, "startedAt": started, "completedAt": iso(now_ms) });
    if !missing.is_empty() {
        out["numErrors"] = json!(1);
        out["errors"] = json!([{
            "status": "error",
            "category": "OBJECT_NOT_FOUND",
            "message": format!("Could not get some {} objects, they may be deleted or not exist. Check that ids are valid.", singular(kind).to_uppercase()),
            "context": { "ids": missing },
        }]);
        return mock.ok(207, out);
    }
    mock.ok(if op == "create" { 201 } else { 200 }, out)
}

fn v3_associations(mock: &mut CrmMock, from: &str, id: &str, to: &str) -> CrmAnswer {
    if mock.find(from, id, None, false).is_none() {
        return not_found(mock);
    }
    let results: Vec<Value> =
        mock.associated(from, id, to).iter().map(|a| json!({ "id": a.to_id, "type": format!("{}_to_{}", singular(from), singular(to)) })).collect();
    mock.ok(200, json!({ "results": results }))
}

fn association_types(type_id: u64) -> Value {
    json!([{ "category": "HUBSPOT_DEFINED", "typeId": type_id, "label": null }])
}

fn numeric_id(id: &str) -> Value {
    id.parse::<u64>().map(Value::from).unwrap_or_else(|_| Value::String(id.into()))
}

fn v4_associations(mock: &mut CrmMock, from: &str, id: &str, to: &str) -> CrmAnswer {
    if mock.find(from, id, None, false).is_none() {
        return not_found(mock);
    }
    let results: Vec<Value> =
        mock.associated(from, id, to).iter().map(|a| json!({ "toObjectId": numeric_id(&a.to_id), "associationTypes": association_types(a.type_id) })).collect();
    mock.ok(200, json!({ "results": results }))
}

fn v4_associate(mock: &mut CrmMock, from: &str, id: &str, to: &str, to_id: &str, type_id: Option<u64>, now_ms: i64) -> CrmAnswer {
    if mock.find(from, id, None, false).is_none() || mock.find(to, to_id, None, false).is_none() {
        return not_found(mock);
    }
    mock.associate(from, id, to, to_id, type_id, true);
    let type_id = type_id.unwrap_or_else(|| records::association_type_id(from, to));
    let started = iso(now_ms);
    mock.ok(
        200,
        json!({
            "status": "COMPLETE",
            "results": [{ "from": { "id": id }, "to": { "id": to_id }, "associationSpec": { "associationCategory": "HUBSPOT_DEFINED", "associationTypeId": type_id } }],
            "startedAt": started,
            "completedAt": iso(now_ms),
        }),
    )
}

fn v4_batch_read(mock: &mut CrmMock, from: &str, to: &str, body: Option<Value>, now_ms: i64) -> CrmAnswer {
    let inputs = body.as_ref().and_then(|b| b.get("inputs")).and_then(Value::as_array).cloned().unwrap_or_default();
    let results: Vec<Value> = inputs
        .iter()
        .filter_map(|i| i.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), String::from)))
        .filter(|id| !mock.associated(from, id, to).is_empty())
        .map(|id| {
            let to_list: Vec<Value> = mock
                .associated(from, &id, to)
                .iter()
                .map(|a| json!({ "toObjectId": numeric_id(&a.to_id), "associationTypes": association_types(a.type_id) }))
                .collect();
            json!({ "from": { "id": id }, "to": to_list })
        })
        .collect();
    mock.ok(200, json!({ "status": "COMPLETE", "results": results, "startedAt": iso(now_ms), "completedAt": iso(now_ms) }))
}

/// v3 associations batch read: ids without associations are listed as errors (207), as HubSpot does.
fn v3_batch_read(mock: &mut CrmMock, from: &str, to: &str, body: Option<Value>, now_ms: i64) -> CrmAnswer {
    let inputs = body.as_ref().and_then(|b| b.get("inputs")).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut results = Vec::new();
    let mut missing = Vec::new();
    for id in inputs.iter().filter_map(|i| i.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), String::from))) {
        let to_list: Vec<Value> =
            mock.associated(from, &id, to).iter().map(|a| json!({ "id": a.to_id, "type": format!("{}_to_{}", singular(from), singular(to)) })).collect();
        if to_list.is_empty() {
            missing.push(id);
        } else {
            results.push(json!({ "from": { "id": id }, "to": to_list }));
        }
    }
    let mut out = json!({ "status": "COMPLETE", "results": results, "startedAt": iso(now_ms), "completedAt": iso(now_ms) });
    if missing.is_empty() {
        return mock.ok(200, out);
    }
    out["numErrors"] = json!(missing.len());
    out["errors"] = Value::Array(
        missing
            .iter()
            .map(|id| json!({ "status": "error", "category": "OBJECT_NOT_FOUND", "message": format!("No {} is associated with {} {id}.", singular(to), singular(from)), "context": { "fromObjectId": [id] } }))
            .collect(),
    );
    mock.ok(207, out)
}

fn owners(mock: &mut CrmMock, query: &Query) -> CrmAnswer {
    let email = param(query, "email");
    let results: Vec<Value> = mock
        .owners
        .iter()
        .filter(|o| email.is_none_or(|e| o.get("email").and_then(Value::as_str).is_some_and(|x| x.eq_ignore_ascii_case(e))))
        .cloned()
        .collect();
    mock.ok(200, json!({ "results": results }))
}

fn owner(mock: &mut CrmMock, id: &str) -> CrmAnswer {
    let found = mock.owners.iter().find(|o| o.get("id").map(|v| v.as_str().map_or_else(|| v.to_string(), String::from)).as_deref() == Some(id)).cloned();
    match found {
        Some(o) => mock.ok(200, o),
        None => not_found(mock),
    }
}
