//! The CRM mock against HubSpot's documented request and response shapes.

use super::*;
use serde_json::json;

const NOW: i64 = 1_772_461_800_000; // 2026-03-02T14:30:00Z

fn portal() -> CrmMock {
    CrmMock::from_scenario(
        Some(&json!({
            "objects": {
                "contacts": [
                    { "id": "4", "properties": { "email": "ada@example.com", "firstname": "Ada", "score": 12 } },
                    { "id": "5", "properties": { "email": "grace@navy.mil", "firstname": "Grace", "score": "40" } },
                    { "id": "6", "properties": { "email": "alan@example.com", "firstname": "Alan" } }
                ],
                "companies": [ { "id": "7", "properties": { "domain": "example.com", "name": "Example" } } ]
            },
            "associations": [ { "from": "contacts/4", "to": "companies/7" } ],
            "owners": [ { "id": "101", "email": "sam@example.com", "firstName": "Sam" } ]
        })),
        NOW,
    )
}

fn auth() -> Map<String, Value> {
    let mut h = Map::new();
    h.insert("authorization".into(), json!("Bearer pat-test"));
    h
}

fn call(mock: &mut CrmMock, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let body = body.map(|b| b.to_string());
    let answer = mock.handle(method, &format!("{API_ORIGIN}{path}"), &auth(), body.as_deref(), NOW);
    (answer.status, if answer.body.is_empty() { Value::Null } else { serde_json::from_str(&answer.body).unwrap() })
}

#[test]
fn read_with_properties_omits_unknown_and_keeps_hs_object_id() {
    let mut m = portal();
    let (status, body) = call(&mut m, "GET", "/crm/v3/objects/contacts/4?properties=email,nonexistent,score", None);
    assert_eq!(status, 200);
    assert_eq!(body["id"], "4");
    let props = body["properties"].as_object().unwrap();
    assert_eq!(props["email"], "ada@example.com");
    assert_eq!(props["score"], "12", "values are strings, as HubSpot stores them");
    assert_eq!(props["hs_object_id"], "4");
    assert!(!props.contains_key("nonexistent"));
    assert_eq!(body["archived"], false);
    assert!(body["createdAt"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn default_properties_and_associations_on_read() {
    let mut m = portal();
    let (_, body) = call(&mut m, "GET", "/crm/v3/objects/contacts/4?associations=companies", None);
    let props = body["properties"].as_object().unwrap();
    assert_eq!(props.keys().collect::<Vec<_>>(), ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"]);
    assert_eq!(props["lastname"], Value::Null);
    assert_eq!(body["associations"]["companies"]["results"][0], json!({ "id": "7", "type": "contact_to_company" }));
}

#[test]
fn unknown_ids_and_missing_tokens_answer_with_hubspots_error_bodies() {
    let mut m = portal();
    let (status, body) = call(&mut m, "GET", "/crm/v3/objects/contacts/999", None);
    assert_eq!(status, 404);
    assert_eq!(body["status"], "error");
    assert_eq!(body["category"], "OBJECT_NOT_FOUND");
    assert!(body["correlationId"].as_str().is_some());
    let answer = m.handle("GET", &format!("{API_ORIGIN}/crm/v3/objects/contacts/4"), &Map::new(), None, NOW);
    assert_eq!(answer.status, 401);
    let body: Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(body["category"], "INVALID_AUTHENTICATION");
    let answer = m.handle("PATCH", &format!("{API_ORIGIN}/crm/v3/objects/contacts/4"), &auth(), Some("{not json"), NOW);
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("VALIDATION_ERROR"));
}

#[test]
fn updates_change_the_record_and_are_reported() {
    let mut m = portal();
    let (status, body) = call(&mut m, "PATCH", "/crm/v3/objects/contacts/4", Some(json!({ "properties": { "firstname": "Augusta", "score": 13 } })));
    assert_eq!(status, 200);
    assert_eq!(body["properties"]["firstname"], "Augusta");
    assert_eq!(body["properties"]["score"], "13");
    let (_, again) = call(&mut m, "GET", "/crm/v3/objects/contacts/4?properties=firstname", None);
    assert_eq!(again["properties"]["firstname"], "Augusta");
    assert_eq!(
        changes_json(&m),
        vec![
            json!({ "object": "contacts", "id": "4", "property": "firstname", "before": "Ada", "after": "Augusta" }),
            json!({ "object": "contacts", "id": "4", "property": "score", "before": "12", "after": "13" }),
        ]
    );
    let (status, _) = call(&mut m, "PATCH", "/crm/v3/objects/contacts/4", Some(json!({ "nope": 1 })));
    assert_eq!(status, 400);
}

#[test]
fn create_and_archive() {
    let mut m = portal();
    let (status, body) = call(
        &mut m,
        "POST",
        "/crm/v3/objects/contacts",
        Some(
            json!({ "properties": { "email": "new@example.com" }, "associations": [{ "to": { "id": "7" }, "types": [{ "associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279 }] }] }),
        ),
    );
    assert_eq!(status, 201);
    let id = body["id"].as_str().unwrap().to_string();
    assert_eq!(body["properties"]["email"], "new@example.com");
    let (_, assoc) = call(&mut m, "GET", &format!("/crm/v4/objects/contacts/{id}/associations/companies"), None);
    assert_eq!(assoc["results"][0]["toObjectId"], 7);
    let (status, _) = call(&mut m, "DELETE", &format!("/crm/v3/objects/contacts/{id}"), None);
    assert_eq!(status, 204);
    let (status, _) = call(&mut m, "GET", &format!("/crm/v3/objects/contacts/{id}"), None);
    assert_eq!(status, 404);
    let changes = changes_json(&m);
    assert_eq!(changes[0], json!({ "object": "contacts", "id": id, "property": "email", "before": null, "after": "new@example.com" }));
    assert_eq!(changes[1]["property"], "associations.companies");
    assert_eq!(changes.last().unwrap(), &json!({ "object": "contacts", "id": id, "property": "archived", "before": false, "after": true }));
}

#[test]
fn search_filters_sorts_and_pages() {
    let mut m = portal();
    let request = json!({
        "filterGroups": [
            { "filters": [{ "propertyName": "email", "operator": "CONTAINS_TOKEN", "value": "*@example.com" }] },
            { "filters": [{ "propertyName": "score", "operator": "GTE", "value": "40" }] }
        ],
        "sorts": [{ "propertyName": "firstname", "direction": "DESCENDING" }],
        "properties": ["firstname"],
        "limit": 2
    });
    let (status, body) = call(&mut m, "POST", "/crm/v3/objects/contacts/search", Some(request.clone()));
    assert_eq!(status, 200);
    assert_eq!(body["total"], 3);
    let names: Vec<&str> = body["results"].as_array().unwrap().iter().map(|r| r["properties"]["firstname"].as_str().unwrap()).collect();
    assert_eq!(names, ["Grace", "Alan"]);
    assert_eq!(body["paging"]["next"]["after"], "2");
    let mut next = request;
    next["after"] = json!("2");
    let (_, page2) = call(&mut m, "POST", "/crm/v3/objects/contacts/search", Some(next));
    assert_eq!(page2["results"][0]["properties"]["firstname"], "Ada");
    assert!(page2.get("paging").is_none());
    let (_, none) = call(
        &mut m,
        "POST",
        "/crm/v3/objects/contacts/search",
        Some(json!({ "filterGroups": [{ "filters": [{ "propertyName": "score", "operator": "NOT_HAS_PROPERTY" }] }] })),
    );
    assert_eq!(none["total"], 1);
    assert_eq!(none["results"][0]["id"], "6");
}

#[test]
fn batch_read_update_create() {
    let mut m = portal();
    let (status, body) =
        call(&mut m, "POST", "/crm/v3/objects/contacts/batch/read", Some(json!({ "inputs": [{ "id": "4" }, { "id": "404" }], "properties": ["email"] })));
    assert_eq!(status, 207);
    assert_eq!(body["results"].as_array().unwrap().len(), 1);
    assert_eq!(body["errors"][0]["context"]["ids"], json!(["404"]));
    let (status, body) =
        call(&mut m, "POST", "/crm/v3/objects/contacts/batch/update", Some(json!({ "inputs": [{ "id": "5", "properties": { "score": "41" } }] })));
    assert_eq!(status, 200);
    assert_eq!(body["status"], "COMPLETE");
    assert_eq!(body["results"][0]["properties"]["score"], "41");
    let (status, body) = call(&mut m, "POST", "/crm/v3/objects/companies/batch/create", Some(json!({ "inputs": [{ "properties": { "name": "Acme" } }] })));
    assert_eq!(status, 201);
    assert_eq!(body["results"][0]["properties"]["name"], "Acme");
}

#[test]
fn v4_associations_and_owners() {
    let mut m = portal();
    let (status, body) = call(&mut m, "PUT", "/crm/v4/objects/contacts/5/associations/default/companies/7", None);
    assert_eq!(status, 200);
    assert_eq!(body["results"][0]["associationSpec"]["associationTypeId"], 279);
    let (_, back) = call(&mut m, "GET", "/crm/v4/objects/companies/7/associations/contacts", None);
    let ids: Vec<i64> = back["results"].as_array().unwrap().iter().map(|r| r["toObjectId"].as_i64().unwrap()).collect();
    assert_eq!(ids, [4, 5]);
    assert_eq!(back["results"][0]["associationTypes"][0], json!({ "category": "HUBSPOT_DEFINED", "typeId": 280, "label": null }));
    let (status, _) = call(&mut m, "DELETE", "/crm/v4/objects/contacts/5/associations/companies/7", None);
    assert_eq!(status, 204);
    let (_, after) = call(&mut m, "GET", "/crm/v4/objects/companies/7/associations/contacts", None);
    assert_eq!(after["results"].as_array().unwrap().len(), 1);
    assert_eq!(changes_json(&m).last().unwrap()["after"], Value::Null);
    let (status, v3) = call(&mut m, "POST", "/crm/v3/associations/contacts/companies/batch/read", Some(json!({ "inputs": [{ "id": "4" }, { "id": "6" }] })));
    assert_eq!(status, 207);
    assert_eq!(v3["results"][0], json!({ "from": { "id": "4" }, "to": [{ "id": "7", "type": "contact_to_company" }] }));
    assert_eq!(v3["errors"][0]["context"]["fromObjectId"], json!(["6"]));
    let (_, owners) = call(&mut m, "GET", "/crm/v3/owners?email=SAM@example.com", None);
    assert_eq!(owners["results"][0]["id"], "101");
    let (status, body) = call(&mut m, "GET", "/cms/v3/hubdb/tables", None);
    assert_eq!(status, 404);
    assert!(body["message"].as_str().unwrap().contains("add a mock rule"));
}

/// The changes as the result JSON carries them.
fn changes_json(m: &CrmMock) -> Vec<Value> {
    m.changes().iter().map(|c| serde_json::to_value(c).expect("a change serializes")).collect()
}

#[test]
fn a_huge_after_is_past_the_end_not_an_overflow() {
    let mut m = portal();
    let (status, body) = call(&mut m, "GET", &format!("/crm/v3/objects/contacts?after={}&limit=10", usize::MAX), None);
    assert_eq!(status, 200);
    assert_eq!(body["results"].as_array().map(Vec::len), Some(0));
    let search = json!({ "after": usize::MAX.to_string(), "limit": 10 });
    let (status, body) = call(&mut m, "POST", "/crm/v3/objects/contacts/search", Some(search));
    assert_eq!(status, 200);
    assert!(body.get("paging").is_none());
}
