//! Building blocks for domain types' `parse`: each check records a field error and the
//! caller reports them all at once, so a client fixes a form in one round trip.

use crate::problem::FieldError;

/// Why a value is not accepted: a stable `code` with the values it names (`params`), which
/// pages translate, and the English `message` the API returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
    pub message: String,
}

impl Invalid {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            params: Vec::new(),
            message: message.into(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.push((name, value.to_string()));
        self
    }

    pub fn required() -> Self {
        Self::new("required", "is required")
    }
}

/// A message alone: the code is `invalid`.
impl From<String> for Invalid {
    fn from(message: String) -> Self {
        Self::new("invalid", message)
    }
}

impl From<&str> for Invalid {
    fn from(message: &str) -> Self {
        Self::new("invalid", message)
    }
}

impl From<Invalid> for String {
    fn from(invalid: Invalid) -> Self {
        invalid.message
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Collects field errors while a request is turned into a domain value.
#[derive(Debug, Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, reason: impl Into<Invalid>) {
        self.0.push(FieldError::new(field, reason));
    }

    /// Keeps the value when the check passed, records the error otherwise.
    pub fn check<T, E: Into<Invalid>>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(reason) => {
                self.add(field, reason);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Ends the parse: the value if nothing was recorded, else every field error.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}

/// Trimmed text that is required and at most `max` characters long.
pub fn required_text(value: &str, max: usize) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::required());
    }
    bounded(trimmed, max)
}

/// Trimmed optional text: empty becomes `None`; at most `max` characters.
pub fn optional_text(value: Option<&str>, max: usize) -> Result<Option<String>, Invalid> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => bounded(text, max).map(Some),
    }
}

fn bounded(text: &str, max: usize) -> Result<String, Invalid> {
    let length = text.chars().count();
    if length > max {
        return Err(Invalid::new(
            "too_long",
            format!("must be at most {max} characters (it has {length})"),
        )
        .with("max", max)
        .with("length", length));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(Invalid::new(
            "control_characters",
            "must not contain control characters",
        ));
    }
    Ok(text.to_string())
}

/// An e-mail address, trimmed and checked for the usual form `local@domain.tld`.
pub fn email(value: &str) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::required());
    }
    let valid = email_address::EmailAddress::parse_with_options(
        trimmed,
        email_address::Options::default().without_display_text(),
    )
    .is_ok()
        && trimmed
            .rsplit_once('@')
            .is_some_and(|(_, domain)| domain.contains('.'));
    if !valid || trimmed.len() > 254 {
        return Err(Invalid::new(
            "invalid_email",
            format!("`{trimmed}` is not a valid e-mail address"),
        ));
    }
    Ok(trimmed.to_string())
}

pub fn optional_email(value: Option<&str>) -> Result<Option<String>, Invalid> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => email(text).map(Some),
    }
}

/// An absolute http(s) URL.
pub fn web_url(value: &str) -> Result<String, Invalid> {
    let trimmed = value.trim();
    match url::Url::parse(trimmed) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            if trimmed.len() > 2000 {
                Err(Invalid::new("too_long", "must be at most 2000 characters")
                    .with("max", 2000)
                    .with("length", trimmed.chars().count()))
            } else {
                Ok(url.to_string())
            }
        }
        _ => Err(Invalid::new(
            "invalid_url",
            format!("`{trimmed}` is not an http(s) address"),
        )),
    }
}

pub fn optional_web_url(value: Option<&str>) -> Result<Option<String>, Invalid> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => web_url(text).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_collected_for_every_field() {
        let mut errors = Errors::new();
        errors.check("name", required_text("  ", 10));
        errors.check("email", email("not-an-address"));
        errors.check("site", web_url("ftp://example.org"));
        match errors.finish(|| ()) {
            Err(list) => {
                let fields: Vec<_> = list.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["name", "email", "site"]);
            }
            other => panic!("expected validation errors, got {other:?}"),
        }
    }

    #[test]
    fn each_error_has_a_code_and_the_values_it_names() {
        let too_long = required_text("Αθήναι", 5).unwrap_err();
        assert_eq!(too_long.code, "too_long");
        assert_eq!(
            too_long.params,
            [("max", "5".to_string()), ("length", "6".to_string())]
        );
        assert_eq!(too_long.message, "must be at most 5 characters (it has 6)");
        assert_eq!(required_text(" ", 5).unwrap_err().code, "required");
        assert_eq!(email("x@y").unwrap_err().code, "invalid_email");
        let error = FieldError::new("title", too_long);
        assert_eq!(
            (
                error.code.as_str(),
                error.params.as_ref().map(|p| p["max"].as_str())
            ),
            ("too_long", Some("5"))
        );
        assert_eq!(FieldError::new("x", "is odd").code, "invalid");
    }

    #[test]
    fn text_limits_count_characters_not_bytes() {
        assert!(required_text("Αθήνα", 5).is_ok());
        assert!(required_text("Αθήναι", 5).is_err());
    }

    #[test]
    fn addresses_need_a_domain_with_a_dot() {
        assert!(email("semp@athens.gr").is_ok());
        assert!(email("semp@localhost").is_err());
        assert_eq!(optional_email(Some(" ")).unwrap(), None);
    }
}
