//! `JsonBody<T>`: the JSON request payload of every write endpoint.
//!
//! It differs from poem-openapi's `Json<T>` in what the client is told: a body that is not
//! JSON at all is a 400, a body over the size limit is a 413, and a JSON document whose
//! fields have the wrong shape is a 422 naming the field. Semantic checks (lengths, formats,
//! rules) then happen in the domain types' `parse`, which lists every invalid field at once.

use std::ops::Deref;

use futures_util::StreamExt;
use poem::{Request, RequestBody};
use poem_openapi::{
    impl_apirequest_for_payload,
    payload::{ParsePayload, Payload},
    registry::{MetaSchemaRef, Registry},
    types::Type,
};
use serde::de::DeserializeOwned;

use crate::problem::{ApiError, FieldError};

/// The body size limit in force, added to every request by the server.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

pub struct JsonBody<T>(pub T);

impl<T> Deref for JsonBody<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Type> Payload for JsonBody<T> {
    const CONTENT_TYPE: &'static str = "application/json";

    fn check_content_type(content_type: &str) -> bool {
        matches!(content_type.parse::<mime::Mime>(), Ok(mime)
            if mime.type_() == "application"
                && (mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json")))
    }

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }
}

impl<T: Type + DeserializeOwned> ParsePayload for JsonBody<T> {
    const IS_REQUIRED: bool = true;

    async fn from_request(request: &Request, body: &mut RequestBody) -> poem::Result<Self> {
        let limit = request
            .data::<BodyLimit>()
            .map(|limit| limit.0)
            .unwrap_or(1024 * 1024);
        let bytes = read_limited(request, body, limit).await?;
        let value: serde_json::Value = parse_json(&bytes)?;
        let undeclared = undeclared_fields::<T>(&value);
        if !undeclared.is_empty() {
            return Err(ApiError::Validation(undeclared).into());
        }
        Ok(Self(parse_json_value(value)?))
    }
}

/// Every property of `value` that the OpenAPI schema of `T` does not declare, at any depth.
/// A request body is a closed object (the document says `additionalProperties: false`): a
/// field the server does not know is a mistake to report, not to ignore.
pub fn undeclared_fields<T: Type>(value: &serde_json::Value) -> Vec<FieldError> {
    let mut registry = Registry::new();
    T::register(&mut registry);
    let mut errors = Vec::new();
    find_undeclared(&registry, &T::schema_ref(), value, "", &mut errors);
    errors
}

fn find_undeclared(
    registry: &Registry,
    schema: &MetaSchemaRef,
    value: &serde_json::Value,
    path: &str,
    errors: &mut Vec<FieldError>,
) {
    let schema = match schema {
        MetaSchemaRef::Inline(schema) => schema.as_ref(),
        MetaSchemaRef::Reference(name) => match registry.schemas.get(name) {
            Some(schema) => schema,
            None => return,
        },
    };
    for part in &schema.all_of {
        find_undeclared(registry, part, value, path, errors);
    }
    match value {
        serde_json::Value::Object(fields)
            if schema.ty == "object"
                && !schema.properties.is_empty()
                && schema.additional_properties.is_none() =>
        {
            for (key, field) in fields {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match schema.properties.iter().find(|(name, _)| name == key) {
                    Some((_, property)) => {
                        find_undeclared(registry, property, field, &here, errors)
                    }
                    None => errors.push(FieldError::new(
                        here,
                        format!("unknown field `{key}`: this object has no such field"),
                    )),
                }
            }
        }
        serde_json::Value::Array(items) => {
            if let Some(item) = &schema.items {
                for (index, value) in items.iter().enumerate() {
                    find_undeclared(registry, item, value, &format!("{path}[{index}]"), errors);
                }
            }
        }
        _ => {}
    }
}

impl_apirequest_for_payload!(JsonBody<T>, T: Type + DeserializeOwned);

async fn read_limited(
    request: &Request,
    body: &mut RequestBody,
    limit: usize,
) -> Result<Vec<u8>, ApiError> {
    let declared = request
        .headers()
        .get(poem::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    let body = body
        .take()
        .map_err(|_| ApiError::BadRequest("the request body was already read".into()))?;
    let mut stream = body.into_bytes_stream();
    let mut buffer = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = stream.next().await {
        let chunk = chunk
            .map_err(|e| ApiError::BadRequest(format!("could not read the request body: {e}")))?;
        if buffer.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge { limit });
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(buffer)
}

/// A JSON response that was serialized (and compressed) once, for cached read views, and
/// is documented in OpenAPI with the schema of `T`.
pub struct JsonBytes<T> {
    body: crate::compression::CachedBody,
    schema: std::marker::PhantomData<fn() -> T>,
}

impl<T: poem_openapi::types::ToJSON> JsonBytes<T> {
    /// Serializes `value` for a cache: its JSON, and that JSON gzip-compressed.
    pub fn serialize(value: &T) -> crate::compression::CachedBody {
        crate::compression::CachedBody::new(value.to_json_string())
    }

    pub fn new(body: crate::compression::CachedBody) -> Self {
        Self {
            body,
            schema: std::marker::PhantomData,
        }
    }
}

impl<T: Type> Payload for JsonBytes<T> {
    const CONTENT_TYPE: &'static str = "application/json; charset=utf-8";

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }
}

impl<T: Type> poem::IntoResponse for JsonBytes<T> {
    fn into_response(self) -> poem::Response {
        self.body.into_response(Self::CONTENT_TYPE)
    }
}

/// Parses a JSON body: not JSON → 400; JSON of the wrong shape → 422 with the field's path.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest(
            "the request body is empty: send a JSON object".into(),
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::BadRequest(format!("the request body is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(ApiError::invalid(
            "",
            "the request body must be a JSON object",
        ));
    }
    parse_json_value(value)
}

/// Reads a JSON object into `T`: a wrong shape is a 422 with the field's path.
fn parse_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let field = if path == "." { String::new() } else { path };
        ApiError::Validation(vec![FieldError::new(field, error.into_inner().to_string())])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        year: i32,
    }

    #[test]
    fn broken_json_is_a_bad_request() {
        let error = parse_json::<Sample>(b"{\"name\": ").unwrap_err();
        assert_eq!(error.status(), poem::http::StatusCode::BAD_REQUEST);
    }

    #[test]
    fn a_wrong_type_names_the_nested_field() {
        let error =
            parse_json::<Sample>(br#"{"name":"x","items":[{"year":1},{"year":"x"}]}"#).unwrap_err();
        match error {
            ApiError::Validation(errors) => assert_eq!(errors[0].field, "items[1].year"),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }
}
