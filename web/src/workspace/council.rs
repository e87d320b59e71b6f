//! The council, for a municipality's administrators: its members in office and former
//! members, the law's rules where they apply (one president who is a municipal councillor
//! is a refusal; fewer than 5 or more than 11 regular members a warning on the page), and
//! a member added, changed or ended (never silently deleted: an ended member keeps their
//! record, with the day their term ended).

use std::sync::Arc;

use chrono::NaiveDate;
use council_shared::{ApiError, FieldError, input_fields::Required};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{
    api::{
        commands,
        models::{MemberCategory, MemberInput, MemberRole, Membership, Warning},
    },
    entities::council_member,
    error::TenantsError,
    service::council,
};

use super::{failed, received, show, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    views::localize,
};

const CATEGORIES: [(&str, MemberCategory); 4] = [
    ("municipal_councillor", MemberCategory::MunicipalCouncillor),
    ("civil_society", MemberCategory::CivilSociety),
    ("migrant_community", MemberCategory::MigrantCommunity),
    ("other", MemberCategory::Other),
];
const ROLES: [(&str, MemberRole); 4] = [
    ("president", MemberRole::President),
    ("vice_president", MemberRole::VicePresident),
    ("member", MemberRole::Member),
    ("secretary", MemberRole::Secretary),
];
const MEMBERSHIPS: [(&str, Membership); 2] = [
    ("regular", Membership::Regular),
    ("substitute", Membership::Substitute),
];

pub(super) fn council_href(slug: &str) -> String {
    format!("/workspace/{slug}/council")
}

/// A tenants error as the pages answer it: the API's status, or the form's errors.
fn api_error(error: TenantsError) -> ApiError {
    error.into()
}

#[derive(Serialize)]
struct Row {
    name: String,
    category: String,
    role: String,
    membership: String,
    term: String,
    email: Option<String>,
    edit_href: String,
    end_href: Option<String>,
}

#[derive(Serialize)]
struct CouncilPage {
    lang: &'static str,
    municipality: String,
    /// The council's name, founding decision and term, as label and value.
    details: Vec<(String, String)>,
    slug: String,
    done: Option<String>,
    warnings: Vec<String>,
    in_office: Vec<Row>,
    former: Vec<Row>,
    regular: usize,
    substitutes: usize,
}

fn label(state: &WebState, lang: Lang, prefix: &str, value: &str) -> String {
    state.renderer.text(lang, &format!("{prefix}-{value}"))
}

pub(super) fn day(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// The law's warnings in the reader's words, from their codes.
pub(crate) fn warning_texts(
    state: &WebState,
    lang: Lang,
    warnings: &[Warning],
    regular: usize,
) -> Vec<String> {
    warnings
        .iter()
        .map(|w| {
            state.renderer.text_with(
                lang,
                &format!("council-warning-{}", w.code.replace('_', "-")),
                &[("regular", &regular.to_string())],
            )
        })
        .collect()
}

/// What the council page says of the council itself.
fn details_shown(
    state: &WebState,
    lang: Lang,
    council: Option<&tenants::entities::council::Model>,
) -> Vec<(String, String)> {
    let t = |key: &str| state.renderer.text(lang, key);
    let Some(c) = council else {
        return Vec::new();
    };
    let decision = [
        c.decision_reference.clone(),
        c.decision_date.map(|d| day(Some(d))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    [
        (t("council-form-name-el"), c.name_el.clone()),
        (t("council-form-decision"), decision),
        (
            t("council-term"),
            match (c.term_start, c.term_end) {
                (None, None) => String::new(),
                (start, end) => format!("{} – {}", day(start), day(end)),
            },
        ),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect()
}

fn in_office(member: &council_member::Model, today: NaiveDate) -> bool {
    member.term_end.is_none_or(|end| end >= today)
}

#[handler]
pub async fn council_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let db = state.accounts.db();
    let made: Result<CouncilPage, ApiError> = async {
        let tenant = commands::check_administers(db, &principal, &slug)
            .await
            .map_err(api_error)?;
        let stored = council::load(db, tenant.id).await.map_err(api_error)?;
        let today = chrono::Utc::now().date_naive();
        let row = |m: &council_member::Model| Row {
            name: m.full_name.clone(),
            category: label(&state, lang, "category", &m.category),
            role: label(&state, lang, "role", &m.role),
            membership: label(&state, lang, "membership", &m.membership),
            term: match (m.term_start, m.term_end) {
                (None, None) => String::new(),
                (start, end) => format!("{} – {}", day(start), day(end)),
            },
            email: m.email.clone(),
            edit_href: format!("{}/members/{}/edit", council_href(&slug), m.id),
            end_href: in_office(m, today)
                .then(|| format!("{}/members/{}/end", council_href(&slug), m.id)),
        };
        let current: Vec<&council_member::Model> = stored
            .members
            .iter()
            .filter(|m| in_office(m, today))
            .collect();
        let regular = current.iter().filter(|m| m.membership == "regular").count();
        Ok(CouncilPage {
            lang: lang.code(),
            municipality: localize(
                &tenants::api::models::Text {
                    el: tenant.name_el.clone(),
                    en: Some(tenant.name_en.clone()),
                },
                lang,
            )
            .text,
            details: details_shown(&state, lang, stored.council.as_ref()),
            slug: slug.clone(),
            done: super::done_banner(&state, req, lang),
            warnings: warning_texts(&state, lang, &council::warnings(&stored.members), regular),
            regular,
            substitutes: current.len() - regular,
            in_office: current.iter().map(|m| row(m)).collect(),
            former: stored
                .members
                .iter()
                .filter(|m| !in_office(m, today))
                .map(row)
                .collect(),
        })
    }
    .await;
    match made {
        Ok(view) => {
            let title = state.renderer.text(lang, "council-title");
            show(
                &state,
                req,
                &context,
                ("workspace_council", &title),
                &view,
                poem::http::StatusCode::OK,
            )
        }
        Err(error) => failed(&state, &context, error),
    }
}

fn member_form(state: &WebState, req: &Request, lang: Lang, action: String, submit: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let choices = |prefix: &str, values: &[&str]| -> Vec<(String, String)> {
        values
            .iter()
            .map(|v| (v.to_string(), t(&format!("{prefix}-{v}"))))
            .collect()
    };
    Form::new(req, action, t(submit), lang, &state.renderer)
        .field(
            Field::new("full_name", "text", t("member-form-name"))
                .autocomplete("off")
                .required(),
        )
        .field(
            Field::new("category", "radios", t("member-form-category"))
                .choices(choices("category", &CATEGORIES.map(|c| c.0))),
        )
        .field(
            Field::new("organisation", "text", t("member-form-organisation"))
                .hint(t("member-form-organisation-hint")),
        )
        .field(
            Field::new("role", "radios", t("member-form-role"))
                .hint(t("member-form-role-hint"))
                .choices(choices("role", &ROLES.map(|r| r.0)))
                .value("member"),
        )
        .field(
            Field::new("membership", "radios", t("member-form-membership"))
                .choices(choices("membership", &MEMBERSHIPS.map(|m| m.0)))
                .value("regular"),
        )
        .field(
            Field::new("term_start", "text", t("member-form-term-start"))
                .hint(t("meeting-form-date-hint"))
                .width("medium"),
        )
        .field(
            Field::new("term_end", "text", t("member-form-term-end"))
                .hint(t("member-form-term-end-hint"))
                .width("medium"),
        )
        .field(
            Field::new("email", "email", t("member-form-email"))
                .hint(t("member-form-email-hint"))
                .autocomplete("off"),
        )
}

/// The value of a stored name (`"president"`) among the form's choices.
fn pick<T: Copy>(list: &[(&str, T)], value: &str) -> Option<T> {
    list.iter().find(|c| c.0 == value).map(|c| c.1)
}

pub(super) fn optional_date(
    submitted: &Submitted,
    name: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let typed = submitted.value(name).trim();
    if typed.is_empty() {
        return None;
    }
    forms::parse_date(typed)
        .map_err(|e| errors.push(FieldError::new(name, e)))
        .ok()
}

/// The form as the API's input; days that cannot be read are errors of their own.
fn member_input(submitted: &Submitted) -> Result<MemberInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let term_start = optional_date(submitted, "term_start", &mut errors);
    let term_end = optional_date(submitted, "term_end", &mut errors);
    let input = MemberInput {
        full_name: submitted.value("full_name").to_string(),
        category: Required(pick(&CATEGORIES, submitted.value("category"))),
        organisation: submitted.optional("organisation"),
        role: Required(pick(&ROLES, submitted.value("role"))),
        membership: Required(pick(&MEMBERSHIPS, submitted.value("membership"))),
        term_start,
        term_end,
        email: submitted.optional("email").map(Into::into),
    };
    if errors.is_empty() {
        Ok(input)
    } else {
        // The other fields' errors too, so the form is fixed in one go.
        if let Err(more) = tenants::domain::MemberData::parse(&input) {
            errors.extend(more);
        }
        Err(errors)
    }
}

/// Shows a refusal on the member form: fields beside themselves, a president already
/// there on the role, anything else as the API would answer.
fn show_member_refusal(
    state: &WebState,
    lang: Lang,
    form: &mut Form,
    error: TenantsError,
) -> Result<(), ApiError> {
    match error {
        TenantsError::PresidentTaken(name) => {
            let text = state
                .renderer
                .text_with(lang, "member-president-taken", &[("name", &name)]);
            form.field_error("role", text);
            Ok(())
        }
        other => form.show_refusal(&state.renderer, lang, other.into(), &[]),
    }
}

#[derive(Serialize)]
struct MemberFormPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    form: Form,
}

pub(super) fn member_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (heading, slug): (String, &str),
    form: Form,
) -> Response {
    let view = MemberFormPage {
        lang: context.lang.code(),
        heading: heading.clone(),
        back_href: council_href(slug),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_member_form", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn new_member(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    if let Err(error) = commands::check_administers(state.accounts.db(), &principal, &slug).await {
        return failed(&state, &context, error.into());
    }
    let lang = context.lang;
    let form = member_form(
        &state,
        req,
        lang,
        format!("{}/members/new", council_href(&slug)),
        "member-form-add",
    );
    let heading = state.renderer.text(lang, "member-form-new-heading");
    member_page(&state, req, &context, (heading, &slug), form)
}

#[handler]
pub async fn add_member(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let db = state.accounts.db();
    // Who may first, as the command would: a stranger's form is not read at all.
    if let Err(error) = commands::check_administers(db, &principal, &slug).await {
        return failed(&state, &context, error.into());
    }
    let outcome = match member_input(&submitted) {
        Ok(input) => commands::add_member((db, &state.reads), &principal, &slug, &input)
            .await
            .map(|_| ()),
        Err(errors) => Err(TenantsError::Invalid(errors)),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=member-added", council_href(&slug))),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = member_form(
        &state,
        req,
        lang,
        format!("{}/members/new", council_href(&slug)),
        "member-form-add",
    )
    .keep(&submitted);
    if let Err(other) = show_member_refusal(&state, lang, &mut form, error) {
        return failed(&state, &context, other);
    }
    let heading = state.renderer.text(lang, "member-form-new-heading");
    member_page(&state, req, &context, (heading, &slug), form)
}

async fn administered_member(
    state: &WebState,
    principal: &council_shared::auth::Principal,
    (slug, id): (&str, i64),
) -> Result<council_member::Model, ApiError> {
    let db = state.accounts.db();
    let tenant = commands::check_administers(db, principal, slug)
        .await
        .map_err(api_error)?;
    council::find_member(db, tenant.id, id)
        .await
        .map_err(api_error)
}

#[handler]
pub async fn edit_member(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let member = match administered_member(&state, &principal, (&slug, id)).await {
        Ok(member) => member,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let mut form = member_form(
        &state,
        req,
        lang,
        format!("{}/members/{id}/edit", council_href(&slug)),
        "member-form-save",
    )
    .hidden("version", commands::member_version(&member));
    form = form.fill([
        ("full_name", member.full_name.clone()),
        ("category", member.category.clone()),
        (
            "organisation",
            member.organisation.clone().unwrap_or_default(),
        ),
        ("role", member.role.clone()),
        ("membership", member.membership.clone()),
        ("term_start", day(member.term_start)),
        ("term_end", day(member.term_end)),
        ("email", member.email.clone().unwrap_or_default()),
    ]);
    let heading = state.renderer.text_with(
        lang,
        "member-form-edit-heading",
        &[("name", &member.full_name)],
    );
    member_page(&state, req, &context, (heading, &slug), form)
}

#[handler]
pub async fn update_member(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let member = match administered_member(&state, &principal, (&slug, id)).await {
        Ok(member) => member,
        Err(error) => return failed(&state, &context, error),
    };
    let seen = submitted.value("version").to_string();
    let db = state.accounts.db();
    let outcome = match member_input(&submitted) {
        Ok(input) => commands::update_member(
            (db, &state.reads),
            &principal,
            (&slug, id),
            &input,
            Some(&seen),
        )
        .await
        .map(|_| ()),
        Err(errors) => Err(TenantsError::Invalid(errors)),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=member-saved", council_href(&slug))),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = member_form(
        &state,
        req,
        lang,
        format!("{}/members/{id}/edit", council_href(&slug)),
        "member-form-save",
    )
    .keep(&submitted)
    .hidden("version", seen.clone());
    let current = commands::member_version(&member);
    if matches!(error, TenantsError::Conflict(_)) && current != seen {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = show_member_refusal(&state, lang, &mut form, error) {
        return failed(&state, &context, other);
    }
    let heading = state.renderer.text_with(
        lang,
        "member-form-edit-heading",
        &[("name", &member.full_name)],
    );
    member_page(&state, req, &context, (heading, &slug), form)
}

fn end_form(state: &WebState, req: &Request, lang: Lang, action: String) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(req, action, t("member-end-submit"), lang, &state.renderer).field(
        Field::new("term_end", "text", t("member-end-day"))
            .hint(t("meeting-form-date-hint"))
            .width("medium")
            .required()
            .value(
                chrono::Utc::now()
                    .date_naive()
                    .format("%d/%m/%Y")
                    .to_string(),
            ),
    )
}

#[derive(Serialize)]
struct EndPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    form: Form,
}

fn end_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    (slug, member): (&str, &council_member::Model),
    form: Form,
) -> Response {
    let heading = state.renderer.text_with(
        context.lang,
        "member-end-heading",
        &[("name", &member.full_name)],
    );
    let view = EndPage {
        lang: context.lang.code(),
        heading: heading.clone(),
        back_href: council_href(slug),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_member_end", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn confirm_end(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let member = match administered_member(&state, &principal, (&slug, id)).await {
        Ok(member) => member,
        Err(error) => return failed(&state, &context, error),
    };
    let action = format!("{}/members/{id}/end", council_href(&slug));
    let form = end_form(&state, req, context.lang, action)
        .hidden("version", commands::member_version(&member));
    end_page(&state, req, &context, (&slug, &member), form)
}

/// Ends a membership: the same change as the member's form, with the day the term ended.
#[handler]
pub async fn end_member(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let member = match administered_member(&state, &principal, (&slug, id)).await {
        Ok(member) => member,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let seen = submitted.value("version").to_string();
    let outcome = match forms::parse_date(submitted.value("term_end")) {
        Ok(end) => {
            let input = MemberInput {
                full_name: member.full_name.clone(),
                category: Required(pick(&CATEGORIES, &member.category)),
                organisation: member.organisation.clone(),
                role: Required(pick(&ROLES, &member.role)),
                membership: Required(pick(&MEMBERSHIPS, &member.membership)),
                term_start: member.term_start,
                term_end: Some(end),
                email: member.email.clone().map(Into::into),
            };
            commands::update_member(
                (state.accounts.db(), &state.reads),
                &principal,
                (&slug, id),
                &input,
                Some(&seen),
            )
            .await
            .map(|_| ())
        }
        Err(invalid) => Err(TenantsError::Invalid(vec![FieldError::new(
            "term_end", invalid,
        )])),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=member-ended", council_href(&slug))),
        Err(error) => error,
    };
    let action = format!("{}/members/{id}/end", council_href(&slug));
    let mut form = end_form(&state, req, lang, action)
        .keep(&submitted)
        .hidden("version", seen.clone());
    let current = commands::member_version(&member);
    if matches!(error, TenantsError::Conflict(_)) && current != seen {
        form.changed_meanwhile(&state.renderer, lang, current);
    } else if let Err(other) = form.show_refusal(&state.renderer, lang, error.into(), &[]) {
        return failed(&state, &context, other);
    }
    end_page(&state, req, &context, (&slug, &member), form)
}
