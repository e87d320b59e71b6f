//! The record of a meeting: the attendance sheet (one row per member in office: present,
//! absent, excused, or their substitute with a name), with the quorum it makes; marking
//! the meeting held; and per item the decision or recommendation with its votes, dissent,
//! result and ΑΔΑ. A meeting without quorum takes no decisions: the page says so instead
//! of offering the form.

use std::sync::Arc;

use council_shared::{ApiError, FieldError, council::has_quorum, validation::Invalid};
use meetings::{
    api::{
        commands,
        models::{AdaInput, AttendanceInput, AttendanceLineInput, DecisionInput},
    },
    domain::{AttendanceAnswer, AttendanceStatus, DecisionKind, DecisionResult, MeetingState},
    entities::{agenda_item, meeting},
    service::{self, attendance, decisions},
};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{failed, meeting_href, received, show_form, signed_in, staff_item};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

#[derive(Serialize)]
struct SheetRow {
    name: String,
    status: Field,
    substitute: Field,
}

#[derive(Serialize)]
struct SheetPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    quorum_rule: String,
    quorum_now: Option<String>,
    /// What the page's script says as rows are marked, `{present}` filled in by it.
    quorum_live: (String, String),
    needed: usize,
    rows: Vec<SheetRow>,
    form: Form,
}

fn status_field(state: &WebState, lang: Lang, member_id: i64, name: &str) -> Field {
    let choices = AttendanceStatus::ALL
        .iter()
        .map(|s| {
            (
                s.as_str().to_string(),
                state
                    .renderer
                    .text(lang, &format!("attendance-{}", s.as_str())),
            )
        })
        .collect();
    Field::new(
        &format!("status-{member_id}"),
        "radios",
        state
            .renderer
            .text_with(lang, "record-status-of", &[("name", name)]),
    )
    .choices(choices)
}

fn substitute_field(state: &WebState, lang: Lang, member_id: i64, name: &str) -> Field {
    Field::new(
        &format!("substitute-{member_id}"),
        "text",
        state
            .renderer
            .text_with(lang, "record-substitute-of", &[("name", name)]),
    )
}

/// The sheet's rows from `values` (the form as sent, or what was recorded or answered).
#[allow(clippy::too_many_arguments)]
async fn sheet(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, id): (&str, i64),
    roster: &council_shared::council::CouncilRoster,
    meeting: &meeting::Model,
    submitted: Option<&Submitted>,
    error: Option<ApiError>,
) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let day = council_shared::athens::local(meeting.starts_at).date_naive();
    let members = roster.in_office_on(day);
    let db = &state.meetings.db;
    let recorded = attendance::records(db, meeting.id)
        .await
        .unwrap_or_default();
    let answered = attendance::answers(db, meeting.id)
        .await
        .unwrap_or_default();
    let base = meeting_href(slug, id);
    let mut form = Form::new(
        req,
        format!("{base}/attendance"),
        t("record-save"),
        lang,
        &state.renderer,
    );
    for member in &members {
        let (status, substitute) = match submitted {
            Some(sent) => (
                sent.value(&format!("status-{}", member.id)).to_string(),
                sent.value(&format!("substitute-{}", member.id)).to_string(),
            ),
            None => match recorded.iter().find(|r| r.member_id == member.id) {
                Some(row) => (
                    row.status.clone(),
                    row.substitute_name.clone().unwrap_or_default(),
                ),
                // Before anything is recorded, the members' answers are a good first guess.
                None => (
                    answered
                        .iter()
                        .find(|a| a.member_id == member.id)
                        .and_then(|a| AttendanceAnswer::from_db(&a.answer).ok())
                        .map(|a| match a {
                            AttendanceAnswer::Attending => "present",
                            AttendanceAnswer::NotAttending => "excused",
                            AttendanceAnswer::SubstituteAttends => "substitute_present",
                        })
                        .unwrap_or_default()
                        .to_string(),
                    String::new(),
                ),
            },
        };
        form = form
            .field(status_field(state, lang, member.id, &member.full_name).value(status))
            .field(substitute_field(state, lang, member.id, &member.full_name).value(substitute));
    }
    if let Some(error) = error {
        // The API names rows by position; the sheet by member.
        let names: Vec<(String, String)> = members
            .iter()
            .enumerate()
            .flat_map(|(index, m)| {
                [
                    (
                        format!("records[{index}].substitute_name"),
                        format!("substitute-{}", m.id),
                    ),
                    (
                        format!("records[{index}].member_id"),
                        format!("status-{}", m.id),
                    ),
                ]
            })
            .collect();
        let names: Vec<(&str, &str)> = names
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        if let Err(other) = form.show_refusal(&state.renderer, lang, error, &names) {
            return failed(state, context, other);
        }
    }
    let rows = members
        .iter()
        .filter_map(|m| {
            Some(SheetRow {
                name: m.full_name.clone(),
                status: form.fields.get(&format!("status-{}", m.id))?.clone(),
                substitute: form.fields.get(&format!("substitute-{}", m.id))?.clone(),
            })
        })
        .collect();
    let needed = members.len() / 2 + 1;
    let view = SheetPage {
        lang: lang.code(),
        heading: t("record-heading"),
        back_href: base,
        meeting_title: meeting.title.clone(),
        quorum_rule: state.renderer.text_with(
            lang,
            "record-quorum-rule",
            &[
                ("in_office", &members.len().to_string()),
                ("needed", &needed.to_string()),
            ],
        ),
        quorum_now: meeting.present.map(|present| {
            let in_office = meeting.in_office.unwrap_or(0);
            state.renderer.text_with(
                lang,
                if has_quorum(present as usize, in_office as usize) {
                    "record-quorum-yes"
                } else {
                    "record-quorum-no"
                },
                &[
                    ("present", &present.to_string()),
                    ("in_office", &in_office.to_string()),
                ],
            )
        }),
        quorum_live: {
            let in_office = members.len().to_string();
            let args = [("present", "{present}"), ("in_office", in_office.as_str())];
            (
                state.renderer.text_with(lang, "record-quorum-yes", &args),
                state.renderer.text_with(lang, "record-quorum-no", &args),
            )
        },
        needed,
        rows,
        form,
    };
    let title = view.heading.clone();
    show_form(
        state,
        req,
        context,
        ("workspace_attendance", &title),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn attendance_sheet(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((roster, _, meeting)) => {
            sheet(
                &state,
                req,
                &context,
                (&slug, id),
                &roster,
                &meeting,
                None,
                None,
            )
            .await
        }
        Err(error) => failed(&state, &context, error),
    }
}

/// The sheet as the API's input; a row without a choice is an error of its own.
fn attendance_input(
    submitted: &Submitted,
    member_ids: &[i64],
) -> Result<AttendanceInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut records = Vec::new();
    for id in member_ids {
        let status = submitted.value(&format!("status-{id}"));
        match AttendanceStatus::from_db(status) {
            Ok(status) => records.push(AttendanceLineInput {
                member_id: *id,
                status,
                substitute_name: submitted.optional(&format!("substitute-{id}")),
            }),
            Err(_) => errors.push(FieldError::new(
                format!("status-{id}"),
                Invalid::new("choose_one", "choose one"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(AttendanceInput { records })
    } else {
        Err(errors)
    }
}

#[handler]
pub async fn record_attendance(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (roster, _, meeting) = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let day = council_shared::athens::local(meeting.starts_at).date_naive();
    let ids: Vec<i64> = roster.in_office_on(day).iter().map(|m| m.id).collect();
    let outcome = match attendance_input(&submitted, &ids) {
        Ok(input) => commands::record_attendance(&state.meetings, &principal, (&slug, id), &input)
            .await
            .map(|_| ()),
        Err(errors) => Err(ApiError::Validation(errors)),
    };
    match outcome {
        Ok(()) => forms::redirect(&format!("{}?done=attendance", meeting_href(&slug, id))),
        Err(error) => {
            sheet(
                &state,
                req,
                &context,
                (&slug, id),
                &roster,
                &meeting,
                Some(&submitted),
                Some(error),
            )
            .await
        }
    }
}

#[handler]
pub async fn hold(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match commands::hold(&state.meetings, &principal, (&slug, id)).await {
        Ok(_) => forms::redirect(&format!("{}?done=held", meeting_href(&slug, id))),
        Err(ApiError::Conflict(refusal)) => {
            let text = state.renderer.conflict(context.lang, &refusal);
            let heading = state.renderer.text(context.lang, "meeting-action-hold");
            crate::sign_in::no_store(crate::message_page(
                &state,
                &context,
                poem::http::StatusCode::CONFLICT,
                &heading,
                &text,
                None,
            ))
        }
        Err(error) => failed(&state, &context, error),
    }
}

#[derive(Serialize)]
struct DecisionPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    item_title: String,
    refused: Option<String>,
    correcting: bool,
    form: Form,
}

fn decision_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    action: String,
    correcting: bool,
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let kinds = DecisionKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().into(),
                t(&format!("decision-kind-{}", k.as_str())),
            )
        })
        .collect();
    let results = DecisionResult::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().into(),
                t(&format!("decision-result-{}", r.as_str())),
            )
        })
        .collect();
    let mut form = Form::new(req, action, t("decision-save"), lang, &state.renderer)
        .field(
            Field::new("kind", "radios", t("decision-kind"))
                .choices(kinds)
                .value("recommendation"),
        )
        .field(
            Field::new("text", "textarea", t("decision-text"))
                .hint(t("decision-text-hint"))
                .rows(8)
                .required(),
        )
        .field(
            Field::new("votes_for", "number", t("decision-votes-for"))
                .width("short")
                .value("0"),
        )
        .field(
            Field::new("votes_against", "number", t("decision-votes-against"))
                .width("short")
                .value("0"),
        )
        .field(
            Field::new("abstentions", "number", t("decision-abstentions"))
                .width("short")
                .value("0"),
        )
        .field(
            Field::new("dissent", "textarea", t("decision-dissent"))
                .hint(t("decision-dissent-hint"))
                .rows(3),
        )
        .field(
            Field::new("result", "radios", t("decision-result"))
                .choices(results)
                .value("adopted"),
        )
        .field(
            Field::new("ada", "text", t("decision-ada"))
                .hint(t("decision-ada-hint"))
                .width("medium"),
        );
    if correcting {
        form = form.field(
            Field::new("change_note", "textarea", t("decision-change-note"))
                .hint(t("decision-change-note-hint"))
                .rows(2)
                .required(),
        );
    }
    form
}

/// Why the meeting cannot carry decisions now, if it cannot: no attendance yet, or no quorum.
fn refusal(state: &WebState, lang: Lang, meeting: &meeting::Model) -> Option<String> {
    match meeting.quorum_present {
        None => Some(state.renderer.text(lang, "decision-needs-attendance")),
        Some(false) => Some(state.renderer.text_with(
            lang,
            "decision-no-quorum",
            &[
                ("present", &meeting.present.unwrap_or(0).to_string()),
                ("in_office", &meeting.in_office.unwrap_or(0).to_string()),
            ],
        )),
        Some(true) => None,
    }
}

fn decision_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, meeting, item): (&str, &meeting::Model, &agenda_item::Model),
    form: Form,
) -> Response {
    let lang = context.lang;
    let correcting = service::state_of(meeting).is_ok_and(|s| s == MeetingState::Published);
    let heading = state
        .renderer
        .text_with(lang, "decision-heading", &[("title", &item.title)]);
    let view = DecisionPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: format!("{}#item-{}", meeting_href(slug, meeting.id), item.id),
        meeting_title: meeting.title.clone(),
        item_title: item.title.clone(),
        refused: refusal(state, lang, meeting),
        correcting,
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_decision", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn decision_sheet(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
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
    let correcting = service::state_of(&meeting).is_ok_and(|s| s == MeetingState::Published);
    let mut form = decision_form(
        &state,
        req,
        lang,
        format!("{}/agenda/{item_id}/decision", meeting_href(&slug, id)),
        correcting,
    );
    let stored = decisions::find_for_item(&state.meetings.db, item.id)
        .await
        .ok();
    form = form.hidden("version", commands::decision_version(stored.as_ref()));
    if let Some(stored) = stored {
        let current = stored.current();
        form = form.fill([
            ("kind", stored.decision.kind.clone()),
            ("text", current.text.clone()),
            ("votes_for", current.votes_for.to_string()),
            ("votes_against", current.votes_against.to_string()),
            ("abstentions", current.abstentions.to_string()),
            ("dissent", current.dissent.clone().unwrap_or_default()),
            ("result", current.result.clone()),
            ("ada", stored.decision.ada.clone().unwrap_or_default()),
        ]);
    }
    decision_page(&state, req, &context, (&slug, &meeting, &item), form)
}

/// The form as the API's input; counts that are not whole numbers are errors of their own.
fn decision_input(submitted: &Submitted) -> Result<DecisionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut count = |name: &str| {
        forms::parse_count(submitted.value(name))
            .map_err(|e| errors.push(FieldError::new(name, e)))
            .unwrap_or(0)
    };
    let (votes_for, votes_against, abstentions) = (
        count("votes_for"),
        count("votes_against"),
        count("abstentions"),
    );
    let input = DecisionInput {
        kind: DecisionKind::from_db(submitted.value("kind")).unwrap_or(DecisionKind::Decision),
        text: submitted.value("text").to_string(),
        votes_for,
        votes_against,
        abstentions,
        dissent: submitted.optional("dissent"),
        result: DecisionResult::from_db(submitted.value("result"))
            .unwrap_or(DecisionResult::Adopted),
        change_note: submitted.optional("change_note"),
    };
    if let Err(error) = commands::parse_ada(submitted.optional("ada").as_deref())
        && let ApiError::Validation(more) = error
    {
        errors.extend(more);
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(errors)
    }
}

#[handler]
pub async fn record_decision(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (_, meeting, item) = match staff_item(&state, &principal, (&slug, id, item_id)).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let at = (slug.as_str(), id);
    let outcome = match decision_input(&submitted) {
        Ok(input) => {
            let seen = Some(submitted.value("version"));
            match commands::record_decision(
                &state.meetings,
                &principal,
                at,
                (item_id, seen),
                &input,
            )
            .await
            {
                Ok(_) => {
                    let ada = AdaInput {
                        ada: submitted.optional("ada"),
                    };
                    commands::set_ada(&state.meetings, &principal, at, item_id, &ada)
                        .await
                        .map(|_| ())
                }
                Err(error) => Err(error),
            }
        }
        Err(errors) => Err(ApiError::Validation(errors)),
    };
    let error = match outcome {
        Ok(()) => {
            return forms::redirect(&format!(
                "{}?done=decision#item-{item_id}",
                meeting_href(&slug, id)
            ));
        }
        Err(error) => error,
    };
    let lang = context.lang;
    let correcting = service::state_of(&meeting).is_ok_and(|s| s == MeetingState::Published);
    let mut form = decision_form(
        &state,
        req,
        lang,
        format!("{}/agenda/{item_id}/decision", meeting_href(&slug, id)),
        correcting,
    )
    .keep(&submitted)
    .hidden("version", submitted.value("version"));
    let stored = decisions::find_for_item(&state.meetings.db, item.id)
        .await
        .ok();
    let current = commands::decision_version(stored.as_ref());
    if matches!(error, ApiError::Conflict(_)) && current != submitted.value("version") {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    decision_page(&state, req, &context, (&slug, &meeting, &item), form)
}
