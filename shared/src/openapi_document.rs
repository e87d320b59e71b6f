//! The OpenAPI document as served: poem-openapi's, with two rules it cannot state itself
//! made true of every schema, so that the document describes what the server accepts and
//! answers.
//!
//! - An optional property without a default may be `null`: the server reads `null` as the
//!   property left out (serde's `Option`), and some answers carry `null` for "none". One
//!   with a default (a list that may be left out) must not be `null`.
//! - A request body is a closed object (`additionalProperties: false`), as are the objects
//!   in it: `JsonBody` refuses a field it does not declare (`json_body::undeclared_fields`).
//! - Text in a request body has no control characters but tab and line breaks
//!   ([`TEXT_PATTERN`]): `validation::required_text` and `optional_text` refuse them, and
//!   every other string the server takes (slugs, addresses, names of files) is narrower.
//! - A date is `format: date` (RFC 3339 `2026-02-12`), the standard name for what
//!   poem-openapi calls `naive-date`.

use serde_json::{Map, Value};

/// Text without control characters other than tab, line feed and carriage return.
pub const TEXT_PATTERN: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";

/// `document` (poem-openapi's JSON) with the rules above applied.
pub fn finish(document: &str) -> String {
    let mut document: Value = match serde_json::from_str(document) {
        Ok(value) => value,
        Err(_) => return document.to_string(),
    };
    if let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for schema in schemas.values_mut() {
            optional_properties_nullable(schema);
        }
    }
    close_request_bodies(&mut document);
    standard_date_format(&mut document);
    document.to_string()
}

/// Marks `additionalProperties: false` on every object schema a request body reaches.
fn close_request_bodies(document: &mut Value) {
    let mut names = Vec::new();
    if let Some(paths) = document["paths"].as_object() {
        for operation in paths
            .values()
            .filter_map(Value::as_object)
            .flat_map(|p| p.values())
        {
            if let Some(content) = operation
                .pointer("/requestBody/content")
                .and_then(Value::as_object)
            {
                for media in content.values() {
                    referenced_schemas(document, &media["schema"], &mut names);
                }
            }
        }
    }
    let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for name in names {
        if let Some(schema) = schemas.get_mut(&name).and_then(Value::as_object_mut)
            && schema.get("type").and_then(Value::as_str) == Some("object")
            && schema.contains_key("properties")
            && !schema.contains_key("additionalProperties")
        {
            schema.insert("additionalProperties".into(), Value::Bool(false));
            if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
                for property in properties.values_mut() {
                    if let Some(items) = property.get_mut("items") {
                        plain_text_pattern(items);
                    }
                    plain_text_pattern(property);
                }
            }
        }
    }
}

/// Adds [`TEXT_PATTERN`] to a string schema that says nothing narrower.
fn plain_text_pattern(schema: &mut Value) {
    let Some(fields) = schema.as_object_mut() else {
        return;
    };
    let plain = fields.get("type").and_then(Value::as_str) == Some("string")
        && !["format", "enum", "pattern", "anyOf"]
            .iter()
            .any(|keyword| fields.contains_key(*keyword));
    if plain {
        fields.insert("pattern".into(), Value::String(TEXT_PATTERN.into()));
    }
}

/// The component schemas `schema` refers to, at any depth, added to `names` once each.
fn referenced_schemas(document: &Value, schema: &Value, names: &mut Vec<String>) {
    match schema {
        Value::Object(fields) => {
            if let Some(name) = fields
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_string());
                let target = &document["components"]["schemas"][name];
                referenced_schemas(document, target, names);
            }
            for value in fields.values() {
                referenced_schemas(document, value, names);
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| referenced_schemas(document, item, names)),
        _ => {}
    }
}

fn optional_properties_nullable(schema: &mut Value) {
    let required: Vec<String> = schema["required"]
        .as_array()
        .map(|names| {
            names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        if required.contains(name) {
            continue;
        }
        let Some(fields) = property.as_object_mut() else {
            continue;
        };
        if fields.contains_key("default") {
            continue;
        }
        if let Some(reference) = fields.remove("$ref") {
            // OpenAPI 3.0 ignores the siblings of `$ref`: wrap it to say `nullable`.
            fields.insert("allOf".into(), Value::Array(vec![reference_to(reference)]));
        }
        fields.insert("nullable".into(), Value::Bool(true));
        // A listed value set must list `null` too, or `nullable` is not enough.
        if let Some(values) = fields.get_mut("enum").and_then(Value::as_array_mut)
            && !values.contains(&Value::Null)
        {
            values.push(Value::Null);
        }
    }
}

fn reference_to(reference: Value) -> Value {
    let mut object = Map::new();
    object.insert("$ref".into(), reference);
    Value::Object(object)
}

fn standard_date_format(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            if fields.get("format").and_then(Value::as_str) == Some("naive-date") {
                fields.insert("format".into(), Value::String("date".into()));
            }
            fields.values_mut().for_each(standard_date_format);
        }
        Value::Array(items) => items.iter_mut().for_each(standard_date_format),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_properties_may_be_null_and_dates_are_dates() {
        let document = serde_json::json!({
            "paths": {"/members": {"post": {"requestBody": {"content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Member"}
            }}}}}},
            "components": {"schemas": {
                "Member": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "year": {"type": "integer"},
                        "text": {"$ref": "#/components/schemas/Text"},
                        "since": {"type": "string", "format": "naive-date"},
                        "tags": {"type": "array", "items": {"type": "string"}, "default": []}
                    }
                },
                "Text": {"type": "object", "properties": {"el": {"type": "string"}}},
                "Answer": {"type": "object", "properties": {"id": {"type": "integer"}}}
            }}
        });
        let finished: Value = serde_json::from_str(&finish(&document.to_string())).unwrap();
        let properties = &finished["components"]["schemas"]["Member"]["properties"];
        assert!(properties["name"].get("nullable").is_none());
        assert_eq!(properties["year"]["nullable"], true);
        assert_eq!(
            properties["text"]["allOf"][0]["$ref"],
            "#/components/schemas/Text"
        );
        assert_eq!(properties["text"]["nullable"], true);
        assert_eq!(properties["since"]["format"], "date");
        assert!(properties["tags"].get("nullable").is_none());
        let schemas = &finished["components"]["schemas"];
        assert_eq!(schemas["Member"]["additionalProperties"], false);
        assert_eq!(schemas["Text"]["additionalProperties"], false);
        assert_eq!(schemas["Text"]["properties"]["el"]["pattern"], TEXT_PATTERN);
        assert!(
            schemas["Answer"]["properties"]["id"]
                .get("pattern")
                .is_none()
        );
        assert!(schemas["Answer"].get("additionalProperties").is_none());
    }
}
