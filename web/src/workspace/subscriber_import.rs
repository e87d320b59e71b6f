//! Importing subscribers from a CSV file (uploaded, or its rows pasted) for a municipality's
//! administrators. Nothing is saved until they have seen every row: the preview lists each
//! row with its values read, and each mistake beside its value and in the summary (row,
//! address, what is wrong). A list with a mistake is not imported at all; a good one is a
//! check-your-answers page whose button imports it through the API's own import
//! (`Notifications::import_as`). The rows travel back in a hidden field as they were
//! written, and are read and checked again on confirming, so a changed list is refused too.

use std::{collections::HashMap, sync::Arc};

use council_shared::{ApiError, FieldError, http::client_ip};
use notifications::{
    api::{models::ImportOutcome, subscribers::CheckedRow},
    domain::{LANGUAGES, Topic},
};
use poem::{
    FromRequest, Request, RequestBody, Response, handler,
    web::{Data, Form as PostedForm, Multipart, Path},
};
use serde::Serialize;

use super::{
    failed, signed_in,
    subscribers::subscribers_href,
    subscribers_csv::{self, CsvProblem, CsvRow},
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

fn import_href(slug: &str) -> String {
    format!("{}/import", subscribers_href(slug))
}

/// One row of the preview: its values as read, and what is wrong beside each.
#[derive(Serialize, Default)]
struct RowView {
    id: String,
    line: u64,
    email: String,
    email_error: Option<String>,
    topics: String,
    topics_error: Option<String>,
    language: String,
    language_error: Option<String>,
    cadence: String,
    cadence_error: Option<String>,
    outcome: Option<String>,
    #[serde(skip)]
    will: Option<ImportOutcome>,
}

/// A list ready to import: the button's form, and what it will do.
#[derive(Serialize)]
struct Ready {
    action: String,
    csrf: String,
    csv: String,
    submit: String,
    what: String,
}

#[derive(Serialize)]
struct ImportPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    import_href: String,
    form: Form,
    rows: Vec<RowView>,
    ready: Option<Ready>,
}

fn upload_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        import_href(slug),
        t("subscribers-import-preview"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("file", "file", t("subscribers-import-file"))
            .hint(t("subscribers-import-file-hint"))
            .accept(".csv,text/csv"),
    )
    .field(
        Field::new("csv", "textarea", t("subscribers-import-paste"))
            .hint(t("subscribers-import-paste-hint"))
            .rows(8),
    )
}

fn show_import(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    view: &ImportPage,
) -> Response {
    super::show_form(
        state,
        req,
        context,
        ("workspace_subscriber_import", &view.heading),
        view,
        &view.form,
    )
}

#[handler]
pub async fn import_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    // Only those who may import see the form: the preview's own check, of nothing.
    if let Err(error) = state
        .notifications
        .preview_import(&principal, &slug, &[])
        .await
    {
        return failed(&state, &context, error);
    }
    let lang = context.lang;
    let view = ImportPage {
        lang: lang.code(),
        heading: state.renderer.text(lang, "subscribers-import-title"),
        back_href: subscribers_href(&slug),
        import_href: import_href(&slug),
        form: upload_form(&state, req, lang, &slug),
        rows: Vec::new(),
        ready: None,
    };
    show_import(&state, req, &context, &view)
}

/// What a preview form sent: its token, and the file's bytes or the pasted rows.
struct Sent {
    csrf: String,
    file: Option<Vec<u8>>,
    pasted: String,
}

/// The form as a browser sends it with a file (multipart), or without one (urlencoded).
async fn read_sent(req: &Request, body: &mut RequestBody) -> Result<Sent, ()> {
    let multipart = req
        .content_type()
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    if !multipart {
        let posted = PostedForm::<Vec<(String, String)>>::from_request(req, body)
            .await
            .map_err(|_| ())?;
        let submitted = Submitted(posted.0);
        return Ok(Sent {
            csrf: submitted.value("csrf").to_string(),
            file: None,
            pasted: submitted.value("csv").to_string(),
        });
    }
    let mut form = Multipart::from_request(req, body).await.map_err(|_| ())?;
    let mut sent = Sent {
        csrf: String::new(),
        file: None,
        pasted: String::new(),
    };
    while let Ok(Some(field)) = form.next_field().await {
        match field.name() {
            Some("csrf") => sent.csrf = field.text().await.unwrap_or_default(),
            // Nothing is read for a form that is not ours (the token comes first).
            Some("file") if crate::sign_in::csrf_ok(req, &sent.csrf) => {
                let bytes = field.bytes().await.map_err(|_| ())?;
                sent.file = Some(bytes).filter(|b| !b.is_empty());
            }
            Some("csv") => sent.pasted = field.text().await.unwrap_or_default(),
            _ => {}
        }
    }
    Ok(sent)
}

#[handler]
pub async fn preview(
    req: &Request,
    Path(slug): Path<String>,
    body: poem::Body,
    state: Data<&Arc<WebState>>,
) -> Response {
    let mut body = RequestBody::new(body);
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let sent = match read_sent(req, &mut body).await {
        Ok(sent) if crate::sign_in::csrf_ok(req, &sent.csrf) => sent,
        _ => return crate::sign_in::csrf_failure(&state, req),
    };
    if let Err(error) = state
        .notifications
        .preview_import(&principal, &slug, &[])
        .await
    {
        return failed(&state, &context, error);
    }
    let lang = context.lang;
    let (field, text) = match &sent.file {
        Some(bytes) => ("file", subscribers_csv::text(bytes).map(str::to_string)),
        None => ("csv", Ok(sent.pasted.clone())),
    };
    let form = upload_form(&state, req, lang, &slug);
    let text = match text {
        Ok(text) if text.trim().is_empty() && field == "csv" => {
            let mut form = form;
            let message = state.renderer.text(lang, "subscribers-import-nothing");
            form.field_error("file", message);
            return rows_page(&state, req, &context, &slug, form, Vec::new(), None);
        }
        Ok(text) => text,
        Err(problem) => {
            let mut form = form;
            file_problem(&state, lang, &mut form, field, &problem);
            return rows_page(&state, req, &context, &slug, form, Vec::new(), None);
        }
    };
    checked_page(&state, req, &context, (&slug, &principal), (field, text)).await
}

/// Confirms a list seen on its preview: it is read and checked again (it may have been
/// changed on the way), then imported, or shown again with what is wrong.
#[handler]
pub async fn confirm(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match super::received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    if let Err(error) = state
        .notifications
        .preview_import(&principal, &slug, &[])
        .await
    {
        return failed(&state, &context, error);
    }
    let text = submitted.value("csv").to_string();
    let Ok(rows) = subscribers_csv::parse(&text) else {
        return checked_page(&state, req, &context, (&slug, &principal), ("csv", text)).await;
    };
    let request = subscribers_csv::import_request(&rows);
    let clean = match state
        .notifications
        .preview_import(&principal, &slug, &request)
        .await
    {
        Ok(checked) => checked.iter().all(Result::is_ok) && duplicates(&rows).is_empty(),
        Err(error) => return failed(&state, &context, error),
    };
    if !clean {
        return checked_page(&state, req, &context, (&slug, &principal), ("csv", text)).await;
    }
    let input = notifications::api::models::ImportRequest {
        subscribers: request,
    };
    match state
        .notifications
        .import_as(&principal, &slug, &input, &client_ip(req))
        .await
    {
        Ok(report) => forms::redirect(&format!(
            "{}?done=imported&invited={}&known={}&erased={}",
            subscribers_href(&slug),
            report.invited,
            report.already_known,
            report.erased
        )),
        Err(ApiError::Validation(_)) => {
            checked_page(&state, req, &context, (&slug, &principal), ("csv", text)).await
        }
        Err(error) => failed(&state, &context, error),
    }
}

/// The rows that repeat an address of an earlier row: their line, and the earlier one's.
fn duplicates(rows: &[CsvRow]) -> HashMap<u64, u64> {
    let mut first: HashMap<String, u64> = HashMap::new();
    let mut repeated = HashMap::new();
    for row in rows {
        let address = row.email.trim().to_lowercase();
        if address.is_empty() {
            continue;
        }
        match first.get(&address) {
            Some(line) => {
                repeated.insert(row.line, *line);
            }
            None => {
                first.insert(address, row.line);
            }
        }
    }
    repeated
}

fn file_problem(state: &WebState, lang: Lang, form: &mut Form, field: &str, problem: &CsvProblem) {
    let text = state.renderer.text_with(
        lang,
        &format!("subscribers-csv-{}", problem.code()),
        &[("value", &problem.value())],
    );
    form.field_error(field, text);
}

/// Reads and checks `text` (from the `field` it came in) and shows every row: with their
/// mistakes and the form to try again, or ready to import.
async fn checked_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, principal): (&str, &council_shared::auth::Principal),
    (field, text): (&str, String),
) -> Response {
    let lang = context.lang;
    let mut form = upload_form(state, req, lang, slug);
    // What was sent stays in the text area, to be corrected there.
    form = form.fill([("csv", text.clone())]);
    let rows = match subscribers_csv::parse(&text) {
        Ok(rows) => rows,
        Err(problem) => {
            file_problem(state, lang, &mut form, field, &problem);
            return rows_page(state, req, context, slug, form, Vec::new(), None);
        }
    };
    let request = subscribers_csv::import_request(&rows);
    let checked = match state
        .notifications
        .preview_import(principal, slug, &request)
        .await
    {
        Ok(checked) => checked,
        Err(error) => return failed(state, context, error),
    };
    let repeated = duplicates(&rows);
    let mut views = Vec::with_capacity(rows.len());
    let mut wrong = 0;
    let mut outcomes = [0u64; 3];
    for (row, checked) in rows.iter().zip(checked) {
        let view = row_view(state, lang, row, checked, repeated.get(&row.line).copied());
        if let Some(will) = view.will {
            outcomes[will as usize] += 1;
        } else {
            wrong += 1;
            for problem in [
                &view.email_error,
                &view.topics_error,
                &view.language_error,
                &view.cadence_error,
            ]
            .into_iter()
            .flatten()
            {
                let address = if row.email.is_empty() {
                    state.renderer.text(lang, "subscribers-import-no-address")
                } else {
                    row.email.clone()
                };
                form.linked_problem(
                    format!("#{}", view.id),
                    state.renderer.text_with(
                        lang,
                        "subscribers-import-row-error",
                        &[
                            ("row", &row.line.to_string()),
                            ("email", &address),
                            ("problem", problem),
                        ],
                    ),
                );
            }
        }
        views.push(view);
    }
    if wrong > 0 {
        let message = state
            .renderer
            .text_count(lang, "subscribers-import-wrong", wrong);
        form.field_error(field, message);
        return rows_page(state, req, context, slug, form, views, None);
    }
    let ready = Ready {
        action: format!("{}/confirm", import_href(slug)),
        csrf: form.csrf.clone(),
        csv: text,
        submit: state.renderer.text(lang, "subscribers-import-confirm"),
        what: state.renderer.text_with(
            lang,
            "subscribers-import-what",
            &[
                ("invite", &outcomes[0].to_string()),
                ("known", &outcomes[1].to_string()),
                ("erased", &outcomes[2].to_string()),
            ],
        ),
    };
    rows_page(state, req, context, slug, form, views, Some(ready))
}

fn row_view(
    state: &WebState,
    lang: Lang,
    row: &CsvRow,
    checked: CheckedRow,
    repeats: Option<u64>,
) -> RowView {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut view = RowView {
        id: format!("row-{}", row.line),
        line: row.line,
        email: row.email.clone(),
        topics: row.topics.clone(),
        language: row.language.clone(),
        cadence: row.cadence.clone(),
        ..Default::default()
    };
    let problems = match checked {
        Ok((address, chosen, outcome)) if repeats.is_none() => {
            view.email = address;
            // As read, in the file's own words (`all` spelled out).
            view.topics = chosen
                .topics
                .iter()
                .map(|topic| topic.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            view.language = chosen.language;
            view.cadence = chosen.cadence.as_str().to_string();
            view.will = Some(outcome);
            view.outcome = Some(t(match outcome {
                ImportOutcome::Invite => "subscribers-outcome-invite",
                ImportOutcome::AlreadyKnown => "subscribers-outcome-known",
                ImportOutcome::Erased => "subscribers-outcome-erased",
            }));
            return view;
        }
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    for problem in &problems {
        let (slot, value) = match problem.field.as_str() {
            "email" => (&mut view.email_error, row.email.clone()),
            "topics" => (&mut view.topics_error, unknown_topics(&row.topics)),
            "language" => (&mut view.language_error, row.language.clone()),
            _ => (&mut view.cadence_error, row.cadence.clone()),
        };
        if slot.is_none() {
            *slot = Some(row_error(state, lang, problem, &value));
        }
    }
    if let Some(first) = repeats
        && view.email_error.is_none()
    {
        view.email_error = Some(state.renderer.text_with(
            lang,
            "subscribers-row-email-duplicate",
            &[("row", &first.to_string())],
        ));
    }
    view
}

/// The words of a topics cell that are not topics.
fn unknown_topics(cell: &str) -> String {
    cell.split(|c: char| c == ',' || c == ';' || c == '|' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .filter(|t| {
            let t = t.to_lowercase();
            t != "all" && Topic::from_db(&t).is_err()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A row's mistake in the reader's words: `subscribers-row-FIELD-CODE` with the value.
fn row_error(state: &WebState, lang: Lang, problem: &FieldError, value: &str) -> String {
    let key = format!("subscribers-row-{}-{}", problem.field, problem.code);
    let known = [
        "subscribers-row-email-required",
        "subscribers-row-email-invalid_email",
        "subscribers-row-topics-choose_at_least_one",
        "subscribers-row-topics-not_a_choice",
        "subscribers-row-language-not_a_choice",
        "subscribers-row-cadence-not_a_choice",
    ];
    if known.contains(&key.as_str()) {
        state.renderer.text_with(
            lang,
            &key,
            &[("value", value), ("languages", &LANGUAGES.join(", "))],
        )
    } else {
        state.renderer.text_with(
            lang,
            "subscribers-row-invalid",
            &[("reason", &problem.message)],
        )
    }
}

fn rows_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    slug: &str,
    form: Form,
    rows: Vec<RowView>,
    ready: Option<Ready>,
) -> Response {
    let lang = context.lang;
    let heading = state.renderer.text(
        lang,
        if ready.is_some() {
            "subscribers-import-check"
        } else {
            "subscribers-import-title"
        },
    );
    let view = ImportPage {
        lang: lang.code(),
        heading,
        back_href: subscribers_href(slug),
        import_href: import_href(slug),
        form,
        rows,
        ready,
    };
    show_import(state, req, context, &view)
}
