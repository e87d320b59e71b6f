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

pub(super) fn role_name(state: &WebState, lang: Lang, role: Role) -> String {
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
pub(crate) struct PeoplePage {
    lang: &'static str,
    heading: String,
    invite_href: String,
    done: Option<String>,
    csrf: String,
    active: Vec<Person>,
    invited: Vec<Person>,
    expired: Vec<Person>,
}

/// `record` as listed on the page at `base` (its actions are under it).
fn person(state: &WebState, lang: Lang, base: &str, record: &GrantRecord) -> Person {
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
            .then(|| format!("{base}/{id}/revoke")),
        resend_action: matches!(status, GrantStatus::Invited | GrantStatus::Expired)
            .then(|| format!("{base}/{id}/resend")),
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
    let heading = state.renderer.text(lang, "people-title");
    let view = people_view(&state, req, (&heading, &people_href(&slug)), &list);
    show(
        &state,
        req,
        &context,
        ("workspace_people", &heading),
        &view,
        poem::http::StatusCode::OK,
    )
}

/// The roles and invitations of `list` as the page at `base` shows them, under `heading`.
pub(crate) fn people_view(
    state: &WebState,
    req: &Request,
    (heading, base): (&str, &str),
    list: &[GrantRecord],
) -> PeoplePage {
    let lang = crate::i18n::language_of(req);
    let of = |wanted: &[GrantStatus]| -> Vec<Person> {
        list.iter()
            .filter(|r| wanted.contains(&r.status()))
            .map(|r| person(state, lang, base, r))
            .collect()
    };
    PeoplePage {
        lang: lang.code(),
        heading: heading.to_string(),
        invite_href: format!("{base}/invite"),
        done: super::done_banner(state, req, lang),
        csrf: crate::sign_in::csrf_token(req).0,
        active: of(&[GrantStatus::Active]),
        invited: of(&[GrantStatus::Invited]),
        expired: of(&[GrantStatus::Expired]),
    }
}

/// The address an invitation goes to.
pub(crate) fn email_field(state: &WebState, lang: Lang) -> Field {
    let t = |key: &str| state.renderer.text(lang, key);
    Field::new("email", "email", t("people-email"))
        .hint(t("people-email-hint"))
        .autocomplete("off")
        .required()
}

/// Grants the role, or invites the address, as the API does: `AccessApi::grant_role`,
/// with this site's address for the e-mail's link and the reader's for the audit log.
pub(crate) async fn grant(
    state: &WebState,
    req: &Request,
    principal: &council_shared::auth::Principal,
    tenant: Option<&tenants::entities::tenant::Model>,
    input: RoleGrantInput,
) -> Result<GrantRecord, ApiError> {
    let from = (crate::sign_in::public_url(req), client_ip(req));
    state
        .access
        .grant_role((&from.0, &from.1), principal, tenant, input)
        .await
}

/// Shows what `grant` refused on its form: an address that already holds the role beside
/// the address, the rest beside their fields. Anything else is returned for the error page.
pub(crate) fn show_grant_refusal(
    state: &WebState,
    lang: Lang,
    form: &mut Form,
    error: ApiError,
) -> Result<(), ApiError> {
    match error {
        // The only conflict here: the address already holds this role.
        ApiError::Conflict(_) => {
            form.field_error("email", state.renderer.text(lang, "people-already"));
            Ok(())
        }
        other => {
            let names = [("member_id", "member_id")];
            form.show_refusal(&state.renderer, lang, other, &names)
        }
    }
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
    let members = member_choices(state, lang, tenant.id).await?;
    Ok(Form::new(
        req,
        format!("{}/invite", people_href(slug)),
        t("people-invite-submit"),
        lang,
        &state.renderer,
    )
    .field(email_field(state, lang))
    .field(Field::new("role", "radios", t("people-role")).choices(roles))
    .field(
        Field::new("member_id", "select", t("people-member"))
            .hint(t("people-member-hint"))
            .choices(members),
    ))
}

/// The council's members in office, to link a council member's role to their record; the
/// first choice is none.
pub(super) async fn member_choices(
    state: &WebState,
    lang: Lang,
    tenant_id: i64,
) -> Result<Vec<(String, String)>, ApiError> {
    let today = chrono::Utc::now().date_naive();
    let mut members = vec![(
        String::new(),
        state.renderer.text(lang, "people-member-none"),
    )];
    members.extend(
        council::load(state.accounts.db(), tenant_id)
            .await?
            .members
            .iter()
            .filter(|m| m.term_end.is_none_or(|end| end >= today))
            .map(|m| (m.id.to_string(), m.full_name.clone())),
    );
    Ok(members)
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
            grant(&state, req, &principal, Some(&tenant), input)
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
    if let Err(other) = show_grant_refusal(&state, lang, &mut form, error) {
        return failed(&state, &context, other);
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
            .resend_invitation((&from.0, &from.1), &principal, Some(&tenant), id)
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
