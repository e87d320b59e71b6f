//! The council's meetings in the workspace: every meeting by state (drafts, coming, held
//! without minutes, minutes in progress, published, cancelled) with "New meeting", and the
//! meeting's form (title, kind, mode, day and times in Athens time, venue and online link)
//! to draft one or change it. Saving a change made on an older copy of the meeting is
//! refused with what to do, so two secretaries never overwrite each other.

use std::sync::Arc;

use chrono::{DateTime, NaiveTime, Utc};
use council_shared::{ApiError, FieldError, athens, auth::Principal, pagination::PageRequest};
use meetings::{
    access::Viewer,
    api::{
        commands,
        models::{LocationBody, MeetingInput},
        reads::{self, ListRequest},
    },
    domain::{MeetingKind, MeetingMode, MeetingState},
};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{done_banner, failed, meeting_href, received, show, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    meeting_views::{When, when},
    views::localize,
};

/// The council's name and the caller's standing in it; 403 for people with no role there.
pub(crate) async fn council_viewer(
    state: &WebState,
    (slug, lang): (&str, Lang),
    principal: &Principal,
) -> Result<(String, Viewer), ApiError> {
    let roster = state.meetings.roster(slug).await?;
    let viewer = Viewer::of(Some(principal), roster.tenant.id);
    council_shared::auth::require(
        viewer.is_insider(),
        "the workspace of a council is for its secretary, administrators and members",
    )?;
    let name = match state.reads.tenant(slug).await {
        Ok(Some(tenant)) => tenant.detail.name.clone(),
        _ => return Err(ApiError::NotFound(format!("no municipality `{slug}`"))),
    };
    Ok((localize(&name, lang).text, viewer))
}

#[derive(Serialize)]
struct Listed {
    href: String,
    number: Option<String>,
    title: String,
    starts: When,
}

#[derive(Serialize)]
struct StateGroup {
    id: String,
    heading: String,
    meetings: Vec<Listed>,
}

#[derive(Serialize)]
struct MeetingsPage {
    lang: &'static str,
    council: String,
    slug: String,
    staff: bool,
    done: Option<String>,
    groups: Vec<StateGroup>,
    public_href: String,
}

/// The groups of the list, in the order of a meeting's life.
const GROUPS: [(&str, &[MeetingState]); 6] = [
    ("drafts", &[MeetingState::Draft]),
    ("upcoming", &[MeetingState::Convened]),
    ("held", &[MeetingState::Held]),
    (
        "minutes",
        &[MeetingState::MinutesDrafted, MeetingState::MinutesApproved],
    ),
    ("published", &[MeetingState::Published]),
    ("cancelled", &[MeetingState::Cancelled]),
];

/// At most this many in each group; the public list pages through the rest.
const PER_GROUP: u64 = 50;

#[handler]
pub async fn council_meetings(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let made: Result<MeetingsPage, ApiError> = async {
        let (council, viewer) = council_viewer(&state, (&slug, lang), &principal).await?;
        let mut groups = Vec::new();
        for (id, states) in GROUPS {
            let mut meetings = Vec::new();
            for meeting_state in states {
                let request = ListRequest {
                    year: None,
                    state: Some(*meeting_state),
                    upcoming: None,
                    q: None,
                    page: PageRequest::parse(Some(1), Some(PER_GROUP))?,
                };
                let (_, _, page) =
                    reads::list(&state.meetings, &slug, Some(&principal), &request).await?;
                meetings.extend(page.items.iter().map(|m| Listed {
                    href: meeting_href(&slug, m.id),
                    number: m.number.clone(),
                    title: m.title.clone(),
                    starts: when(m.starts_at),
                }));
            }
            groups.push(StateGroup {
                id: id.to_string(),
                heading: state
                    .renderer
                    .text(lang, &format!("workspace-meetings-{id}")),
                meetings,
            });
        }
        Ok(MeetingsPage {
            lang: lang.code(),
            council,
            slug: slug.to_string(),
            staff: viewer.is_staff(),
            done: done_banner(&state, req, lang),
            groups,
            public_href: format!("/municipalities/{}/meetings", slug.0),
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = state.renderer.text(lang, "workspace-meetings-title");
            show(
                &state,
                req,
                &context,
                ("workspace_meetings", &title),
                &view,
                poem::http::StatusCode::OK,
            )
        }
        Err(error) => failed(&state, &context, error),
    }
}

#[derive(Serialize)]
struct MeetingFormPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    back_text: String,
    form: Form,
}

/// The meeting's form with its fields, empty or filled from `values`.
fn meeting_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    action: String,
    submit_key: &str,
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let kinds = MeetingKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                t(&format!("meeting-kind-{}", k.as_str())),
            )
        })
        .collect();
    let modes = MeetingMode::ALL
        .iter()
        .map(|m| {
            (
                m.as_str().to_string(),
                t(&format!("meeting-mode-{}", m.as_str())),
            )
        })
        .collect();
    let form = Form::new(req, action, t(submit_key), lang, &state.renderer)
        .field(
            Field::new("title", "text", t("meeting-form-title"))
                .hint(t("meeting-form-title-hint"))
                .required(),
        )
        .field(
            Field::new("kind", "radios", t("meeting-form-kind"))
                .choices(kinds)
                .value("regular"),
        )
        .field(
            Field::new("mode", "radios", t("meeting-form-mode"))
                .choices(modes)
                .value("in_person"),
        );
    when_fields(form, &t, "meeting-form-date")
        .field(
            Field::new("location_name", "text", t("meeting-form-venue"))
                .hint(t("meeting-form-venue-hint")),
        )
        .field(Field::new(
            "location_address",
            "text",
            t("meeting-form-address"),
        ))
        .field(
            Field::new("online_url", "url", t("meeting-form-online"))
                .hint(t("meeting-form-online-hint")),
        )
}

/// The day, start and end of a meeting (or of its new time), typed as people write them.
pub(crate) fn when_fields(form: Form, t: &dyn Fn(&str) -> String, day_key: &str) -> Form {
    form.field(
        Field::new("date", "text", t(day_key))
            .hint(t("meeting-form-date-hint"))
            .width("medium")
            .required(),
    )
    .field(
        Field::new("starts", "text", t("meeting-form-starts"))
            .hint(t("meeting-form-time-hint"))
            .width("short")
            .required(),
    )
    .field(
        Field::new("ends", "text", t("meeting-form-ends"))
            .width("short")
            .required(),
    )
}

/// The API's field names where the form's differ.
const NAMES: [(&str, &str); 4] = [
    ("location.name", "location_name"),
    ("location", "location_name"),
    ("location.address", "location_address"),
    ("online_url", "online_url"),
];

/// The time fields' errors go on the field that was typed: the API speaks of `starts_at`
/// and `ends_at`, the form of a day and two times.
const TIME_NAMES: [(&str, &str); 2] = [("starts_at", "date"), ("ends_at", "ends")];

/// The form's values as the API's input, or the fields' errors. Day and times that cannot
/// be read are reported together with every other field's errors, so the secretary fixes
/// the form in one go.
/// The day and the two times of a form as instants, or their errors added to `errors`.
pub(crate) fn read_times(
    submitted: &Submitted,
    errors: &mut Vec<FieldError>,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let date = forms::parse_date(submitted.value("date"))
        .map_err(|e| errors.push(FieldError::new("date", e)))
        .ok();
    let starts = forms::parse_time(submitted.value("starts"))
        .map_err(|e| errors.push(FieldError::new("starts", e)))
        .ok();
    let ends = forms::parse_time(submitted.value("ends"))
        .map_err(|e| errors.push(FieldError::new("ends", e)))
        .ok();
    let mut instant = |time: Option<NaiveTime>, field: &str| {
        let at = athens::from_local(date?.and_time(time?));
        if at.is_none() {
            errors.push(FieldError::new(
                field,
                council_shared::validation::Invalid::new(
                    "skipped_hour",
                    "this time does not exist in Athens: the clocks go forward then",
                ),
            ));
        }
        at
    };
    let starts_at = instant(starts, "starts");
    let ends_at = instant(ends, "ends");
    Some((starts_at?, ends_at?))
}

/// The form's values as the API's input, or the fields' errors. Day and times that cannot
/// be read are reported together with every other field's errors, so the secretary fixes
/// the form in one go.
pub(crate) fn meeting_input(submitted: &Submitted) -> Result<MeetingInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let times = read_times(submitted, &mut errors);
    let (starts_at, ends_at) = (times.map(|t| t.0), times.map(|t| t.1));
    let kind = MeetingKind::from_db(submitted.value("kind")).unwrap_or(MeetingKind::Regular);
    let mode = MeetingMode::from_db(submitted.value("mode")).unwrap_or(MeetingMode::InPerson);
    let placeholder = chrono::Utc::now();
    let input = MeetingInput {
        title: submitted.value("title").to_string(),
        kind,
        mode,
        starts_at: athens::local(starts_at.unwrap_or(placeholder)),
        ends_at: athens::local(ends_at.unwrap_or(placeholder + chrono::Duration::hours(1))),
        location: submitted
            .optional("location_name")
            .map(|name| LocationBody {
                name,
                address: submitted.optional("location_address"),
            })
            .or_else(|| {
                // An address without a venue: let the rule that asks for the venue speak.
                submitted
                    .optional("location_address")
                    .map(|address| LocationBody {
                        name: String::new(),
                        address: Some(address),
                    })
            }),
        online_url: submitted.optional("online_url"),
    };
    if errors.is_empty() {
        return Ok(input);
    }
    // The other fields' errors too, without the times' (already reported as typed).
    if let Err(more) = commands::meeting_data(&input) {
        errors.extend(
            more.into_iter()
                .filter(|e| e.field != "starts_at" && e.field != "ends_at"),
        );
    }
    Err(errors)
}

fn all_names() -> Vec<(&'static str, &'static str)> {
    NAMES.iter().chain(TIME_NAMES.iter()).copied().collect()
}

fn form_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (heading, back_href, back_text): (String, String, String),
    form: Form,
) -> Response {
    let view = MeetingFormPage {
        lang: context.lang.code(),
        heading: heading.clone(),
        back_href,
        back_text,
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_meeting_form", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn new_meeting(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    match council_viewer(&state, (&slug, lang), &principal).await {
        Ok((_, viewer)) if viewer.is_staff() => {}
        Ok(_) => return failed(&state, &context, ApiError::Forbidden("staff only".into())),
        Err(error) => return failed(&state, &context, error),
    }
    let form = meeting_form(
        &state,
        req,
        lang,
        format!("/workspace/{}/meetings/new", slug.0),
        "meeting-form-create",
    );
    let t = |key: &str| state.renderer.text(lang, key);
    form_page(
        &state,
        req,
        &context,
        (
            t("meeting-form-new-heading"),
            format!("/workspace/{}/meetings", slug.0),
            t("workspace-meetings-title"),
        ),
        form,
    )
}

#[handler]
pub async fn create_meeting(
    req: &Request,
    slug: Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    // Who may first, as the command would: a stranger's form is not read at all.
    if let Err(error) = commands::check_staff(&state.meetings, &principal, &slug).await {
        return failed(&state, &context, error);
    }
    let lang = context.lang;
    let outcome = match meeting_input(&submitted) {
        Ok(input) => commands::create_meeting(&state.meetings, &principal, &slug, &input)
            .await
            .map(|created| created.id),
        Err(errors) => Err(ApiError::Validation(errors)),
    };
    let error = match outcome {
        Ok(id) => {
            return forms::redirect(&format!("{}?done=created", meeting_href(&slug, id)));
        }
        Err(error) => error,
    };
    let mut form = meeting_form(
        &state,
        req,
        lang,
        format!("/workspace/{}/meetings/new", slug.0),
        "meeting-form-create",
    )
    .keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &all_names()) {
        return failed(&state, &context, other);
    }
    let t = |key: &str| state.renderer.text(lang, key);
    form_page(
        &state,
        req,
        &context,
        (
            t("meeting-form-new-heading"),
            format!("/workspace/{}/meetings", slug.0),
            t("workspace-meetings-title"),
        ),
        form,
    )
}

#[handler]
pub async fn edit_meeting(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let meeting = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => meeting,
        Err(error) => return failed(&state, &context, error),
    };
    let starts = athens::local(meeting.starts_at);
    let ends = athens::local(meeting.ends_at);
    let form = meeting_form(
        &state,
        req,
        lang,
        format!("{}/edit", meeting_href(&slug, id)),
        "meeting-form-save",
    );
    let mut form = form.hidden("version", commands::version_of(&meeting));
    form = form.fill([
        ("title", meeting.title.clone()),
        ("kind", meeting.kind.clone()),
        ("mode", meeting.mode.clone()),
        ("date", starts.format("%d/%m/%Y").to_string()),
        ("starts", starts.format("%H:%M").to_string()),
        ("ends", ends.format("%H:%M").to_string()),
        (
            "location_name",
            meeting.location_name.clone().unwrap_or_default(),
        ),
        (
            "location_address",
            meeting.location_address.clone().unwrap_or_default(),
        ),
        ("online_url", meeting.online_url.clone().unwrap_or_default()),
    ]);
    let heading = state.renderer.text(lang, "meeting-form-edit-heading");
    form_page(
        &state,
        req,
        &context,
        (heading, meeting_href(&slug, id), meeting.title.clone()),
        form,
    )
}

#[handler]
pub async fn update_meeting(
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
    if let Err(error) = state.meetings.staff_meeting(&slug, id, &principal).await {
        return failed(&state, &context, error);
    }
    let lang = context.lang;
    let seen = submitted.value("version").to_string();
    let outcome = match meeting_input(&submitted) {
        Ok(input) => commands::update_meeting(
            &state.meetings,
            &principal,
            (&slug, id),
            &input,
            Some(seen.as_str()),
        )
        .await
        .map(|_| ()),
        Err(errors) => Err(ApiError::Validation(errors)),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=saved", meeting_href(&slug, id))),
        Err(error) => error,
    };
    let (title, version) = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok((_, _, meeting)) => (meeting.title.clone(), commands::version_of(&meeting)),
        Err(error) => return failed(&state, &context, error),
    };
    let changed_meanwhile = matches!(error, ApiError::Conflict(_)) && version != seen;
    let mut form = meeting_form(
        &state,
        req,
        lang,
        format!("{}/edit", meeting_href(&slug, id)),
        "meeting-form-save",
    )
    .keep(&submitted)
    // Kept as seen, so that saving again after reading the other change is a choice.
    .hidden("version", if changed_meanwhile { version } else { seen });
    if changed_meanwhile {
        form.problem(state.renderer.text(lang, "form-changed-meanwhile"));
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error, &all_names()) {
        return failed(&state, &context, other);
    }
    let heading = state.renderer.text(lang, "meeting-form-edit-heading");
    form_page(
        &state,
        req,
        &context,
        (heading, meeting_href(&slug, id), title),
        form,
    )
}
