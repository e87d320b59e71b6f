//! Building blocks for domain types' `parse`: each check records a field error and the
//! caller reports them all at once, so a client fixes a form in one round trip.

use crate::problem::FieldError;

/// Collects field errors while a request is turned into a domain value.
#[derive(Debug, Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Keeps the value when the check passed, records the error otherwise.
    pub fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
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
pub fn required_text(value: &str, max: usize) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("is required".into());
    }
    bounded(trimmed, max)
}

/// Trimmed optional text: empty becomes `None`; at most `max` characters.
pub fn optional_text(value: Option<&str>, max: usize) -> Result<Option<String>, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => bounded(text, max).map(Some),
    }
}

fn bounded(text: &str, max: usize) -> Result<String, String> {
    let length = text.chars().count();
    if length > max {
        return Err(format!(
            "must be at most {max} characters (it has {length})"
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err("must not contain control characters".into());
    }
    Ok(text.to_string())
}

/// An e-mail address, trimmed and checked for the usual form `local@domain.tld`.
pub fn email(value: &str) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("is required".into());
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
        return Err(format!("`{trimmed}` is not a valid e-mail address"));
    }
    Ok(trimmed.to_string())
}

pub fn optional_email(value: Option<&str>) -> Result<Option<String>, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => email(text).map(Some),
    }
}

/// An absolute http(s) URL.
pub fn web_url(value: &str) -> Result<String, String> {
    let trimmed = value.trim();
    match url::Url::parse(trimmed) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            if trimmed.len() > 2000 {
                Err("must be at most 2000 characters".into())
            } else {
                Ok(url.to_string())
            }
        }
        _ => Err(format!("`{trimmed}` is not an http(s) address")),
    }
}

pub fn optional_web_url(value: Option<&str>) -> Result<Option<String>, String> {
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
