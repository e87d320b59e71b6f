//! Request fields whose OpenAPI schema says exactly what the server accepts, while the
//! server still reads them leniently, so that the domain's `parse` reports every invalid
//! field at once (a 422 listing them all) instead of serde stopping at the first:
//!
//! - [`Required<T>`]: marked required in the document, read as an `Option`;
//! - [`documented_text!`]: text documented as an enum or a format (an e-mail address),
//!   read as a `String`.

use std::borrow::Cow;

use poem_openapi::{
    registry::{MetaSchemaRef, Registry},
    types::{ParseError, ParseFromJSON, ParseResult, ToJSON, Type},
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A required field as sent: `None` when it is missing or null.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Required<T>(pub Option<T>);

impl<T> Default for Required<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<T> From<T> for Required<T> {
    fn from(value: T) -> Self {
        Self(Some(value))
    }
}

impl<T: Type> Type for Required<T> {
    const IS_REQUIRED: bool = true;

    type RawValueType = T::RawValueType;
    type RawElementValueType = T::RawElementValueType;

    fn name() -> Cow<'static, str> {
        T::name()
    }

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        self.0.as_ref().and_then(Type::as_raw_value)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        match &self.0 {
            Some(value) => value.raw_element_iter(),
            None => Box::new(std::iter::empty()),
        }
    }
}

impl<T: ParseFromJSON> ParseFromJSON for Required<T> {
    fn parse_from_json(value: Option<Value>) -> ParseResult<Self> {
        match value.unwrap_or_default() {
            Value::Null => Ok(Self(None)),
            value => Ok(Self(Some(
                T::parse_from_json(Some(value)).map_err(ParseError::propagate)?,
            ))),
        }
    }
}

impl<T: ToJSON> ToJSON for Required<T> {
    fn to_json(&self) -> Option<Value> {
        self.0.as_ref().and_then(ToJSON::to_json)
    }
}

/// A count parameter (a page number, a page size) whose bounds the document declares but
/// the domain checks, so that every invalid parameter is reported at once: poem-openapi's
/// own validators stop at the first. Not a whole number at all is still a 422 naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count<const MIN: u64, const MAX: u64>(pub u64);

impl<const MIN: u64, const MAX: u64> Type for Count<MIN, MAX> {
    const IS_REQUIRED: bool = true;
    type RawValueType = u64;
    type RawElementValueType = u64;

    fn name() -> Cow<'static, str> {
        format!("integer(uint64, {MIN}..={MAX})").into()
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(poem_openapi::registry::MetaSchema {
            format: Some("uint64"),
            minimum: Some(MIN as f64),
            maximum: Some(MAX as f64),
            ..poem_openapi::registry::MetaSchema::new("integer")
        }))
    }

    fn as_raw_value(&self) -> Option<&u64> {
        Some(&self.0)
    }

    fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a u64> + 'a> {
        Box::new(std::iter::once(&self.0))
    }
}

impl<const MIN: u64, const MAX: u64> poem_openapi::types::ParseFromParameter for Count<MIN, MAX> {
    fn parse_from_parameter(value: &str) -> ParseResult<Self> {
        value
            .parse::<u64>()
            .map(Self)
            .map_err(|_| ParseError::custom(format!("must be a whole number from {MIN} to {MAX}")))
    }
}

/// A text field documented with `$schema` (a `poem_openapi::registry::MetaSchema` of type
/// `string`, with its `enum_items` or `format`), read as the text sent.
#[macro_export]
macro_rules! documented_text {
    ($(#[$meta:meta])* $name:ident, $schema:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self(text)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.to_string())
            }
        }

        impl poem_openapi::types::Type for $name {
            const IS_REQUIRED: bool = true;
            type RawValueType = Self;
            type RawElementValueType = Self;

            fn name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn schema_ref() -> poem_openapi::registry::MetaSchemaRef {
                poem_openapi::registry::MetaSchemaRef::Inline(Box::new($schema))
            }

            fn as_raw_value(&self) -> Option<&Self> {
                Some(self)
            }

            fn raw_element_iter<'a>(&'a self) -> Box<dyn Iterator<Item = &'a Self> + 'a> {
                Box::new(std::iter::once(self))
            }
        }

        impl poem_openapi::types::ParseFromJSON for $name {
            fn parse_from_json(
                value: Option<serde_json::Value>,
            ) -> poem_openapi::types::ParseResult<Self> {
                match value {
                    Some(serde_json::Value::String(text)) => Ok(Self(text)),
                    other => Err(poem_openapi::types::ParseError::expected_type(
                        other.unwrap_or_default(),
                    )),
                }
            }
        }

        impl poem_openapi::types::ToJSON for $name {
            fn to_json(&self) -> Option<serde_json::Value> {
                Some(serde_json::Value::String(self.0.clone()))
            }
        }
    };
}

/// A string schema listing the values it may take.
pub fn string_enum(values: &[&str]) -> poem_openapi::registry::MetaSchema {
    poem_openapi::registry::MetaSchema {
        enum_items: values
            .iter()
            .map(|v| Value::String(v.to_string()))
            .collect(),
        ..poem_openapi::registry::MetaSchema::new("string")
    }
}

documented_text!(
    /// An e-mail address: documented as `format: email` of at most 254 characters, checked
    /// by `validation::email`.
    EmailText,
    poem_openapi::registry::MetaSchema {
        format: Some("email"),
        max_length: Some(254),
        ..poem_openapi::registry::MetaSchema::new("string")
    }
);

documented_text!(
    /// An e-mail address that may be left empty: documented as `format: email` or `""`,
    /// checked by `validation::optional_email`.
    OptionalEmailText,
    poem_openapi::registry::MetaSchema {
        any_of: vec![
            poem_openapi::registry::MetaSchemaRef::Inline(Box::new(
                poem_openapi::registry::MetaSchema {
                    format: Some("email"),
                    max_length: Some(254),
                    ..poem_openapi::registry::MetaSchema::new("string")
                }
            )),
            poem_openapi::registry::MetaSchemaRef::Inline(Box::new(string_enum(&[""]))),
        ],
        ..poem_openapi::registry::MetaSchema::new("string")
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, poem_openapi::Object, Deserialize)]
    #[serde(default)]
    struct Input {
        name: Required<String>,
        note: Option<String>,
    }

    #[test]
    fn the_document_requires_it_but_a_missing_value_still_parses() {
        let mut registry = Registry::new();
        <Input as Type>::register(&mut registry);
        let schema = &registry.schemas["Input"];
        assert_eq!(schema.required, vec!["name"]);
        let input: Input = serde_json::from_str("{}").unwrap();
        assert_eq!(input.name, Required(None));
        assert_eq!(input.note, None);
    }
}
