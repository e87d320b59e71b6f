//! The one way every form of the site works, after the GOV.UK Design System: a label per
//! field with its hint, an error summary at the top that links to each wrong field, the
//! message beside the field, the typed values kept, CSRF checked, and after a successful
//! POST a redirect to a page that says what was done (POST-redirect-GET).
//!
//! A page describes its fields once (`Field`), fills them from what was submitted
//! (`Submitted`), builds the API's own input type from them and calls the same service
//! command as the API. The field errors that come back carry codes (`too_long`, max 200)
//! that `Form::show_errors` turns into sentences in the reader's language; templates
//! render it all with the `form_summary` and `form_field` partials.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use council_shared::{ApiError, FieldError, validation::Invalid};
use poem::{Request, Response, http::StatusCode};
use serde::Serialize;

use crate::{i18n::Lang, render::Renderer, sign_in};

/// What a form sent, in order (a name may repeat, as checkboxes do).
pub struct Submitted(pub Vec<(String, String)>);

impl Submitted {
    pub fn value(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// The value, or `None` when it was left empty.
    pub fn optional(&self, name: &str) -> Option<String> {
        Some(self.value(name).trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    pub fn values(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }

    /// Whether the form came from one of our pages (its token and its origin).
    pub fn genuine(&self, request: &Request) -> bool {
        sign_in::csrf_ok(request, self.value("csrf"))
    }
}

/// One choice of a select, radios or checkboxes.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    pub checked: bool,
}

/// A field as the `form_field` partial renders it.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The page's language, for the partial's own words ("Error:").
    pub lang: &'static str,
    pub id: String,
    pub name: String,
    /// `text`, `email`, `url`, `number`, `textarea`, `select`, `radios`, `checkbox` (one
    /// box), `checkboxes` (several, each a choice) or `file`.
    pub kind: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
    pub required: bool,
    /// Rows of a textarea; the width class of an input (`short`, `medium`).
    pub rows: u32,
    pub width: Option<&'static str>,
    pub autocomplete: Option<&'static str>,
    /// A checkbox that is ticked.
    pub checked: bool,
    /// A `file` field's accepted types.
    pub accept: Option<String>,
}

impl Field {
    pub fn new(name: &str, kind: &'static str, label: String) -> Self {
        Self {
            lang: "el",
            id: format!("field-{}", name.replace(['.', '[', ']'], "-")),
            name: name.to_string(),
            kind,
            label,
            hint: None,
            value: String::new(),
            choices: Vec::new(),
            error: None,
            required: false,
            rows: 5,
            width: None,
            autocomplete: None,
            checked: false,
            accept: None,
        }
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint).filter(|h| !h.is_empty());
        self
    }

    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = value.into();
        self.checked = self.kind == "checkbox" && !self.value.is_empty();
        for choice in &mut self.choices {
            choice.checked = choice.value == self.value;
        }
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn rows(mut self, rows: u32) -> Self {
        self.rows = rows;
        self
    }

    pub fn width(mut self, width: &'static str) -> Self {
        self.width = Some(width);
        self
    }

    pub fn choices(mut self, choices: Vec<(String, String)>) -> Self {
        self.choices = choices
            .into_iter()
            .map(|(value, label)| Choice {
                checked: value == self.value,
                value,
                label,
                hint: None,
            })
            .collect();
        self
    }

    /// The ticked boxes of a `checkboxes` field.
    pub fn ticked(mut self, values: &[&str]) -> Self {
        for choice in &mut self.choices {
            choice.checked = values.contains(&choice.value.as_str());
        }
        self
    }

    pub fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = Some(token);
        self
    }

    pub fn accept(mut self, types: &str) -> Self {
        self.accept = Some(types.to_string());
        self
    }
}

/// A link in the error summary: to the wrong field, or none for a problem with the whole
/// form (it changed meanwhile, the meeting's state does not allow it).
#[derive(Debug, Clone, Serialize)]
pub struct SummaryError {
    pub href: Option<String>,
    pub text: String,
    /// Where the field stands in the form, so the summary lists errors in the order the
    /// fields come (problems with the whole form first).
    #[serde(skip)]
    position: Option<usize>,
}

/// A form: its fields by name, in the order the page gave them, and what is wrong.
#[derive(Debug, Clone)]
pub struct Form {
    pub lang: &'static str,
    pub action: String,
    pub csrf: String,
    pub submit: String,
    pub fields: BTreeMap<String, Field>,
    pub order: Vec<String>,
    /// Hidden values carried through (a version, the item being edited).
    pub hidden: Vec<(String, String)>,
    pub errors: Vec<SummaryError>,
    pub summary_title: String,
    /// Set when the CSRF cookie is new and must be sent with the page.
    pub new_cookie: Option<String>,
}

/// What templates see of a form: `fields.title` for a page that places each field, and
/// `list` for one that renders them all in order.
#[derive(Serialize)]
struct FormView<'a> {
    lang: &'static str,
    action: &'a str,
    csrf: &'a str,
    submit: &'a str,
    fields: &'a BTreeMap<String, Field>,
    list: Vec<&'a Field>,
    hidden: &'a [(String, String)],
    errors: &'a [SummaryError],
    summary_title: &'a str,
}

impl Serialize for Form {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        FormView {
            lang: self.lang,
            action: &self.action,
            csrf: &self.csrf,
            submit: &self.submit,
            fields: &self.fields,
            list: self.ordered(),
            hidden: &self.hidden,
            errors: &self.errors,
            summary_title: &self.summary_title,
        }
        .serialize(serializer)
    }
}

impl Form {
    pub fn new(
        request: &Request,
        action: String,
        submit: String,
        lang: Lang,
        renderer: &Renderer,
    ) -> Self {
        let (csrf, new_cookie) = sign_in::csrf_token(request);
        Self {
            lang: lang.code(),
            action,
            csrf,
            submit,
            fields: BTreeMap::new(),
            order: Vec::new(),
            hidden: Vec::new(),
            errors: Vec::new(),
            summary_title: renderer.text(lang, "form-error-summary"),
            new_cookie,
        }
    }

    pub fn field(mut self, mut field: Field) -> Self {
        field.lang = self.lang;
        self.order.push(field.name.clone());
        self.fields.insert(field.name.clone(), field);
        self
    }

    pub fn hidden(mut self, name: &str, value: impl Into<String>) -> Self {
        self.hidden.push((name.to_string(), value.into()));
        self
    }

    /// Fills fields with what is stored, by name (a name the form lacks is left out).
    pub fn fill<V: Into<String>>(
        mut self,
        values: impl IntoIterator<Item = (&'static str, V)>,
    ) -> Self {
        for (name, value) in values {
            if let Some(field) = self.fields.remove(name) {
                self.fields.insert(name.to_string(), field.value(value));
            }
        }
        self
    }

    /// Puts back what was typed, so nothing is lost when the form comes back with errors.
    pub fn keep(mut self, submitted: &Submitted) -> Self {
        for field in self.fields.values_mut() {
            match field.kind {
                "file" => {}
                "checkbox" => field.checked = submitted.has(&field.name),
                "checkboxes" => {
                    let sent = submitted.values(&field.name);
                    for choice in &mut field.choices {
                        choice.checked = sent.contains(&choice.value.as_str());
                    }
                }
                _ => {
                    field.value = submitted.value(&field.name).to_string();
                    for choice in &mut field.choices {
                        choice.checked = choice.value == field.value;
                    }
                }
            }
        }
        self
    }

    /// The fields in the page's order, for templates that render them all in a row.
    pub fn ordered(&self) -> Vec<&Field> {
        self.order
            .iter()
            .filter_map(|n| self.fields.get(n))
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// An error on one field, by the form's name for it.
    pub fn field_error(&mut self, name: &str, text: String) {
        let href = self.fields.get_mut(name).map(|field| {
            if field.error.is_none() {
                field.error = Some(text.clone());
            }
            format!("#{}", field.id)
        });
        let position = self.order.iter().position(|n| n == name);
        self.errors.push(SummaryError {
            href,
            text,
            position,
        });
        self.errors.sort_by_key(|e| e.position);
    }

    /// The thing this form changes was changed by someone else since the form was opened:
    /// says so, and carries the `current` version so that saving again is a choice made
    /// knowing it.
    pub fn changed_meanwhile(&mut self, renderer: &Renderer, lang: Lang, current: String) {
        self.hidden.retain(|(name, _)| name != "version");
        self.hidden.push(("version".into(), current));
        self.problem(renderer.text(lang, "form-changed-meanwhile-any"));
    }

    /// A problem with the whole form, shown in the summary only.
    pub fn problem(&mut self, text: String) {
        self.errors.push(SummaryError {
            href: None,
            text,
            position: None,
        });
        self.errors.sort_by_key(|e| e.position);
    }

    /// A problem shown in the summary, linked to a place on the page that is not a field
    /// (a row of a table).
    pub fn linked_problem(&mut self, href: String, text: String) {
        self.errors.push(SummaryError {
            href: Some(href),
            text,
            position: Some(self.order.len()),
        });
        self.errors.sort_by_key(|e| e.position);
    }

    /// The API's field errors in the reader's words. `names` maps the API's field names to
    /// the form's where they differ (`location.name` is `location_name` here); an error on a
    /// field the form does not show goes to the summary alone.
    pub fn show_errors(
        &mut self,
        renderer: &Renderer,
        lang: Lang,
        errors: &[FieldError],
        names: &[(&str, &str)],
    ) {
        for error in errors {
            let name = names
                .iter()
                .find(|(api, _)| *api == error.field)
                .map_or(error.field.as_str(), |(_, form)| *form)
                .to_string();
            let label = self
                .fields
                .get(&name)
                .map_or_else(|| error.field.clone(), |f| f.label.clone());
            let text = renderer
                .field_error(lang, &label, error)
                .unwrap_or_else(|| {
                    renderer.text_with(
                        lang,
                        "field-error-invalid",
                        &[("label", &label), ("reason", &error.message)],
                    )
                });
            self.field_error(&name, text);
        }
    }

    /// Shows what the API refused: field errors beside their fields, a conflict (changed
    /// meanwhile, not allowed in this state) in the summary. Anything else is not a
    /// problem with the form and is returned for the caller's error page.
    pub fn show_refusal(
        &mut self,
        renderer: &Renderer,
        lang: Lang,
        error: ApiError,
        names: &[(&str, &str)],
    ) -> Result<(), ApiError> {
        match error {
            ApiError::Validation(errors) => {
                self.show_errors(renderer, lang, &errors, names);
                Ok(())
            }
            ApiError::Conflict(refusal) => {
                self.problem(renderer.conflict(lang, &refusal));
                Ok(())
            }
            other => Err(other),
        }
    }
}

/// Why an upload form brought nothing to store: no file was chosen.
pub fn no_file_chosen() -> ApiError {
    ApiError::Validation(vec![FieldError::new(
        "file",
        Invalid::new("file_missing", "choose a file"),
    )])
}

/// Why an upload form brought nothing to store: the upload broke off.
pub fn upload_broke_off() -> ApiError {
    ApiError::Validation(vec![FieldError::new(
        "file",
        Invalid::new("file_broken", "the upload broke off"),
    )])
}

/// A form's file, as the stream of bytes the file stores read (64 KiB at a time), so an
/// upload is never held whole in memory.
pub fn file_stream(
    field: poem::web::Field,
) -> futures_util::stream::BoxStream<'static, std::io::Result<bytes::Bytes>> {
    use futures_util::StreamExt;
    let reader = Box::pin(field.into_async_read());
    futures_util::stream::unfold(reader, |mut reader| async move {
        let mut buffer = bytes::BytesMut::with_capacity(64 * 1024);
        match tokio::io::AsyncReadExt::read_buf(&mut reader, &mut buffer).await {
            Ok(0) => None,
            Ok(_) => Some((Ok(buffer.freeze()), reader)),
            Err(error) => Some((Err(error), reader)),
        }
    })
    .boxed()
}

/// A date as people type it: `2026-12-10` (what a date picker sends), `10/12/2026` or
/// `10.12.2026` (day first, as in Greece).
pub fn parse_date(text: &str) -> Result<NaiveDate, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Invalid::required());
    }
    ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        .ok_or_else(|| Invalid::new("invalid_date", "must be a date such as 10/12/2026"))
}

/// A time of day: `18:30`, `18.30` or `18`.
pub fn parse_time(text: &str) -> Result<NaiveTime, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Invalid::required());
    }
    ["%H:%M", "%H.%M", "%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(text, format).ok())
        .or_else(|| {
            text.parse::<u32>()
                .ok()
                .and_then(|h| NaiveTime::from_hms_opt(h, 0, 0))
        })
        .ok_or_else(|| Invalid::new("invalid_time", "must be a time such as 18:30"))
}

/// A whole number typed in a field.
pub fn parse_count(text: &str) -> Result<i32, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    text.parse::<i32>()
        .map_err(|_| Invalid::new("invalid_number", "must be a whole number such as 3"))
}

/// Renders a page holding a form: `template` with `view` in the site layout, never cached,
/// with the form's new CSRF cookie when it made one; `status` as given (422 when the form
/// shows errors is the caller's to choose, since a refused form may also be a 429).
pub fn render_page(
    state: &crate::WebState,
    request: &Request,
    context: &crate::PageContext,
    (template, title): (&str, &str),
    view: &impl Serialize,
    (status, new_cookie): (StatusCode, Option<String>),
) -> Response {
    match state
        .renderer
        .render(template, view)
        .and_then(|body| crate::layout(state, context, title, body))
    {
        Ok(html) => sign_in::form_page(
            request,
            crate::html_response(status, context.lang, html),
            new_cookie,
        ),
        Err(error) => {
            tracing::error!(error = ?error, template, "a page failed to render");
            crate::error_page(state, context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// The status of a public form's page: 429 when its only kind of problem with no field (the
/// rate limit) is shown, 422 for mistakes in fields, else 200.
pub fn public_form_status(form: &Form) -> StatusCode {
    if form.errors.iter().any(|e| e.href.is_none()) {
        StatusCode::TOO_MANY_REQUESTS
    } else if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

/// After a successful POST: see the result at `location` (303, so a reload does not post
/// again).
pub fn redirect(location: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(poem::http::header::LOCATION, location)
        .header(poem::http::header::CACHE_CONTROL, "no-store")
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_read_as_people_write_them() {
        let december = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        for typed in ["2026-12-10", "10/12/2026", "10.12.2026", " 10-12-2026 "] {
            assert_eq!(parse_date(typed).unwrap(), december, "{typed}");
        }
        assert_eq!(parse_date("31/02/2026").unwrap_err().code, "invalid_date");
        assert_eq!(parse_date("").unwrap_err().code, "required");
        let evening = NaiveTime::from_hms_opt(18, 30, 0).unwrap();
        assert_eq!(parse_time("18:30").unwrap(), evening);
        assert_eq!(parse_time("18.30").unwrap(), evening);
        assert_eq!(parse_time("18").unwrap().to_string(), "18:00:00");
        assert_eq!(parse_time("25:00").unwrap_err().code, "invalid_time");
    }
}
