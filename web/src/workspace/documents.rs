//! An agenda item's documents in the workspace: the list with who can see each, an upload
//! form that says the accepted types and the size limit before anything is sent, and
//! removal after a confirmation. Uploads stream to storage through the same command as the
//! API's (checked by content, never whole in memory).

use std::sync::Arc;

use council_shared::{ApiError, FieldError, validation::Invalid};
use meetings::{
    api::commands,
    entities::{agenda_item, meeting},
    service::attachments,
};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Multipart, Path},
};
use serde::Serialize;

use super::{failed, meeting_href, received, show_form, signed_in, staff_item};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form},
    i18n::Lang,
    meeting_views,
};

#[derive(Serialize)]
struct Listed {
    name: String,
    href: String,
    size: String,
    remove_href: String,
}

#[derive(Serialize)]
struct DocumentsPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    done: Option<String>,
    audience: String,
    documents: Vec<Listed>,
    form: Form,
}

fn megabytes(bytes: u64) -> String {
    format!("{}", bytes.div_ceil(1024 * 1024))
}

fn upload_form(state: &WebState, req: &Request, lang: Lang, action: String) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let limit = megabytes(state.meetings.max_upload_bytes);
    Form::new(req, action, t("documents-upload"), lang, &state.renderer).field(
        Field::new("file", "file", t("documents-file"))
            .hint(
                state
                    .renderer
                    .text_with(lang, "documents-file-hint", &[("mb", &limit)]),
            )
            .accept(".pdf,.odt,.docx,.png,.jpg,.jpeg,.webp"),
    )
}

async fn page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, meeting, item): (&str, &meeting::Model, &agenda_item::Model),
    form: Option<Form>,
) -> Response {
    let lang = context.lang;
    let base = meeting_href(slug, meeting.id);
    let files = match attachments::for_meeting(&state.meetings.db, meeting.id).await {
        Ok(files) => files,
        Err(error) => return failed(state, context, error.into()),
    };
    let form = form.unwrap_or_else(|| {
        upload_form(
            state,
            req,
            lang,
            format!("{base}/agenda/{}/documents", item.id),
        )
    });
    let heading = state
        .renderer
        .text_with(lang, "documents-heading", &[("title", &item.title)]);
    let view = DocumentsPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: format!("{base}#item-{}", item.id),
        meeting_title: meeting.title.clone(),
        done: super::done_banner(state, req, lang),
        audience: state.renderer.text(
            lang,
            if item.public {
                "documents-audience-public"
            } else {
                "documents-audience-closed"
            },
        ),
        documents: files
            .iter()
            .filter(|f| f.item_id == Some(item.id))
            .map(|f| Listed {
                name: f.file_name.clone(),
                href: format!(
                    "/api/v1/tenants/{slug}/meetings/{}/attachments/{}",
                    meeting.id, f.id
                ),
                size: meeting_views::file_size(f.size_bytes),
                remove_href: format!("{base}/documents/{}/remove", f.id),
            })
            .collect(),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_documents", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn documents(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match staff_item(&state, &principal, (&slug, id, item_id)).await {
        Ok((_, meeting, item)) => page(&state, req, &context, (&slug, &meeting, &item), None).await,
        Err(error) => failed(&state, &context, error),
    }
}

/// The upload's refusal as the reader's sentence beside the file field.
pub(super) fn upload_error(error: ApiError) -> Result<FieldError, ApiError> {
    let invalid = match error {
        ApiError::PayloadTooLarge { limit } => {
            Invalid::new("file_too_large", "the file is too large")
                .with("mb", megabytes(limit as u64))
        }
        ApiError::UnsupportedMediaType(_) => {
            Invalid::new("file_type", "the file is not of an accepted type")
        }
        ApiError::Validation(errors) => {
            let reason = errors.first().map_or(String::new(), |e| e.message.clone());
            Invalid::new("file_name", reason.clone()).with("reason", reason)
        }
        other => return Err(other),
    };
    Ok(FieldError::new("file", invalid))
}

/// Reads the form's token, then streams its file into storage: the token comes first in
/// the form, so nothing is stored for a form that is not ours.
#[handler]
pub async fn upload(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    mut multipart: Multipart,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (_, meeting, item) = match staff_item(&state, &principal, (&slug, id, item_id)).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let mut genuine = false;
    let mut outcome: Result<(), ApiError> = Err(forms::no_file_chosen());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                outcome = Err(forms::upload_broke_off());
                break;
            }
        };
        match field.name() {
            Some("csrf") => {
                let token = field.text().await.unwrap_or_default();
                genuine = crate::sign_in::csrf_ok(req, &token);
            }
            Some("file") if genuine => {
                let name = field.file_name().unwrap_or_default().to_string();
                if name.is_empty() {
                    continue;
                }
                let stream = forms::file_stream(field);
                outcome = commands::upload(
                    &state.meetings,
                    &principal,
                    (&slug, id),
                    Some(item_id),
                    &name,
                    stream,
                )
                .await
                .map(|_| ());
            }
            _ => {}
        }
    }
    if !genuine {
        return crate::sign_in::csrf_failure(&state, req);
    }
    let error = match outcome {
        Ok(()) => {
            return forms::redirect(&format!(
                "{}/agenda/{item_id}/documents?done=uploaded",
                meeting_href(&slug, id)
            ));
        }
        Err(error) => error,
    };
    let field_error = match upload_error(error) {
        Ok(error) => error,
        Err(other) => return failed(&state, &context, other),
    };
    let mut form = upload_form(
        &state,
        req,
        lang,
        format!("{}/agenda/{item_id}/documents", meeting_href(&slug, id)),
    );
    form.show_errors(&state.renderer, lang, &[field_error], &[]);
    page(&state, req, &context, (&slug, &meeting, &item), Some(form)).await
}

#[derive(Serialize)]
struct RemovePage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    form: Form,
}

async fn remove_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, id, attachment_id): (&str, i64, i64),
    form: Option<Form>,
) -> Response {
    let lang = context.lang;
    let principal = match &context.user {
        Some(user) => user.clone(),
        None => return failed(state, context, ApiError::Unauthorized),
    };
    let found: Result<_, ApiError> = async {
        let (_, _, meeting) = state.meetings.staff_meeting(slug, id, &principal).await?;
        let file = attachments::find(&state.meetings.db, meeting.id, attachment_id).await?;
        Ok((meeting, file))
    }
    .await;
    let (meeting, file) = match found {
        Ok(found) => found,
        Err(error) => return failed(state, context, error),
    };
    let base = meeting_href(slug, id);
    let form = form.unwrap_or_else(|| {
        Form::new(
            req,
            format!("{base}/documents/{attachment_id}/remove"),
            state.renderer.text(lang, "documents-remove-submit"),
            lang,
            &state.renderer,
        )
    });
    let heading = state.renderer.text_with(
        lang,
        "documents-remove-heading",
        &[("name", &file.file_name)],
    );
    let view = RemovePage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: match file.item_id {
            Some(item) => format!("{base}/agenda/{item}/documents"),
            None => base,
        },
        meeting_title: meeting.title.clone(),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_document_remove", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn confirm_remove(
    req: &Request,
    Path((slug, id, attachment_id)): Path<(String, i64, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, _) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    remove_page(&state, req, &context, (&slug, id, attachment_id), None).await
}

#[handler]
pub async fn remove(
    req: &Request,
    Path((slug, id, attachment_id)): Path<(String, i64, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let item = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => attachments::find(&state.meetings.db, meeting.id, attachment_id)
            .await
            .map(|f| f.item_id)
            .map_err(ApiError::from),
        Err(error) => Err(error),
    };
    let item = match item {
        Ok(item) => item,
        Err(error) => return failed(&state, &context, error),
    };
    match commands::remove_attachment(&state.meetings, &principal, (&slug, id), attachment_id).await
    {
        Ok(()) => forms::redirect(&match item {
            Some(item) => format!(
                "{}/agenda/{item}/documents?done=removed",
                meeting_href(&slug, id)
            ),
            None => format!("{}?done=removed", meeting_href(&slug, id)),
        }),
        Err(error) => {
            let lang = context.lang;
            let mut form = Form::new(
                req,
                format!(
                    "{}/documents/{attachment_id}/remove",
                    meeting_href(&slug, id)
                ),
                state.renderer.text(lang, "documents-remove-submit"),
                lang,
                &state.renderer,
            );
            if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
                return failed(&state, &context, other);
            }
            remove_page(
                &state,
                req,
                &context,
                (&slug, id, attachment_id),
                Some(form),
            )
            .await
        }
    }
}
