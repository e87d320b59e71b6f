//! People and roles, for a municipality's administrators: who has which role since when,
//! the invitations waiting for a first sign-in (sent again or revoked), and a new
//! invitation by address with a role (a council member linked to their record). The same
//! functions as the API's `/tenants/{slug}/roles` do the work.

use std::sync::Arc;

use council_shared::{ApiError, FieldError, auth::Role, http::client_ip, validation::Invalid};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;
use tenants::{
    api::access_models::RoleGrantInput,
    identity::grants::{GrantRecord, GrantStatus},
    service::council,
};

use super::{failed, received, show, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form},
    i18n::Lang,
    meeting_views::{When, when},
};

fn people_href(slug: &str) -> String {
    format!("/workspace/{slug}/people")
}

/// The roles an administrator gives here; a municipality's administrators are named by the
/// platform's operators, who see that choice too.
fn roles_offered(operator: bool) -> Vec<Role> {
    let mut roles = vec![Role::Secretary, Role::CouncilMember, Role::PracticeAuthor];
    if operator {
        roles.push(Role::TenantAdmin);
    }
    roles
}

fn role_name(state: &WebState, lang: Lang, role: Role) -> String {
    state.renderer.text(
        lang,
        &format!("access-role-{}", role.as_str().replace('_', "-")),
    )
}

#[derive(Serialize)]
struct Person {
    email: String,
    role: String,
    since: When,
    expires: Option<When>,
    revoke_href: Option<String>,
    resend_action: Option<String>,
}

#[derive(Serialize)]
struct PeoplePage {
    lang: &'static str,
    slug: String,
    done: Option<String>,
    csrf: String,
    active: Vec<Person>,
    invited: Vec<Person>,
    expired: Vec<Person>,
}

fn person(state: &WebState, lang: Lang, slug: &str, record: &GrantRecord) -> Person {
    let id = record.grant.id;
    let status = record.status();
    Person {
        email: record.email.clone(),
        role: role_name(state, lang, record.role()),
        since: when(record.grant.created_at),
        expires: record
            .grant
            .invitation_expires_at
            .filter(|_| record.grant.user_id.is_none())
            .map(when),
        revoke_href: matches!(status, GrantStatus::Active | GrantStatus::Invited)
            .then(|| format!("{}/{id}/revoke", people_href(slug))),
        resend_action: matches!(status, GrantStatus::Invited | GrantStatus::Expired)
            .then(|| format!("{}/{id}/resend", people_href(slug))),
    }
}

#[handler]
pub async fn people_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let (_, list) = match state.access.tenant_roles(&principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let of = |wanted: &[GrantStatus]| -> Vec<Person> {
        list.iter()
            .filter(|r| wanted.contains(&r.status()))
            .map(|r| person(&state, lang, &slug, r))
            .collect()
    };
    let view = PeoplePage {
        lang: lang.code(),
        slug: slug.clone(),
        done: super::done_banner(&state, req, lang),
        csrf: crate::sign_in::csrf_token(req).0,
        active: of(&[GrantStatus::Active]),
        invited: of(&[GrantStatus::Invited]),
        expired: of(&[GrantStatus::Expired]),
    };
    let title = state.renderer.text(lang, "people-title");
    show(
        &state,
        req,
        &context,
        ("workspace_people", &title),
        &view,
        poem::http::StatusCode::OK,
    )
}

async fn invite_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (slug, operator): (&str, bool),
) -> Result<Form, ApiError> {
    let t = |key: &str| state.renderer.text(lang, key);
    let roles = roles_offered(operator)
        .into_iter()
        .map(|r| (r.as_str().to_string(), role_name(state, lang, r)))
        .collect();
    let db = state.accounts.db();
    let tenant = tenants::service::tenants::find(db, slug).await?;
    let today = chrono::Utc::now().date_naive();
    let mut members = vec![(String::new(), t("people-member-none"))];
    members.extend(
        council::load(db, tenant.id)
            .await?
            .members
            .iter()
            .filter(|m| m.term_end.is_none_or(|end| end >= today))
            .map(|m| (m.id.to_string(), m.full_name.clone())),
    );
    Ok(Form::new(
        req,
        format!("{}/invite", people_href(slug)),
        t("people-invite-submit"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("email", "email", t("people-email"))
            .hint(t("people-email-hint"))
            .autocomplete("off")
            .required(),
    )
    .field(Field::new("role", "radios", t("people-role")).choices(roles))
    .field(
        Field::new("member_id", "select", t("people-member"))
            .hint(t("people-member-hint"))
            .choices(members),
    ))
}

#[derive(Serialize)]
struct InvitePage {
    lang: &'static str,
    heading: String,
    back_href: String,
    form: Form,
}

fn invite_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    slug: &str,
    form: Form,
) -> Response {
    let heading = state.renderer.text(context.lang, "people-invite-heading");
    let view = InvitePage {
        lang: context.lang.code(),
        heading: heading.clone(),
        back_href: people_href(slug),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_invite", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn new_invitation(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    if let Err(error) = state.access.tenant_roles(&principal, &slug).await {
        return failed(&state, &context, error);
    }
    match invite_form(
        &state,
        req,
        context.lang,
        (&slug, principal.is_platform_admin()),
    )
    .await
    {
        Ok(form) => invite_page(&state, req, &context, &slug, form),
        Err(error) => failed(&state, &context, error),
    }
}

#[handler]
pub async fn invite(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    // Who may first, as the API would: a stranger's form is not read at all.
    let tenant = match state.access.tenant_roles(&principal, &slug).await {
        Ok((tenant, _)) => tenant,
        Err(error) => return failed(&state, &context, error),
    };
    let lang = context.lang;
    let role = roles_offered(principal.is_platform_admin())
        .into_iter()
        .find(|r| r.as_str() == submitted.value("role"));
    let member_id = submitted
        .value("member_id")
        .parse::<i64>()
        .ok()
        .filter(|_| role == Some(Role::CouncilMember));
    let outcome = match role {
        Some(role) => {
            let input = RoleGrantInput {
                email: submitted.value("email").into(),
                role,
                member_id,
            };
            let from = (crate::sign_in::public_url(req), client_ip(req));
            state
                .access
                .grant_role((&from.0, &from.1), &principal, Some(&tenant), input)
                .await
                .map(|_| ())
        }
        None => Err(ApiError::Validation(vec![FieldError::new(
            "role",
            Invalid::new("choose_one", "choose a role"),
        )])),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=invited", people_href(&slug))),
        Err(error) => error,
    };
    let mut form =
        match invite_form(&state, req, lang, (&slug, principal.is_platform_admin())).await {
            Ok(form) => form.keep(&submitted),
            Err(other) => return failed(&state, &context, other),
        };
    match error {
        // The only conflict here: the address already holds this role.
        ApiError::Conflict(_) => {
            form.field_error("email", state.renderer.text(lang, "people-already"));
        }
        other => {
            let names = [("member_id", "member_id")];
            if let Err(other) = form.show_refusal(&state.renderer, lang, other, &names) {
                return failed(&state, &context, other);
            }
        }
    }
    invite_page(&state, req, &context, &slug, form)
}

#[handler]
pub async fn resend(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let sent: Result<(), ApiError> = async {
        let (tenant, _) = state.access.tenant_roles(&principal, &slug).await?;
        let from = (crate::sign_in::public_url(req), client_ip(req));
        state
            .access
            .resend_invitation((&from.0, &from.1), &principal, &tenant, id)
            .await?;
        Ok(())
    }
    .await;
    match sent {
        Ok(()) => forms::redirect(&format!("{}?done=resent", people_href(&slug))),
        Err(error) => failed(&state, &context, error),
    }
}

#[derive(Serialize)]
struct RevokePage {
    lang: &'static str,
    heading: String,
    back_href: String,
    form: Form,
}

#[handler]
pub async fn confirm_revoke(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let record = match state.access.tenant_roles(&principal, &slug).await {
        Ok((_, list)) => list.into_iter().find(|r| r.grant.id == id),
        Err(error) => return failed(&state, &context, error),
    };
    let Some(record) = record else {
        return failed(
            &state,
            &context,
            ApiError::NotFound(format!("no role {id}")),
        );
    };
    let heading = state.renderer.text_with(
        lang,
        "people-revoke-heading",
        &[
            ("email", &record.email),
            ("role", &role_name(&state, lang, record.role())),
        ],
    );
    let form = Form::new(
        req,
        format!("{}/{id}/revoke", people_href(&slug)),
        state.renderer.text(lang, "people-revoke-submit"),
        lang,
        &state.renderer,
    );
    let view = RevokePage {
        lang: lang.code(),
        heading: heading.clone(),
        back_href: people_href(&slug),
        form,
    };
    show_form(
        &state,
        req,
        &context,
        ("workspace_revoke", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn revoke(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let revoked: Result<(), ApiError> = async {
        let (tenant, _) = state.access.tenant_roles(&principal, &slug).await?;
        state
            .access
            .revoke_role(&client_ip(req), &principal, Some(tenant.id), id)
            .await?;
        Ok(())
    }
    .await;
    match revoked {
        Ok(()) => forms::redirect(&format!("{}?done=revoked", people_href(&slug))),
        Err(error) => failed(&state, &context, error),
    }
}
