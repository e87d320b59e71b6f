//! A meeting's agenda in the workspace: add an item (urgent once the meeting is convened),
//! edit it, move it up or down (a button each, no JavaScript needed), withdraw it after a
//! confirmation that asks the reason (a draft's item is simply removed), and its documents
//! (upload with the limit said first, who can see each, remove after a confirmation).

use std::sync::Arc;

use council_shared::{ApiError, council::CouncilRoster};
use meetings::{
    api::{
        commands,
        models::{ItemInput, ReasonInput, ReorderInput},
    },
    domain::{Action, MeetingState},
    entities::{agenda_item, meeting},
    service::{self, agenda},
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
struct ItemFormPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    meeting_title: String,
    form: Form,
}

/// The one "another person" choice of the rapporteur list.
const OTHER: &str = "other";

fn item_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (action, submit): (String, &str),
    roster: &CouncilRoster,
    urgent_allowed: bool,
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut members = vec![(String::new(), t("agenda-form-rapporteur-none"))];
    members.extend(
        roster
            .members
            .iter()
            .filter(|m| !m.substitute)
            .map(|m| (m.id.to_string(), m.full_name.clone())),
    );
    members.push((OTHER.to_string(), t("agenda-form-rapporteur-other")));
    let mut form = Form::new(req, action, t(submit), lang, &state.renderer)
        .field(
            Field::new("title", "text", t("agenda-form-title"))
                .hint(t("agenda-form-title-hint"))
                .required(),
        )
        .field(
            Field::new("description", "textarea", t("agenda-form-description"))
                .hint(t("agenda-form-description-hint"))
                .rows(8),
        )
        .field(
            Field::new("rapporteur_member", "select", t("agenda-form-rapporteur"))
                .hint(t("agenda-form-rapporteur-hint"))
                .choices(members),
        )
        .field(
            Field::new("rapporteur_name", "text", t("agenda-form-rapporteur-name"))
                .hint(t("agenda-form-rapporteur-name-hint")),
        )
        .field(
            Field::new("closed", "checkbox", t("agenda-form-closed"))
                .hint(t("agenda-form-closed-hint")),
        );
    if urgent_allowed {
        form = form.field(
            Field::new("urgent", "checkbox", t("agenda-form-urgent"))
                .hint(t("agenda-form-urgent-hint")),
        );
    }
    form
}

/// The form's values as the API's input: the rapporteur is the member chosen, or the
/// name typed (which wins, so "another person" needs no second step).
fn item_input(submitted: &Submitted, roster: &CouncilRoster) -> ItemInput {
    let chosen = submitted
        .value("rapporteur_member")
        .parse::<i64>()
        .ok()
        .and_then(|id| roster.member(id))
        .map(|m| m.full_name.clone());
    ItemInput {
        title: submitted.value("title").to_string(),
        description: submitted.optional("description"),
        rapporteur: submitted.optional("rapporteur_name").or(chosen),
        public: Some(!submitted.has("closed")),
        urgent: Some(submitted.has("urgent")),
    }
}

const NAMES: [(&str, &str); 1] = [("rapporteur", "rapporteur_name")];

fn form_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (heading, meeting): (String, &meeting::Model),
    slug: &str,
    form: Form,
) -> Response {
    let view = ItemFormPage {
        lang: context.lang.code(),
        heading: heading.clone(),
        back_href: meeting_href(slug, meeting.id),
        meeting_title: meeting.title.clone(),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_agenda_item", &heading),
        &view,
        &view.form,
    )
}

fn urgent_allowed(meeting: &meeting::Model) -> bool {
    service::state_of(meeting).is_ok_and(|s| s.allows(Action::AddUrgentItem))
}

#[handler]
pub async fn new_item(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (roster, _, meeting) = match state.meetings.staff_meeting(&slug, id, &principal).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let form = item_form(
        &state,
        req,
        lang,
        (
            format!("{}/agenda/new", meeting_href(&slug, id)),
            "agenda-form-add",
        ),
        &roster,
        urgent_allowed(&meeting),
    );
    let heading = state.renderer.text(lang, "agenda-form-new-heading");
    form_page(&state, req, &context, (heading, &meeting), &slug, form)
}

#[handler]
pub async fn add_item(
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
    let input = item_input(&submitted, &roster);
    let error = match commands::add_item(&state.meetings, &principal, (&slug, id), &input).await {
        Ok(()) => {
            return forms::redirect(&format!("{}?done=item-added", meeting_href(&slug, id)));
        }
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = item_form(
        &state,
        req,
        lang,
        (
            format!("{}/agenda/new", meeting_href(&slug, id)),
            "agenda-form-add",
        ),
        &roster,
        urgent_allowed(&meeting),
    )
    .keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &NAMES) {
        return failed(&state, &context, other);
    }
    let heading = state.renderer.text(lang, "agenda-form-new-heading");
    form_page(&state, req, &context, (heading, &meeting), &slug, form)
}

#[handler]
pub async fn edit_item(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (roster, meeting, item) = match staff_item(&state, &principal, (&slug, id, item_id)).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let mut form = item_form(
        &state,
        req,
        lang,
        (
            format!("{}/agenda/{item_id}/edit", meeting_href(&slug, id)),
            "agenda-form-save",
        ),
        &roster,
        false,
    );
    let mut form = form.hidden("version", commands::item_version(&item));
    let member = item.rapporteur.as_ref().and_then(|name| {
        roster
            .members
            .iter()
            .find(|m| !m.substitute && &m.full_name == name)
    });
    let values = [
        ("title", item.title.clone()),
        ("description", item.description.clone()),
        (
            "rapporteur_member",
            match (member, &item.rapporteur) {
                (Some(m), _) => m.id.to_string(),
                (None, Some(_)) => OTHER.to_string(),
                (None, None) => String::new(),
            },
        ),
        (
            "rapporteur_name",
            if member.is_some() {
                String::new()
            } else {
                item.rapporteur.clone().unwrap_or_default()
            },
        ),
        ("closed", if item.public { "" } else { "on" }.to_string()),
    ];
    form = form.fill(values);
    let heading =
        state
            .renderer
            .text_with(lang, "agenda-form-edit-heading", &[("title", &item.title)]);
    form_page(&state, req, &context, (heading, &meeting), &slug, form)
}

#[handler]
pub async fn update_item(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let (roster, meeting, item) = match staff_item(&state, &principal, (&slug, id, item_id)).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let mut input = item_input(&submitted, &roster);
    input.urgent = None;
    let seen = submitted.value("version").to_string();
    let error = match commands::update_item(
        &state.meetings,
        &principal,
        (&slug, id),
        (item_id, Some(seen.as_str())),
        &input,
    )
    .await
    {
        Ok(()) => {
            return forms::redirect(&format!(
                "{}?done=item-saved#item-{item_id}",
                meeting_href(&slug, id)
            ));
        }
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = item_form(
        &state,
        req,
        lang,
        (
            format!("{}/agenda/{item_id}/edit", meeting_href(&slug, id)),
            "agenda-form-save",
        ),
        &roster,
        false,
    )
    .keep(&submitted)
    .hidden("version", seen.clone());
    let current = commands::item_version(&item);
    if matches!(error, ApiError::Conflict(_)) && current != seen {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error, &NAMES) {
        return failed(&state, &context, other);
    }
    let heading =
        state
            .renderer
            .text_with(lang, "agenda-form-edit-heading", &[("title", &item.title)]);
    form_page(&state, req, &context, (heading, &meeting), &slug, form)
}

/// Moves an item one place up or down: the whole order goes to the same command as the
/// API's reorder.
#[handler]
pub async fn move_item(
    req: &Request,
    Path((slug, id, item_id)): Path<(String, i64, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let moved: Result<(), ApiError> = async {
        let (_, meeting, _) = staff_item(&state, &principal, (&slug, id, item_id)).await?;
        let mut order: Vec<i64> = agenda::items(&state.meetings.db, meeting.id)
            .await?
            .iter()
            .map(|i| i.id)
            .collect();
        let at = order.iter().position(|i| *i == item_id).unwrap_or(0);
        let to = match submitted.value("direction") {
            "up" if at > 0 => at - 1,
            "down" if at + 1 < order.len() => at + 1,
            _ => at,
        };
        order.swap(at, to);
        commands::reorder(
            &state.meetings,
            &principal,
            (&slug, id),
            &ReorderInput { item_ids: order },
        )
        .await
    }
    .await;
    match moved {
        Ok(()) => forms::redirect(&format!(
            "{}?done=item-moved#item-{item_id}",
            meeting_href(&slug, id)
        )),
        Err(error) => failed(&state, &context, error),
    }
}

#[derive(Serialize)]
struct WithdrawPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    item_title: String,
    draft: bool,
    form: Form,
}

fn withdraw_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (slug, id, item_id): (&str, i64, i64),
    draft: bool,
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let form = Form::new(
        req,
        format!("{}/agenda/{item_id}/withdraw", meeting_href(slug, id)),
        t(if draft {
            "agenda-remove-submit"
        } else {
            "agenda-withdraw-submit"
        }),
        lang,
        &state.renderer,
    );
    if draft {
        form
    } else {
        form.field(
            Field::new("reason", "textarea", t("agenda-withdraw-reason"))
                .hint(t("agenda-withdraw-reason-hint"))
                .rows(3)
                .required(),
        )
    }
}

fn withdraw_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, id): (&str, i64),
    item: &agenda_item::Model,
    form: Form,
    draft: bool,
) -> Response {
    let lang = context.lang;
    let heading = state.renderer.text_with(
        lang,
        if draft {
            "agenda-remove-heading"
        } else {
            "agenda-withdraw-heading"
        },
        &[("title", &item.title)],
    );
    let view = WithdrawPage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: meeting_href(slug, id),
        item_title: item.title.clone(),
        draft,
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_agenda_withdraw", &heading),
        &view,
        &view.form,
    )
}

fn is_draft(meeting: &meeting::Model) -> bool {
    service::state_of(meeting).is_ok_and(|s| s == MeetingState::Draft)
}

#[handler]
pub async fn confirm_withdraw(
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
    let draft = is_draft(&meeting);
    let form = withdraw_form(&state, req, context.lang, (&slug, id, item_id), draft);
    withdraw_page(&state, req, &context, (&slug, id), &item, form, draft)
}

#[handler]
pub async fn withdraw(
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
    let draft = is_draft(&meeting);
    let lang = context.lang;
    let reason = if draft {
        // Nobody was told of a draft's items: the reason is for the record alone.
        state.renderer.text(Lang::El, "agenda-removed-from-draft")
    } else {
        submitted.value("reason").to_string()
    };
    let body = ReasonInput { reason };
    let error =
        match commands::withdraw_item(&state.meetings, &principal, (&slug, id), item_id, &body)
            .await
        {
            Ok(()) => {
                return forms::redirect(&format!(
                    "{}?done=item-withdrawn",
                    meeting_href(&slug, id)
                ));
            }
            Err(error) => error,
        };
    let mut form = withdraw_form(&state, req, lang, (&slug, id, item_id), draft).keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
        return failed(&state, &context, other);
    }
    withdraw_page(&state, req, &context, (&slug, id), &item, form, draft)
}
