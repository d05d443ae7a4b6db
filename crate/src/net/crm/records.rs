//! The mock portal's data: records by object type, associations, owners,
//! and the writes a run made (`crmChanges`). Shapes follow HubSpot's CRM v3.

use serde_json::{json, Map, Value};

/// HubSpot's object type names: ids (`0-1`) and singulars map to the plural path name.
pub fn canonical_type(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "0-1" | "contact" | "contacts" => "contacts",
        "0-2" | "company" | "companies" => "companies",
        "0-3" | "deal" | "deals" => "deals",
        "0-5" | "ticket" | "tickets" => "tickets",
        "0-7" | "product" | "products" => "products",
        "0-8" | "line_item" | "line_items" | "lineitem" | "lineitems" => "line_items",
        "0-14" | "quote" | "quotes" => "quotes",
        "0-47" | "meeting" | "meetings" => "meetings",
        "0-48" | "call" | "calls" => "calls",
        "0-49" | "email" | "emails" => "emails",
        "0-46" | "note" | "notes" => "notes",
        "0-27" | "task" | "tasks" => "tasks",
        _ => return lower,
    }
    .to_string()
}

/// `contacts` → `contact`, as association type names spell it.
pub fn singular(object_type: &str) -> String {
    match object_type {
        "companies" => "company".into(),
        other => other.strip_suffix('s').unwrap_or(other).to_string(),
    }
}

/// The object type id HubSpot reports in v4 association answers.
pub fn type_id(object_type: &str) -> String {
    match object_type {
        "contacts" => "0-1",
        "companies" => "0-2",
        "deals" => "0-3",
        "tickets" => "0-5",
        "products" => "0-7",
        "line_items" => "0-8",
        "quotes" => "0-14",
        other => other,
    }
    .to_string()
}

/// HubSpot-defined association type ids for the common pairs (1 otherwise).
pub fn association_type_id(from: &str, to: &str) -> u64 {
    match (from, to) {
        ("contacts", "companies") => 279,
        ("companies", "contacts") => 280,
        ("deals", "contacts") => 3,
        ("contacts", "deals") => 4,
        ("deals", "companies") => 341,
        ("companies", "deals") => 342,
        ("contacts", "tickets") => 15,
        ("tickets", "contacts") => 16,
        ("deals", "line_items") => 19,
        ("line_items", "deals") => 20,
        ("companies", "tickets") => 340,
        ("tickets", "companies") => 339,
        ("deals", "tickets") => 27,
        ("tickets", "deals") => 28,
        _ => 1,
    }
}

/// Properties HubSpot returns when a read names none.
pub fn default_properties(object_type: &str) -> &'static [&'static str] {
    match object_type {
        "contacts" => &["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
        "companies" => &["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
        "deals" => &["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"],
        "tickets" => &[
            "content",
            "createdate",
            "hs_lastmodifieddate",
            "hs_object_id",
            "hs_pipeline",
            "hs_pipeline_stage",
            "hs_ticket_category",
            "hs_ticket_priority",
            "subject",
        ],
        _ => &["createdate", "hs_lastmodifieddate", "hs_object_id"],
    }
}

/// Contacts keep their modification time in `lastmodifieddate`, everything else in `hs_lastmodifieddate`.
pub fn modified_property(object_type: &str) -> &'static str {
    if object_type == "contacts" {
        "lastmodifieddate"
    } else {
        "hs_lastmodifieddate"
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    /// Property values as HubSpot stores them: strings.
    pub properties: Map<String, Value>,
    pub created_at: String,
    pub updated_at: String,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Association {
    pub from_type: String,
    pub from_id: String,
    pub to_type: String,
    pub to_id: String,
    pub type_id: u64,
}

/// A property value as HubSpot stores it.
pub fn stored(value: &Value) -> Value {
    match value {
        Value::Null => Value::String(String::new()),
        Value::String(s) => Value::String(s.clone()),
        other => Value::String(other.to_string()),
    }
}

impl Record {
    /// The property as a read returns it (system properties included).
    pub fn property(&self, object_type: &str, name: &str) -> Option<Value> {
        match name {
            "hs_object_id" => Some(Value::String(self.id.clone())),
            "createdate" => Some(self.properties.get(name).cloned().unwrap_or_else(|| Value::String(self.created_at.clone()))),
            n if n == modified_property(object_type) => Some(Value::String(self.updated_at.clone())),
            _ => self.properties.get(name).cloned(),
        }
    }

    /// HubSpot's JSON for this record with `properties` (known-but-empty ones as null).
    pub fn to_json(&self, object_type: &str, properties: &[String], known: &dyn Fn(&str) -> bool) -> Value {
        let mut props = Map::new();
        for name in properties {
            match self.property(object_type, name) {
                Some(v) => {
                    props.insert(name.clone(), v);
                }
                None if known(name) => {
                    props.insert(name.clone(), Value::Null);
                }
                None => {}
            }
        }
        // HubSpot answers with the properties in alphabetical order.
        props.sort_keys();
        let mut out = json!({ "id": self.id, "properties": props, "createdAt": self.created_at, "updatedAt": self.updated_at, "archived": self.archived });
        if self.archived {
            out["archivedAt"] = Value::String(self.updated_at.clone());
        }
        out
    }
}
