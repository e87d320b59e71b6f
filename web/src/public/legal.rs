//! The pages the law asks for, linked from every page's footer: the platform's privacy
//! notice (the accounts its operators hold), each municipality's (the municipality is the
//! controller of its residents' data, with its data protection officer), the accessibility
//! statement in the EU model's form (Directive 2016/2102, law 4591/2019), and the cookies.
//! The retention periods they state are the settings the retention jobs run by, so the
//! pages and the platform's behaviour cannot disagree.

use std::sync::Arc;

use council_shared::settings::{RetentionSettings, Settings};
use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Path},
};
use serde::Serialize;

use super::views::localize;
use crate::{PageContext, WebState, error_page, html_response, i18n::Lang, layout};

/// When the statements were last reviewed against the platform (with the checks the tests
/// run); a review changes this date.
pub const REVIEWED: &str = "2026-12-04";

/// What the pages state, from the settings the platform runs with.
#[derive(Debug, Clone)]
pub struct LegalFacts {
    pub retention: RetentionSettings,
    pub session_hours: u64,
    pub idle_hours: u64,
    /// Where people write to the platform's operators (`mail.from`'s address).
    pub contact_email: String,
    /// The platform's public address.
    pub site: String,
}

impl LegalFacts {
    pub fn new(settings: &Settings, mailer: &council_shared::mail::Mailer, site: String) -> Self {
        Self {
            retention: settings.retention.clone(),
            session_hours: settings.auth.session_ttl_seconds.div_ceil(3600),
            idle_hours: settings.auth.session_idle_seconds.div_ceil(3600),
            contact_email: mailer.from_address(),
            site,
        }
    }
}

fn show(
    state: &WebState,
    request: &Request,
    (template, title): (&str, &str),
    view: &impl Serialize,
) -> Response {
    let context = PageContext::of(request);
    match state
        .renderer
        .render(template, view)
        .and_then(|body| layout(state, &context, title, body))
    {
        Ok(html) => html_response(StatusCode::OK, context.lang, html),
        Err(error) => {
            tracing::error!(error = ?error, template, "cannot render a legal page");
            error_page(state, &context, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

#[derive(Serialize)]
struct MunicipalityLink {
    name: String,
    href: String,
}

#[derive(Serialize)]
struct PlatformPrivacy {
    lang: &'static str,
    reviewed: &'static str,
    controller: String,
    audit_years: u32,
    municipalities: Vec<MunicipalityLink>,
}

#[handler]
pub async fn platform_privacy(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let lang = PageContext::of(req).lang;
    let facts = &state.legal;
    let municipalities = match state.reads.active_tenants().await {
        Ok(found) => found
            .iter()
            .map(|t| MunicipalityLink {
                name: localize(&t.name, lang).text,
                href: format!("/municipalities/{}/privacy", t.slug),
            })
            .collect(),
        Err(error) => {
            tracing::error!(error = ?error, "cannot list the municipalities");
            Vec::new()
        }
    };
    let view = PlatformPrivacy {
        lang: lang.code(),
        reviewed: REVIEWED,
        controller: state.renderer.text_with(
            lang,
            "privacy-controller-platform",
            &[("email", &facts.contact_email)],
        ),
        audit_years: facts.retention.audit_log_years,
        municipalities,
    };
    let title = state.renderer.text(lang, "privacy-title");
    show(&state, req, ("privacy", &title), &view)
}

#[derive(Serialize)]
struct MunicipalityPrivacy {
    lang: &'static str,
    reviewed: &'static str,
    slug: String,
    municipality: String,
    name_lang: &'static str,
    /// HTML: the municipality's name in its `<bdi lang>`.
    heading: String,
    title: String,
    /// HTML, as `heading`.
    controller: String,
    dpo: String,
    unconfirmed_days: u32,
    message_days: u32,
    feedback_days: u32,
    request_days: u32,
}

#[handler]
pub async fn municipality_privacy(
    req: &Request,
    slug: Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let context = PageContext::of(req);
    let lang = context.lang;
    let found = match state.reads.tenant(&slug).await {
        Ok(Some(found)) => found,
        Ok(None) => return error_page(&state, &context, StatusCode::NOT_FOUND),
        Err(error) => {
            tracing::error!(error = ?error, "cannot read a municipality");
            return error_page(&state, &context, StatusCode::INTERNAL_SERVER_ERROR);
        }
    };
    let detail = &found.detail;
    let localized = localize(&detail.name, lang);
    let name = localized.text.clone();
    let text = |key: &str, args: &[(&str, &str)]| state.renderer.text_with(lang, key, args);
    // The municipality's name is content in its own language: in a `<bdi lang>`, so a
    // right-to-left sentence keeps it whole.
    let with_name = |key: &str, args: &[(&str, &str)]| {
        state
            .renderer
            .html_with_content(lang, key, args, ("municipality", &name, localized.lang))
    };
    let controller = match &detail.contact_email {
        Some(email) => with_name("privacy-controller-municipality", &[("email", email)]),
        None => with_name("privacy-controller-no-email", &[]),
    };
    let dpo = match &detail.data_protection_officer {
        Some(officer) => {
            let email = officer.email.clone().unwrap_or_default();
            match &officer.name {
                Some(officer_name) => text(
                    "privacy-dpo-named",
                    &[("name", officer_name), ("email", &email)],
                ),
                None => text("privacy-dpo-address", &[("email", &email)]),
            }
        }
        None => text("privacy-dpo-missing", &[]),
    };
    let retention = &state.legal.retention;
    let view = MunicipalityPrivacy {
        lang: lang.code(),
        reviewed: REVIEWED,
        slug: detail.slug.clone(),
        heading: with_name("privacy-municipality-title", &[]),
        title: text("privacy-municipality-title", &[("municipality", &name)]),
        name_lang: localized.lang,
        municipality: name.clone(),
        controller,
        dpo,
        unconfirmed_days: retention.unconfirmed_subscription_days,
        message_days: retention.sent_message_days,
        feedback_days: retention.feedback_address_days,
        request_days: retention.declined_request_days,
    };
    let title = view.title.clone();
    show(&state, req, ("privacy_municipality", &title), &view)
}

#[derive(Serialize)]
struct Accessibility {
    lang: &'static str,
    reviewed: &'static str,
    intro: String,
    feedback: String,
}

#[handler]
pub async fn accessibility(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let lang = PageContext::of(req).lang;
    let facts = &state.legal;
    let view = Accessibility {
        lang: lang.code(),
        reviewed: REVIEWED,
        intro: state
            .renderer
            .text_with(lang, "accessibility-intro", &[("site", &facts.site)]),
        feedback: state.renderer.text_with(
            lang,
            "accessibility-feedback-text",
            &[("email", &facts.contact_email)],
        ),
    };
    let title = state.renderer.text(lang, "accessibility-title");
    show(&state, req, ("accessibility", &title), &view)
}

#[derive(Serialize)]
struct Cookie {
    name: &'static str,
    purpose: String,
    expires: String,
}

#[derive(Serialize)]
struct Cookies {
    lang: &'static str,
    cookies: Vec<Cookie>,
}

/// Every cookie the platform sets, by its name where it is set.
fn cookies(state: &WebState, lang: Lang) -> Vec<Cookie> {
    let t = |key: &str| state.renderer.text(lang, key);
    let facts = &state.legal;
    vec![
        Cookie {
            name: council_shared::auth::SESSION_COOKIE,
            purpose: t("cookies-session-purpose"),
            expires: state.renderer.text_with_counts(
                lang,
                "cookies-session-expires",
                &[("hours", facts.session_hours), ("idle", facts.idle_hours)],
            ),
        },
        Cookie {
            name: crate::sign_in::CSRF_COOKIE,
            purpose: t("cookies-csrf-purpose"),
            expires: t("cookies-csrf-expires"),
        },
        Cookie {
            name: crate::sign_in::OIDC_COOKIE,
            purpose: t("cookies-oidc-purpose"),
            expires: t("cookies-oidc-expires"),
        },
        Cookie {
            name: crate::i18n::LANG_COOKIE,
            purpose: t("cookies-lang-purpose"),
            expires: t("cookies-lang-expires"),
        },
    ]
}

#[handler]
pub async fn cookies_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let lang = PageContext::of(req).lang;
    let view = Cookies {
        lang: lang.code(),
        cookies: cookies(&state, lang),
    };
    let title = state.renderer.text(lang, "cookies-title");
    show(&state, req, ("cookies", &title), &view)
}
