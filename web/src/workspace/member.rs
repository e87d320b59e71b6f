//! What a council member does on a meeting's page: answer the convocation (attending, not
//! attending, their substitute attends), changeable until the meeting is held, and a
//! private comment on an item for the secretary. Errors come back on the meeting's page,
//! beside the form that was sent.

use std::sync::Arc;

use council_shared::{ApiError, FieldError, validation::Invalid};
use meetings::{
    api::{
        commands,
        models::{AnswerInput, CommentInput},
    },
    domain::AttendanceAnswer,
};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};

use super::{
    failed,
    meeting::{self, Returned},
    meeting_href, received,
};
use crate::{WebState, forms};

#[handler]
pub async fn answer(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    // Who may first, as the command would: a stranger's form is not read at all.
    let started = match commands::check_member(&state.meetings, &principal, (&slug, id)).await {
        Ok((meeting, _, _)) => meeting.starts_at <= chrono::Utc::now(),
        Err(error) => return failed(&state, &context, error),
    };
    let outcome = match AttendanceAnswer::from_db(submitted.value("answer")) {
        Ok(answer) => {
            let input = AnswerInput {
                answer,
                note: submitted.optional("note"),
            };
            commands::answer(&state.meetings, &principal, (&slug, id), &input)
                .await
                .map(|_| ())
        }
        Err(_) => Err(ApiError::Validation(vec![FieldError::new(
            "answer",
            Invalid::new("choose_one", "choose one"),
        )])),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=answered", meeting_href(&slug, id))),
        Err(error) => error,
    };
    let lang = context.lang;
    let action = format!("{}/answer", meeting_href(&slug, id));
    let mut form = meeting::answer_form(&state, req, lang, &action).keep(&submitted);
    if started {
        // The one refusal a member meets here, in their words.
        form.problem(state.renderer.text(lang, "answer-closed"));
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    let returned = Returned {
        answer: Some(form),
        ..Returned::default()
    };
    meeting::render(&state, req, &context, &principal, (&slug, id), returned).await
}

#[handler]
pub async fn comment(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = CommentInput {
        body: submitted.value("body").to_string(),
    };
    let error =
        match commands::comment(&state.meetings, &principal, (&slug, id), item_id, &input).await {
            Ok(_) => {
                return forms::redirect(&format!(
                    "{}?done=commented#item-{item_id}",
                    meeting_href(&slug, id)
                ));
            }
            Err(error) => error,
        };
    let lang = context.lang;
    let action = format!("{}/agenda/{item_id}/comment", meeting_href(&slug, id));
    let mut form = meeting::comment_form(&state, req, lang, &action, item_id).keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    let returned = Returned {
        comment: Some((item_id, form)),
        ..Returned::default()
    };
    meeting::render(&state, req, &context, &principal, (&slug, id), returned).await
}
