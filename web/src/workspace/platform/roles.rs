//! Platform roles, for the platform's operators: who holds one since when, the invitations
//! waiting for a first sign-in (sent again with a new expiry, or revoked), and a new
//! invitation by address. The same `AccessApi` functions as the API's `/platform/roles`.

use std::sync::Arc;

use council_shared::{ApiError, auth::Role, http::client_ip};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use tenants::api::access_models::RoleGrantInput;

use super::{BASE, FormPage, form_page, operator, operator_form};
use crate::{
    PageContext, WebState,
    forms::{self, Form},
    i18n::Lang,
    workspace::{
        failed,
        people::{email_field, grant, people_view, show_grant_refusal},
        show,
    },
};

fn roles_href() -> String {
    format!("{BASE}/roles")
}

#[handler]
pub async fn roles_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, principal) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let list = match state.access.platform_roles(&principal).await {
        Ok(list) => list,
        Err(error) => return failed(&state, &context, error),
    };
    let heading = state.renderer.text(context.lang, "platform-roles");
    let view = people_view(&state, req, (&heading, &roles_href()), &list);
    show(
        &state,
        req,
        &context,
        ("workspace_people", &heading),
        &view,
        poem::http::StatusCode::OK,
    )
}

fn invite_form(state: &WebState, req: &Request, lang: Lang) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    Form::new(
        req,
        format!("{}/invite", roles_href()),
        t("people-invite-submit"),
        lang,
        &state.renderer,
    )
    .field(email_field(state, lang))
}

fn invite_page(state: &WebState, req: &Request, context: &PageContext, form: Form) -> Response {
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let view = FormPage {
        lang: lang.code(),
        heading: t("platform-roles-invite-heading"),
        back_href: roles_href(),
        back_label: t("platform-roles"),
        intro: vec![
            t("platform-roles-invite-explain"),
            t("people-invite-explain"),
        ],
        warning: false,
        done: None,
        blocked: None,
        form,
    };
    form_page(state, req, context, view)
}

#[handler]
pub async fn new_invitation(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, _) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let form = invite_form(&state, req, context.lang);
    invite_page(&state, req, &context, form)
}

#[handler]
pub async fn invite(
    req: &Request,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let input = RoleGrantInput {
        email: submitted.value("email").into(),
        role: Role::PlatformAdmin,
        member_id: None,
    };
    let granted = grant(&state, req, &principal, None, input).await;
    let error = match granted {
        Ok(_) => return forms::redirect(&format!("{}?done=invited", roles_href())),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = invite_form(&state, req, lang).keep(&submitted);
    if let Err(other) = show_grant_refusal(&state, lang, &mut form, error) {
        return failed(&state, &context, other);
    }
    invite_page(&state, req, &context, form)
}

#[handler]
pub async fn resend(
    req: &Request,
    Path(id): Path<i64>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let from = (crate::sign_in::public_url(req), client_ip(req));
    match state
        .access
        .resend_invitation((&from.0, &from.1), &principal, None, id)
        .await
    {
        Ok(_) => forms::redirect(&format!("{}?done=resent", roles_href())),
        Err(error) => failed(&state, &context, error),
    }
}

#[handler]
pub async fn confirm_revoke(
    req: &Request,
    Path(id): Path<i64>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let record = match state.access.platform_roles(&principal).await {
        Ok(list) => list.into_iter().find(|r| r.grant.id == id),
        Err(error) => return failed(&state, &context, error),
    };
    let Some(record) = record else {
        return failed(
            &state,
            &context,
            ApiError::NotFound(format!("no role {id}")),
        );
    };
    let t = |key: &str| state.renderer.text(lang, key);
    let heading = state.renderer.text_with(
        lang,
        "people-revoke-heading",
        &[
            ("email", &record.email),
            ("role", &t("access-role-platform-admin")),
        ],
    );
    let mut intro = vec![t("people-revoke-explain")];
    if record.grant.user_id == Some(principal.user_id) {
        intro.push(t("platform-revoke-yourself"));
    }
    let form = Form::new(
        req,
        format!("{}/{id}/revoke", roles_href()),
        t("people-revoke-submit"),
        lang,
        &state.renderer,
    );
    let view = FormPage {
        lang: lang.code(),
        heading,
        back_href: roles_href(),
        back_label: t("platform-roles"),
        intro,
        warning: true,
        done: None,
        blocked: None,
        form,
    };
    form_page(&state, req, &context, view)
}

#[handler]
pub async fn revoke(
    req: &Request,
    Path(id): Path<i64>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state
        .access
        .revoke_role(&client_ip(req), &principal, None, id)
        .await
    {
        Ok(_) => forms::redirect(&format!("{}?done=revoked", roles_href())),
        Err(error) => failed(&state, &context, error),
    }
}
