//! Handlebars with a `t` helper that looks interface text up in the page's language:
//! `{{t "home-count" count=3}}`. Templates are compiled in and registered once.

use std::sync::Arc;

use anyhow::Context as _;
use fluent_bundle::{FluentArgs, FluentValue};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
};
use serde::Serialize;
use serde_json::Value;

use crate::i18n::{Lang, Translations};

const TEMPLATES: &[(&str, &str)] = &[
    ("layout", include_str!("../templates/layout.hbs")),
    (
        "form_summary",
        include_str!("../templates/form_summary.hbs"),
    ),
    ("form_field", include_str!("../templates/form_field.hbs")),
    (
        "workspace_practices",
        include_str!("../templates/workspace_practices.hbs"),
    ),
    (
        "workspace_practice_new",
        include_str!("../templates/workspace_practice_new.hbs"),
    ),
    (
        "workspace_practice",
        include_str!("../templates/workspace_practice.hbs"),
    ),
    (
        "workspace_practice_preview",
        include_str!("../templates/workspace_practice_preview.hbs"),
    ),
    (
        "workspace_practice_section",
        include_str!("../templates/workspace_practice_section.hbs"),
    ),
    (
        "workspace_practice_results",
        include_str!("../templates/workspace_practice_results.hbs"),
    ),
    (
        "workspace_practice_links",
        include_str!("../templates/workspace_practice_links.hbs"),
    ),
    (
        "workspace_practice_files",
        include_str!("../templates/workspace_practice_files.hbs"),
    ),
    (
        "workspace_subscribers",
        include_str!("../templates/workspace_subscribers.hbs"),
    ),
    (
        "workspace_subscriber_import",
        include_str!("../templates/workspace_subscriber_import.hbs"),
    ),
    (
        "workspace_subscriber_erase",
        include_str!("../templates/workspace_subscriber_erase.hbs"),
    ),
    ("form_hidden", include_str!("../templates/form_hidden.hbs")),
    (
        "workspace_meetings",
        include_str!("../templates/workspace_meetings.hbs"),
    ),
    (
        "workspace_meeting",
        include_str!("../templates/workspace_meeting.hbs"),
    ),
    (
        "workspace_meeting_form",
        include_str!("../templates/workspace_meeting_form.hbs"),
    ),
    (
        "workspace_agenda_item",
        include_str!("../templates/workspace_agenda_item.hbs"),
    ),
    (
        "workspace_agenda_withdraw",
        include_str!("../templates/workspace_agenda_withdraw.hbs"),
    ),
    (
        "workspace_confirm",
        include_str!("../templates/workspace_confirm.hbs"),
    ),
    (
        "workspace_attendance",
        include_str!("../templates/workspace_attendance.hbs"),
    ),
    (
        "workspace_decision",
        include_str!("../templates/workspace_decision.hbs"),
    ),
    (
        "workspace_minutes",
        include_str!("../templates/workspace_minutes.hbs"),
    ),
    (
        "workspace_publish",
        include_str!("../templates/workspace_publish.hbs"),
    ),
    (
        "workspace_documents",
        include_str!("../templates/workspace_documents.hbs"),
    ),
    (
        "workspace_document_remove",
        include_str!("../templates/workspace_document_remove.hbs"),
    ),
    (
        "workspace_council",
        include_str!("../templates/workspace_council.hbs"),
    ),
    (
        "workspace_member_form",
        include_str!("../templates/workspace_member_form.hbs"),
    ),
    (
        "workspace_member_end",
        include_str!("../templates/workspace_member_end.hbs"),
    ),
    (
        "workspace_people",
        include_str!("../templates/workspace_people.hbs"),
    ),
    (
        "workspace_invite",
        include_str!("../templates/workspace_invite.hbs"),
    ),
    (
        "workspace_revoke",
        include_str!("../templates/workspace_revoke.hbs"),
    ),
    (
        "workspace_notices",
        include_str!("../templates/workspace_notices.hbs"),
    ),
    ("ask_access", include_str!("../templates/ask_access.hbs")),
    (
        "workspace_sign_in_provider",
        include_str!("../templates/workspace_sign_in_provider.hbs"),
    ),
    (
        "workspace_requests",
        include_str!("../templates/workspace_requests.hbs"),
    ),
    (
        "workspace_request",
        include_str!("../templates/workspace_request.hbs"),
    ),
    (
        "workspace_profile",
        include_str!("../templates/workspace_profile.hbs"),
    ),
    (
        "workspace_deliveries",
        include_str!("../templates/workspace_deliveries.hbs"),
    ),
    (
        "workspace_audit",
        include_str!("../templates/workspace_audit.hbs"),
    ),
    (
        "workspace_home",
        include_str!("../templates/workspace_home.hbs"),
    ),
    (
        "workspace_platform_form",
        include_str!("../templates/workspace_platform_form.hbs"),
    ),
    (
        "workspace_platform_municipalities",
        include_str!("../templates/workspace_platform_municipalities.hbs"),
    ),
    (
        "workspace_platform_deliveries",
        include_str!("../templates/workspace_platform_deliveries.hbs"),
    ),
    ("privacy", include_str!("../templates/privacy.hbs")),
    (
        "privacy_municipality",
        include_str!("../templates/privacy_municipality.hbs"),
    ),
    (
        "accessibility",
        include_str!("../templates/accessibility.hbs"),
    ),
    ("cookies", include_str!("../templates/cookies.hbs")),
    (
        "workspace_platform_accounts",
        include_str!("../templates/workspace_platform_accounts.hbs"),
    ),
    (
        "workspace_platform_jobs",
        include_str!("../templates/workspace_platform_jobs.hbs"),
    ),
    (
        "workspace_platform_themes",
        include_str!("../templates/workspace_platform_themes.hbs"),
    ),
    (
        "workspace_moderation",
        include_str!("../templates/workspace_moderation.hbs"),
    ),
    (
        "workspace_moderation_review",
        include_str!("../templates/workspace_moderation_review.hbs"),
    ),
    (
        "workspace_moderation_feedback",
        include_str!("../templates/workspace_moderation_feedback.hbs"),
    ),
    ("sign_in", include_str!("../templates/sign_in.hbs")),
    (
        "link_confirm",
        include_str!("../templates/link_confirm.hbs"),
    ),
    ("account", include_str!("../templates/account.hbs")),
    ("message", include_str!("../templates/message.hbs")),
    ("home", include_str!("../templates/home.hbs")),
    ("tenant", include_str!("../templates/tenant.hbs")),
    ("error", include_str!("../templates/error.hbs")),
    ("meetings", include_str!("../templates/meetings.hbs")),
    ("meeting", include_str!("../templates/meeting.hbs")),
    (
        "meeting_card",
        include_str!("../templates/meeting_card.hbs"),
    ),
    ("document", include_str!("../templates/document.hbs")),
    (
        "minutes_print",
        include_str!("../templates/minutes_print.hbs"),
    ),
    ("practices", include_str!("../templates/practices.hbs")),
    (
        "practice_card",
        include_str!("../templates/practice_card.hbs"),
    ),
    ("practice", include_str!("../templates/practice.hbs")),
    (
        "practice_body",
        include_str!("../templates/practice_body.hbs"),
    ),
    (
        "practice_print",
        include_str!("../templates/practice_print.hbs"),
    ),
    ("action", include_str!("../templates/action.hbs")),
    ("subscribe", include_str!("../templates/subscribe.hbs")),
    (
        "erase_confirm",
        include_str!("../templates/erase_confirm.hbs"),
    ),
    (
        "subscription",
        include_str!("../templates/subscription.hbs"),
    ),
    (
        "subscription_data",
        include_str!("../templates/subscription_data.hbs"),
    ),
];

/// The templates of the workspace's pages (Greek and English), `/account` among them.
fn is_workspace_template(name: &str) -> bool {
    name.starts_with("workspace_") || name == "account"
}

struct Translate(Arc<Translations>);

impl HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        context: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let key = helper
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let lang = context
            .data()
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::from_code)
            // Workspace pages whose data carry no language were written Greek-first.
            .unwrap_or(Lang::El);
        let mut args = FluentArgs::new();
        for (name, value) in helper.hash() {
            let value: FluentValue = match value.value() {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => i.into(),
                    None => n.as_f64().unwrap_or_default().into(),
                },
                Value::String(s) => s.clone().into(),
                other => other.to_string().into(),
            };
            args.set(name.to_string(), value);
        }
        let text = self.0.text(lang, key, Some(&args));
        out.write(&escape_html(&text))?;
        Ok(())
    }
}

/// The codes of `council_shared::validation` that have a sentence in every language.
pub const FIELD_ERROR_CODES: [&str; 45] = [
    "too_short",
    "required_el_or_en",
    "ongoing_has_no_end",
    "year_twice",
    "not_an_image",
    "issuer_not_public",
    "too_many",
    "year_not_between",
    "required",
    "too_long",
    "slug_format",
    "slug_reserved",
    "theme_code",
    "control_characters",
    "invalid_email",
    "invalid_url",
    "invalid_date",
    "invalid_time",
    "invalid_number",
    "skipped_hour",
    "choose_one",
    "invalid_cron",
    "reminder_out_of_range",
    "member_needed",
    "president_not_councillor",
    "term_end_before_start",
    "choose_at_least_one",
    "not_a_choice",
    "invalid_ada",
    "correction_needs_text",
    "approving_meeting_needed",
    "ends_before_start",
    "meeting_too_long",
    "year_out_of_range",
    "venue_needed",
    "location_required",
    "online_url_required",
    "negative",
    "votes_exceed_present",
    "adopted_without_majority",
    "file_too_large",
    "file_type",
    "file_name",
    "file_missing",
    "file_broken",
];

pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#x27;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Renders pages in the reader's language.
pub struct Renderer {
    handlebars: Handlebars<'static>,
    pub translations: Arc<Translations>,
}

impl Renderer {
    pub fn new() -> anyhow::Result<Self> {
        let translations = Arc::new(Translations::load()?);
        let mut handlebars = Handlebars::new();
        handlebars.set_dev_mode(false);
        // Every attribute in our templates is quoted, so these five characters are all
        // that need escaping; the default also escapes `=` and backticks, which makes
        // URLs in attributes hard to read.
        handlebars.register_escape_fn(escape_html);
        for (name, source) in TEMPLATES {
            handlebars
                .register_template_string(name, source)
                .with_context(|| format!("template {name} does not compile"))?;
        }
        handlebars.register_helper("t", Box::new(Translate(translations.clone())));
        Ok(Self {
            handlebars,
            translations,
        })
    }

    pub fn render(&self, template: &str, data: &impl Serialize) -> anyhow::Result<String> {
        // A public page speaks eight languages: its data must say which (the tests run
        // debug builds, so a template that would fall back to Greek fails them).
        if cfg!(debug_assertions) && !is_workspace_template(template) {
            let value = serde_json::to_value(data)?;
            anyhow::ensure!(
                value.get("lang").is_some_and(Value::is_string),
                "the data of template {template} do not say their language"
            );
        }
        self.handlebars
            .render(template, data)
            .with_context(|| format!("rendering {template}"))
    }

    pub fn text(&self, lang: Lang, key: &str) -> String {
        self.translations.text(lang, key, None)
    }

    /// Text with arguments, such as `{ $provider }` in `sign-in-with`.
    pub fn text_with(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name.to_string(), FluentValue::from(value.to_string()));
        }
        self.translations.text(lang, key, Some(&fluent_args))
    }

    /// Text with arguments for HTML, escaped, one of whose values is municipal content in
    /// its own language (`value_lang`): that value sits in a `<bdi lang>`, so a screen
    /// reader switches voice and a right-to-left sentence keeps it whole.
    pub fn html_with_content(
        &self,
        lang: Lang,
        key: &str,
        args: &[(&str, &str)],
        value: (&str, &str, &str),
    ) -> String {
        let args: Vec<(&str, FluentValue)> = args
            .iter()
            .map(|(name, given)| (*name, FluentValue::from(given.to_string())))
            .collect();
        self.translations
            .html_with_value(lang, key, &args, value, escape_html)
    }

    /// Text that counts several things by name (`{ $hours }`, `{ $idle }`): numbers, so the
    /// language's plural forms apply to each.
    pub fn text_with_counts(&self, lang: Lang, key: &str, counts: &[(&str, u64)]) -> String {
        let mut args = FluentArgs::new();
        for (name, count) in counts {
            args.set(name.to_string(), FluentValue::from(*count as f64));
        }
        self.translations.text(lang, key, Some(&args))
    }

    /// Text that counts something: `{ $count }` is a number, so the language's plural
    /// forms apply.
    pub fn text_count(&self, lang: Lang, key: &str, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count as f64));
        self.translations.text(lang, key, Some(&args))
    }

    /// The reader's sentence for a field error, from its code and values: Fluent's
    /// `field-error-{code}` with the field's `label` and the error's params (numbers as
    /// numbers, so plurals agree). `None` for a code without a sentence of its own
    /// (`invalid`): the form then says what it expects of that field.
    pub fn field_error(
        &self,
        lang: Lang,
        label: &str,
        error: &council_shared::FieldError,
    ) -> Option<String> {
        if !FIELD_ERROR_CODES.contains(&error.code.as_str()) {
            return None;
        }
        let mut args = FluentArgs::new();
        args.set("label", FluentValue::from(label.to_string()));
        for (name, value) in error.params.iter().flatten() {
            set_param(&mut args, name, value);
        }
        Some(
            self.translations
                .text(lang, &format!("field-error-{}", error.code), Some(&args)),
        )
    }

    /// Why the API refused an action in the present state, in the reader's language:
    /// `conflict-CODE` with the refusal's values (numbers as numbers, for plurals). A code
    /// the pages do not know yet shows the API's English sentence inside `form-conflict`.
    pub fn conflict(&self, lang: Lang, refusal: &council_shared::validation::Invalid) -> String {
        if !council_shared::conflict::ALL.contains(&refusal.code) {
            return self.text_with(lang, "form-conflict", &[("reason", &refusal.message)]);
        }
        let mut args = FluentArgs::new();
        for (name, value) in &refusal.params {
            set_param(&mut args, name, value);
        }
        self.translations
            .text(lang, &format!("conflict-{}", refusal.code), Some(&args))
    }

    /// Every `{{t "key"}}` the templates use, for the test that they all exist: of the
    /// public templates (`public` true) or of the workspace's.
    pub fn template_keys(public: bool) -> Vec<String> {
        TEMPLATES
            .iter()
            .filter(|(name, _)| is_workspace_template(name) != public)
            .flat_map(|(_, source)| source.split("{{t \"").skip(1))
            .filter_map(|rest| rest.split('"').next().map(str::to_string))
            .collect()
    }
}

/// An error's value as Fluent reads it: a number as a number (for plural forms), else text.
fn set_param(args: &mut FluentArgs, name: &str, value: &str) {
    match value.parse::<f64>() {
        Ok(number) => args.set(name.to_string(), FluentValue::from(number)),
        Err(_) => args.set(name.to_string(), FluentValue::from(value.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_a_template_uses_is_translated() {
        // Public templates in every language; the workspace's in Greek and English.
        for (public, languages) in [(true, &Lang::ALL[..]), (false, &Lang::WORKSPACE[..])] {
            let used = Renderer::template_keys(public);
            assert!(used.len() > 20);
            for lang in languages {
                let known = if public {
                    Translations::public_keys(*lang)
                } else {
                    Translations::keys(*lang)
                };
                let missing: Vec<_> = used.iter().filter(|k| !known.contains(k)).collect();
                assert!(
                    missing.is_empty(),
                    "{lang:?}: templates use untranslated keys: {missing:?}"
                );
            }
        }
    }

    #[test]
    fn every_refusal_reads_in_the_workspace_languages() {
        let renderer = Renderer::new().unwrap();
        for lang in Lang::WORKSPACE {
            let known = Translations::keys(lang);
            for code in council_shared::conflict::ALL {
                let key = format!("conflict-{code}");
                assert!(known.contains(&key), "{lang:?} has no {key}");
            }
        }
        let refusal = council_shared::validation::Invalid::new(
            council_shared::conflict::THEME_IN_USE,
            "2 practice(s) use the thematic area `housing`: take it out of them first",
        )
        .with("count", 2)
        .with("code", "housing");
        let greek = renderer.conflict(Lang::El, &refusal);
        assert!(greek.contains("2 καλές πρακτικές"), "{greek}");
        assert!(greek.contains("housing"), "{greek}");
        assert!(!greek.contains("take it out"), "{greek}");
        // A code the pages do not know yet keeps the API's sentence, said as refused.
        let unknown = council_shared::validation::Invalid::new("something_new", "not now");
        let text = renderer.conflict(Lang::El, &unknown);
        assert!(
            text.starts_with("Δεν έγινε") && text.contains("not now"),
            "{text}"
        );
    }

    #[test]
    fn content_inside_a_sentence_keeps_its_language() {
        let renderer = Renderer::new().unwrap();
        let html = renderer.html_with_content(
            Lang::Ar,
            "meeting-heading",
            &[("number", "7/2026")],
            ("title", "Τακτική <Συνεδρίαση>", "el"),
        );
        assert!(
            html.contains("<bdi lang=\"el\">Τακτική &lt;Συνεδρίαση&gt;</bdi>"),
            "{html}"
        );
        assert!(!html.contains('\u{E000}'), "{html}");
    }

    #[test]
    fn arabic_counts_have_their_six_forms() {
        let renderer = Renderer::new().unwrap();
        let forms: std::collections::BTreeSet<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| {
                renderer.text_count(Lang::Ar, "home-count", n).replace(
                    &council_shared::locale::format_number(Lang::Ar, n as i64),
                    "N",
                )
            })
            .collect();
        assert_eq!(forms.len(), 5, "zero, one, two, few, many/other: {forms:?}");
    }

    #[test]
    fn translated_text_is_escaped() {
        let renderer = Renderer::new().unwrap();
        let html = renderer
            .render("error", &serde_json::json!({"lang": "en", "heading": "<b>", "text": "x", "request_id": "a<b"}))
            .unwrap();
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.contains("Request id: a&lt;b"));
    }
}
