//! Accounts, for the platform's operators: looking one up by part of its address or name,
//! and erasing it (a person's right to erasure) after a confirmation page that says what
//! goes and what stays. The same `AccountApi` functions as the API's `/platform/accounts`.

use std::sync::Arc;

use council_shared::http::client_ip;
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{BASE, FormPage, form_page, operator, operator_form};
use crate::{
    WebState,
    forms::{self, Field, Form},
    workspace::{done_banner, failed, show_form},
};

fn accounts_href() -> String {
    format!("{BASE}/accounts")
}

#[derive(Serialize)]
struct AccountLine {
    email: String,
    name: Option<String>,
    erase_href: String,
}

#[derive(Serialize)]
struct AccountsPage {
    lang: &'static str,
    done: Option<String>,
    form: Form,
    /// A search was made (and had no errors): its results, perhaps none.
    searched: bool,
    accounts: Vec<AccountLine>,
}

#[handler]
pub async fn accounts_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, principal) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let t = |key: &str| state.renderer.text(lang, key);
    let query: Option<String> = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(name, _)| name == "q")
            .map(|(_, value)| value.to_string())
    });
    let mut form = Form::new(
        req,
        accounts_href(),
        t("platform-accounts-search"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("q", "text", t("platform-accounts-query"))
            .hint(t("platform-accounts-query-hint"))
            .value(query.clone().unwrap_or_default())
            .autocomplete("off"),
    );
    let mut accounts = Vec::new();
    let mut searched = false;
    if let Some(query) = &query {
        match state.account.find_accounts(&principal, query).await {
            Ok(found) => {
                searched = true;
                accounts = found
                    .into_iter()
                    .map(|a| AccountLine {
                        erase_href: format!("{}/{}/erase", accounts_href(), a.id),
                        email: a.email,
                        name: a.display_name,
                    })
                    .collect();
            }
            Err(error) => {
                if let Err(other) = form.show_refusal(&state.renderer, lang, error, &[]) {
                    return failed(&state, &context, other);
                }
            }
        }
    }
    let view = AccountsPage {
        lang: lang.code(),
        done: done_banner(&state, req, lang),
        form,
        searched,
        accounts,
    };
    let title = t("platform-accounts");
    show_form(
        &state,
        req,
        &context,
        ("workspace_platform_accounts", &title),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn confirm_erase(
    req: &Request,
    Path(id): Path<i64>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let account = match state.account.account(&principal, id).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let t = |key: &str| state.renderer.text(lang, key);
    let heading =
        state
            .renderer
            .text_with(lang, "platform-erase-heading", &[("email", &account.email)]);
    let blocked = (account.id == principal.user_id).then(|| t("platform-erase-yourself"));
    let view = FormPage {
        lang: lang.code(),
        heading,
        back_href: accounts_href(),
        back_label: t("platform-accounts"),
        intro: vec![
            t("platform-erase-goes"),
            t("platform-erase-stays"),
            t("platform-erase-final"),
        ],
        warning: true,
        done: None,
        blocked,
        form: Form::new(
            req,
            format!("{}/{id}/erase", accounts_href()),
            t("platform-erase-submit"),
            lang,
            &state.renderer,
        ),
    };
    form_page(&state, req, &context, view)
}

#[handler]
pub async fn erase(
    req: &Request,
    Path(id): Path<i64>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, _) = match operator_form(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.account.erase(&principal, id, &client_ip(req)).await {
        Ok(_) => forms::redirect(&format!("{}?done=account-erased", accounts_href())),
        Err(error) => failed(&state, &context, error),
    }
}
