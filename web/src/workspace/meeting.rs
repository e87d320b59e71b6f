//! One meeting in the workspace. For its secretary and administrators: what the meeting's
//! state allows next (one main action, the rest as links), the agenda with its controls
//! (edit, move, withdraw, documents, decision), the members' answers and comments with
//! their names. For a member: the whole agenda with closed items and documents, their
//! answer to the convocation, and a private comment per item for the secretary.

use std::sync::Arc;

use council_shared::{ApiError, auth::Principal, council::CouncilRoster};
use meetings::{
    access::Viewer,
    api::{
        models::{AgendaItemView, MeetingDetail},
        views,
    },
    domain::{Action, MeetingState},
    service::{attachments, attendance, seen},
};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Path},
};
use serde::Serialize;

use super::{done_banner, failed, meeting_href, show, signed_in};
use crate::{
    PageContext, WebState,
    forms::{Field, Form},
    i18n::Lang,
    meeting_views::{self, When, when},
};

#[derive(Serialize)]
struct Document {
    /// Added since the reader last opened the meeting.
    new: bool,
    name: String,
    href: String,
    size: String,
    audience: String,
    remove_href: Option<String>,
}

#[derive(Serialize)]
struct Comment {
    author: String,
    body: String,
    at: When,
}

#[derive(Serialize)]
struct Item {
    id: i64,
    number: i32,
    title: String,
    description_html: String,
    rapporteur: Option<String>,
    closed: bool,
    urgent: bool,
    withdrawn: bool,
    withdrawn_reason: Option<String>,
    documents: Vec<Document>,
    decision: Option<String>,
    comments: Vec<Comment>,
    comment_form: Option<Form>,
    edit_href: Option<String>,
    withdraw_href: Option<String>,
    decision_href: Option<String>,
    documents_href: Option<String>,
    move_up: bool,
    move_down: bool,
}

#[derive(Serialize)]
struct Answer {
    name: String,
    answer: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct Link {
    href: String,
    text: String,
}

#[derive(Serialize)]
struct MeetingWorkspacePage {
    lang: &'static str,
    slug: String,
    id: i64,
    council_href: String,
    public_href: String,
    heading: String,
    state: String,
    state_code: String,
    done: Option<String>,
    staff: bool,
    member: bool,
    starts: When,
    ends: When,
    kind: String,
    mode: String,
    place: Option<String>,
    online_url: Option<String>,
    main_action: Option<Link>,
    other_actions: Vec<Link>,
    hold_form: Option<String>,
    csrf: String,
    agenda: Vec<Item>,
    /// Documents of the meeting itself, not of an item.
    documents: Vec<Document>,
    add_item_href: Option<String>,
    answers: Vec<Answer>,
    not_answered: Vec<String>,
    answer_form: Option<Form>,
    my_answer: Option<String>,
    quorum: Option<String>,
    minutes_href: Option<String>,
    /// The draft minutes, for the members to read before they are approved.
    draft_minutes: Option<String>,
}

/// Forms a POST sent back with errors, shown in place of the empty ones.
#[derive(Default)]
pub(crate) struct Returned {
    pub answer: Option<Form>,
    pub comment: Option<(i64, Form)>,
}

fn label(state: &WebState, lang: Lang, prefix: &str, value: &str) -> String {
    state.renderer.text(lang, &format!("{prefix}-{value}"))
}

/// The next step for a meeting in `state`, and the others it allows, for its staff.
fn actions(
    state: &WebState,
    lang: Lang,
    base: &str,
    detail: &MeetingDetail,
) -> (Option<Link>, Vec<Link>) {
    let allowed = |action: Action| detail.allowed_actions.iter().any(|a| a == action.name());
    let link = |path: &str, key: &str| Link {
        href: format!("{base}/{path}"),
        text: state.renderer.text(lang, key),
    };
    let mut main = None;
    let mut others = Vec::new();
    let mut offer = |wanted: bool, link: Link, primary: bool| {
        if !wanted {
            return;
        }
        if primary && main.is_none() {
            main = Some(link);
        } else {
            others.push(link);
        }
    };
    offer(
        allowed(Action::Convene),
        link("convene", "meeting-action-convene"),
        true,
    );
    // Attendance is taken once the meeting has started.
    let started = detail.summary.starts_at <= chrono::Utc::now();
    offer(
        allowed(Action::RecordAttendance) && started,
        link("attendance", "meeting-action-attendance"),
        detail.attendance.is_none(),
    );
    offer(
        allowed(Action::DraftMinutes) || allowed(Action::ApproveMinutes),
        link("minutes", "meeting-action-minutes"),
        true,
    );
    offer(
        allowed(Action::Publish),
        link("minutes/publish", "meeting-action-publish"),
        true,
    );
    offer(
        allowed(Action::Correct),
        link("minutes", "meeting-action-correct"),
        false,
    );
    offer(
        allowed(Action::Edit),
        link("edit", "meeting-action-edit"),
        false,
    );
    offer(
        allowed(Action::Postpone),
        link("postpone", "meeting-action-postpone"),
        false,
    );
    offer(
        allowed(Action::Cancel),
        link("cancel", "meeting-action-cancel"),
        false,
    );
    offer(
        allowed(Action::Delete),
        link("delete", "meeting-action-delete"),
        false,
    );
    (main, others)
}

fn decision_text(state: &WebState, lang: Lang, item: &AgendaItemView) -> Option<String> {
    let decision = item.decision.as_ref()?;
    let current = &decision.current;
    Some(state.renderer.text_with(
        lang,
        "meeting-decision-summary",
        &[
            ("number", &decision.number),
            (
                "result",
                &label(state, lang, "decision-result", current.result.as_str()),
            ),
            ("for", &current.votes_for.to_string()),
            ("against", &current.votes_against.to_string()),
            ("abstain", &current.abstentions.to_string()),
        ],
    ))
}

pub(crate) async fn render(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    principal: &Principal,
    (slug, id): (&str, i64),
    mut returned: Returned,
) -> Response {
    let lang = context.lang;
    let core = &state.meetings;
    let made: Result<(MeetingWorkspacePage, bool), ApiError> = async {
        let (roster, viewer, meeting) = core.meeting(slug, id, Some(principal)).await?;
        if !viewer.is_insider() {
            return Err(ApiError::Forbidden(
                "the workspace of a council is for its secretary, administrators and members"
                    .into(),
            ));
        }
        let detail = views::detail(&core.db, &roster, &meeting, &viewer).await?;
        // What was added since the last look is marked; this look is remembered.
        let files = attachments::for_meeting(&core.db, meeting.id).await?;
        let newest = files.iter().map(|f| f.created_at).max();
        let last_seen = seen::look(&core.db, meeting.id, principal.user_id, newest).await?;
        let is_new = |id: i64| {
            last_seen.is_some_and(|seen| files.iter().any(|f| f.id == id && f.created_at > seen))
        };
        let staff = viewer.is_staff();
        let base = meeting_href(slug, id);
        let allowed = |action: Action| detail.allowed_actions.iter().any(|a| a == action.name());
        let (csrf, _) = crate::sign_in::csrf_token(req);
        let mut agenda = Vec::new();
        let count = detail.agenda.len();
        let only_user = match &viewer {
            Viewer::Member { user_id, .. } => Some(*user_id),
            _ => None,
        };
        // A document as the page lists it: new or not, who can see it, removable or not.
        let document = |a: &meetings::api::models::AttachmentView, public: bool| Document {
            new: is_new(a.id),
            name: a.file_name.clone(),
            href: a.download.clone(),
            size: meeting_views::file_size(a.size_bytes),
            audience: state.renderer.text(
                lang,
                if public {
                    "document-audience-public"
                } else {
                    "document-audience-council"
                },
            ),
            remove_href: (staff && allowed(Action::Attach))
                .then(|| format!("{base}/documents/{}/remove", a.id)),
        };
        let all_comments = attendance::comments_on_meeting(&core.db, meeting.id, only_user).await?;
        for (index, item) in detail.agenda.iter().enumerate() {
            let comments = all_comments
                .iter()
                .filter(|c| c.item_id == item.id)
                .map(|c| Comment {
                    author: views::member_name(&roster, c.member_id, &c.author_name),
                    body: c.body.clone(),
                    at: when(c.created_at),
                })
                .collect();
            let comment_form = match (&viewer, &mut returned.comment) {
                (Viewer::Member { .. }, Some((item_id, _))) if *item_id == item.id => {
                    returned.comment.take().map(|(_, form)| form)
                }
                (Viewer::Member { .. }, _) if !item.withdrawn => Some(comment_form(
                    state,
                    req,
                    lang,
                    &format!("{base}/agenda/{}/comment", item.id),
                    item.id,
                )),
                _ => None,
            };
            let editable = staff && allowed(Action::EditAgenda) && !item.withdrawn;
            agenda.push(Item {
                id: item.id,
                number: item.number,
                title: item.title.clone(),
                description_html: item.description_html.clone(),
                rapporteur: item.rapporteur.clone(),
                closed: !item.public,
                urgent: item.urgent,
                withdrawn: item.withdrawn,
                withdrawn_reason: item.withdrawn_reason.clone(),
                documents: item
                    .attachments
                    .iter()
                    .map(|a| document(a, item.public && meeting.state != "draft"))
                    .collect(),
                decision: decision_text(state, lang, item),
                comments,
                comment_form,
                edit_href: editable.then(|| format!("{base}/agenda/{}/edit", item.id)),
                withdraw_href: (staff && !item.withdrawn && allowed(Action::EditAgenda))
                    .then(|| format!("{base}/agenda/{}/withdraw", item.id)),
                decision_href: (staff
                    && !item.withdrawn
                    && (allowed(Action::RecordDecisions) || allowed(Action::Correct)))
                .then(|| format!("{base}/agenda/{}/decision", item.id)),
                documents_href: (staff && allowed(Action::Attach))
                    .then(|| format!("{base}/agenda/{}/documents", item.id)),
                move_up: editable && index > 0,
                move_down: editable && index + 1 < count,
            });
        }
        let (answers, not_answered) = if staff {
            answers(state, lang, &roster, &meeting).await?
        } else {
            (Vec::new(), Vec::new())
        };
        let member = matches!(viewer, Viewer::Member { .. });
        let answers_open = summary_starts_later(&detail);
        let answer_form = if member
            && allowed(Action::AnswerAttendance)
            && (answers_open || returned.answer.is_some())
        {
            Some(returned.answer.take().unwrap_or_else(|| {
                let form = answer_form(state, req, lang, &format!("{base}/answer"));
                match &detail.my_answer {
                    Some(mine) => form.fill([
                        ("answer", mine.answer.as_str().to_string()),
                        ("note", mine.note.clone().unwrap_or_default()),
                    ]),
                    None => form,
                }
            }))
        } else {
            None
        };
        let (main_action, other_actions) = if staff {
            actions(state, lang, &base, &detail)
        } else {
            (None, Vec::new())
        };
        let summary = &detail.summary;
        let page = MeetingWorkspacePage {
            lang: lang.code(),
            slug: slug.to_string(),
            id,
            council_href: format!("/workspace/{slug}/meetings"),
            public_href: summary.page.clone(),
            heading: meeting_views::heading(summary, &state.renderer, lang),
            state: label(state, lang, "meeting-state", summary.state.as_str()),
            state_code: summary.state.as_str().to_string(),
            done: done_banner(state, req, lang),
            staff,
            member,
            starts: when(summary.starts_at),
            ends: when(summary.ends_at),
            kind: label(state, lang, "meeting-kind", summary.kind.as_str()),
            mode: label(state, lang, "meeting-mode", summary.mode.as_str()),
            place: summary
                .location
                .as_ref()
                .map(|l| council_shared::council::place(&l.name, l.address.as_deref())),
            online_url: detail.online_url.clone(),
            main_action,
            other_actions,
            hold_form: (staff && allowed(Action::Hold) && summary.starts_at <= chrono::Utc::now())
                .then(|| format!("{base}/hold")),
            csrf,
            add_item_href: (staff
                && (allowed(Action::EditAgenda) || allowed(Action::AddUrgentItem)))
            .then(|| format!("{base}/agenda/new")),
            agenda,
            documents: detail
                .attachments
                .iter()
                .map(|a| document(a, meeting.state != "draft"))
                .collect(),
            answers,
            not_answered,
            answer_form,
            my_answer: detail
                .my_answer
                .as_ref()
                .map(|a| label(state, lang, "attendance-answer", a.answer.as_str())),
            quorum: detail.attendance.as_ref().map(|a| {
                state.renderer.text_with(
                    lang,
                    if a.quorum {
                        "record-quorum-yes"
                    } else {
                        "record-quorum-no"
                    },
                    &[
                        ("present", &a.present.to_string()),
                        ("in_office", &a.in_office.to_string()),
                    ],
                )
            }),
            minutes_href: (staff
                && (detail.minutes.is_some() || !detail.minutes_versions.is_empty()))
            .then(|| format!("{base}/minutes")),
            draft_minutes: matches!(
                summary.state,
                MeetingState::MinutesDrafted | MeetingState::MinutesApproved
            )
            .then(|| detail.minutes.as_ref().map(|m| m.body_html.clone()))
            .flatten(),
        };
        let has_errors = page.answer_form.as_ref().is_some_and(Form::has_errors)
            || page
                .agenda
                .iter()
                .any(|i| i.comment_form.as_ref().is_some_and(Form::has_errors));
        Ok((page, has_errors))
    }
    .await;
    match made {
        Ok((view, has_errors)) => {
            let title = view.heading.clone();
            let status = if has_errors {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            show(
                state,
                req,
                context,
                ("workspace_meeting", &title),
                &view,
                status,
            )
        }
        Err(error) => failed(state, context, error),
    }
}

/// Members answer the convocation until the meeting starts.
fn summary_starts_later(detail: &MeetingDetail) -> bool {
    detail.summary.starts_at > chrono::Utc::now()
}

/// Every member in office and their answer, and the names of those who have not answered.
async fn answers(
    state: &WebState,
    lang: Lang,
    roster: &CouncilRoster,
    meeting: &meetings::entities::meeting::Model,
) -> Result<(Vec<Answer>, Vec<String>), ApiError> {
    let rows = attendance::answers(&state.meetings.db, meeting.id).await?;
    let day = council_shared::athens::local(meeting.starts_at).date_naive();
    let mut answered = Vec::new();
    for row in &rows {
        let view = views::answer_view(row, roster)?;
        answered.push(Answer {
            name: view.member_name,
            answer: label(state, lang, "attendance-answer", view.answer.as_str()),
            note: view.note,
        });
    }
    let missing = roster
        .in_office_on(day)
        .into_iter()
        .filter(|m| !rows.iter().any(|r| r.member_id == m.id))
        .map(|m| m.full_name.clone())
        .collect();
    Ok((answered, missing))
}

pub(crate) fn answer_form(state: &WebState, req: &Request, lang: Lang, action: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let choices = meetings::domain::AttendanceAnswer::ALL
        .iter()
        .map(|a| {
            (
                a.as_str().to_string(),
                t(&format!("attendance-answer-{}", a.as_str())),
            )
        })
        .collect();
    Form::new(
        req,
        action.to_string(),
        t("answer-submit"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("answer", "radios", t("answer-question"))
            .hint(t("answer-hint"))
            .choices(choices),
    )
    .field(
        Field::new("note", "textarea", t("answer-note"))
            .hint(t("answer-note-hint"))
            .rows(2),
    )
}

pub(crate) fn comment_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    action: &str,
    item_id: i64,
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut field = Field::new("body", "textarea", t("comment-label"))
        .hint(t("comment-hint"))
        .rows(3);
    // Each item has its own form on the page: ids must not repeat.
    field.id = format!("comment-{item_id}");
    Form::new(
        req,
        action.to_string(),
        t("comment-submit"),
        lang,
        &state.renderer,
    )
    .field(field)
}

#[handler]
pub async fn meeting_page(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    render(
        &state,
        req,
        &context,
        &principal,
        (&slug, id),
        Returned::default(),
    )
    .await
}
