//! The messages, from handlebars templates (plain text and HTML for every one) in Greek or
//! English. Strict mode: a variable missing from the data is an error the tests find, never
//! a blank in a resident's message.

use std::{collections::HashMap, sync::LazyLock};

use anyhow::Context as _;
use council_shared::locale::{Catalog, Lang, message_keys};
use fluent_bundle::{FluentArgs, FluentValue};
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::Value;

const TEMPLATES: [(&str, &str); 16] = [
    ("layout_top", include_str!("../../templates/layout_top.hbs")),
    (
        "layout_bottom",
        include_str!("../../templates/layout_bottom.hbs"),
    ),
    (
        "confirm.txt",
        include_str!("../../templates/confirm.txt.hbs"),
    ),
    (
        "confirm.html",
        include_str!("../../templates/confirm.html.hbs"),
    ),
    ("active.txt", include_str!("../../templates/active.txt.hbs")),
    (
        "active.html",
        include_str!("../../templates/active.html.hbs"),
    ),
    ("notice.txt", include_str!("../../templates/notice.txt.hbs")),
    (
        "notice.html",
        include_str!("../../templates/notice.html.hbs"),
    ),
    ("digest.txt", include_str!("../../templates/digest.txt.hbs")),
    (
        "digest.html",
        include_str!("../../templates/digest.html.hbs"),
    ),
    ("member.txt", include_str!("../../templates/member.txt.hbs")),
    ("author.txt", include_str!("../../templates/author.txt.hbs")),
    (
        "author.html",
        include_str!("../../templates/author.html.hbs"),
    ),
    (
        "member.html",
        include_str!("../../templates/member.html.hbs"),
    ),
    (
        "moderator.txt",
        include_str!("../../templates/moderator.txt.hbs"),
    ),
    (
        "moderator.html",
        include_str!("../../templates/moderator.html.hbs"),
    ),
];

/// Residents' messages in every language the platform speaks; council members', authors'
/// and moderators' messages in the workspace's two.
const RESIDENTS: [(Lang, &str); 8] = [
    (Lang::El, include_str!("../../locales/el/residents.ftl")),
    (Lang::En, include_str!("../../locales/en/residents.ftl")),
    (Lang::Sq, include_str!("../../locales/sq/residents.ftl")),
    (Lang::Ar, include_str!("../../locales/ar/residents.ftl")),
    (Lang::Fa, include_str!("../../locales/fa/residents.ftl")),
    (Lang::Uk, include_str!("../../locales/uk/residents.ftl")),
    (Lang::Fr, include_str!("../../locales/fr/residents.ftl")),
    (Lang::Ur, include_str!("../../locales/ur/residents.ftl")),
];
const COUNCIL: [(Lang, &str); 2] = [
    (Lang::El, include_str!("../../locales/el/council.ftl")),
    (Lang::En, include_str!("../../locales/en/council.ftl")),
];

/// The messages' translations, compiled in and checked by the tests below.
static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let sources: Vec<(Lang, &str)> = RESIDENTS.into_iter().chain(COUNCIL).collect();
    Catalog::new(&sources).expect("the messages' translations load (tested)")
});

/// The fixed words of the messages (those without a placeholder), per language, as the
/// templates' `t`: built once, every message reads them. `code` is a language code; an
/// unknown one reads Greek.
pub fn words(code: &str) -> &'static Value {
    static WORDS: LazyLock<HashMap<Lang, Value>> = LazyLock::new(|| {
        let keys: Vec<String> = message_keys(RESIDENTS[1].1)
            .into_iter()
            .chain(message_keys(COUNCIL[1].1))
            .collect();
        Lang::ALL
            .into_iter()
            .map(|lang| {
                let words: serde_json::Map<String, Value> = keys
                    .iter()
                    .filter_map(|key| Some((key.clone(), CATALOG.plain(lang, key)?.into())))
                    .collect();
                (lang, Value::Object(words))
            })
            .collect()
    });
    &WORDS[&Lang::from_code(code).unwrap_or(Lang::El)]
}

/// A message's sentence with its values, such as `convened` with the meeting's `title`:
/// numbers count by the language's plural rules and, in right-to-left languages, each
/// value is isolated so a Greek title does not scramble the sentence.
pub fn text(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name.to_string(), value.clone());
    }
    CATALOG.text(lang, key, Some(&fluent_args))
}

/// The sentence `key` for an HTML message, escaped, with `value` in its own `<bdi lang>`,
/// so it keeps its direction inside a right-to-left sentence and a screen reader its voice.
pub fn html_with_isolated(
    lang: Lang,
    key: &str,
    name: &str,
    value: &str,
    value_lang: &str,
) -> String {
    CATALOG.html_with_value(
        lang,
        key,
        &[],
        (name, value, value_lang),
        handlebars::html_escape,
    )
}

/// A rendered message.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub struct Messages {
    /// The HTML forms, escaped.
    registry: Handlebars<'static>,
    /// The plain-text forms: not HTML, so nothing is escaped.
    plain: Handlebars<'static>,
}

impl Messages {
    pub fn new() -> anyhow::Result<Self> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        let mut plain = Handlebars::new();
        plain.set_strict_mode(true);
        plain.register_escape_fn(handlebars::no_escape);
        for (name, source) in TEMPLATES {
            let target = if name.ends_with(".txt") {
                &mut plain
            } else {
                &mut registry
            };
            target
                .register_template_string(name, source)
                .with_context(|| format!("template {name}"))?;
        }
        Ok(Self { registry, plain })
    }

    /// Renders `name` (`confirm`, `active`, `notice`, `digest`, `member`, `author`,
    /// `moderator`) in both
    /// forms.
    pub fn render(
        &self,
        name: &str,
        subject: String,
        data: &impl Serialize,
    ) -> anyhow::Result<Rendered> {
        let mut value = serde_json::to_value(data)?;
        if let Value::Object(map) = &mut value {
            map.insert("subject".into(), Value::String(subject.clone()));
            let lang = map
                .get("lang")
                .and_then(Value::as_str)
                .and_then(Lang::from_code)
                .unwrap_or(Lang::El);
            map.insert("dir".into(), Value::String(lang.dir().into()));
        }
        let html = self.registry.render(&format!("{name}.html"), &value)?;
        let text = self.plain.render(&format!("{name}.txt"), &value)?;
        Ok(Rendered {
            subject,
            text,
            html,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_missing_variable_is_an_error_not_a_blank() {
        let messages = Messages::new().unwrap();
        let missing = messages.render(
            "confirm",
            "x".into(),
            &json!({"lang": "el", "t": words("el")}),
        );
        assert!(missing.is_err(), "tenant_name and confirm_url are missing");
    }

    #[test]
    fn every_language_has_every_message_with_its_placeholders_and_plurals() {
        let mut found = Vec::new();
        for (lang, source) in RESIDENTS {
            found.extend(
                council_shared::locale::problems(RESIDENTS[1].1, source, lang)
                    .into_iter()
                    .map(|p| format!("{}/residents.ftl: {p}", lang.code())),
            );
        }
        for (lang, source) in COUNCIL {
            found.extend(
                council_shared::locale::problems(COUNCIL[1].1, source, lang)
                    .into_iter()
                    .map(|p| format!("{}/council.ftl: {p}", lang.code())),
            );
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        for lang in Lang::ALL {
            assert_eq!(keys(words("el")), keys(words(lang.code())), "{lang:?}");
        }
    }

    #[test]
    fn a_greek_title_is_isolated_in_an_arabic_sentence() {
        let html = html_with_isolated(Lang::Ar, "convened", "title", "Συνεδρίαση <1>", "el");
        assert!(
            html.contains("<bdi lang=\"el\">Συνεδρίαση &lt;1&gt;</bdi>"),
            "{html}"
        );
        assert!(
            !html.contains('\u{2068}') && !html.contains('\u{E000}'),
            "{html}"
        );
        let subject = text(Lang::Ar, "convened", &[("title", "Συνεδρίαση".into())]);
        assert!(subject.contains("\u{2068}Συνεδρίαση\u{2069}"), "{subject}");
    }
}
