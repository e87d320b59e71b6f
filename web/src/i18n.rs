//! The pages' languages and their Fluent translations. Public pages speak the eight
//! languages of `council_shared::locale::Lang` (`locales/CODE/public.ftl`); the workspace
//! speaks Greek and English (`locales/{el,en}/workspace.ftl`). All compiled in.

use anyhow::Context;
use fluent_bundle::FluentArgs;
use poem::Request;

pub use council_shared::locale::Lang;
use council_shared::locale::{Catalog, message_keys, negotiate};

pub const LANG_COOKIE: &str = "lang";

/// Each language's public file, in `Lang::ALL` order.
const PUBLIC: [(Lang, &str); 8] = [
    (Lang::El, include_str!("../locales/el/public.ftl")),
    (Lang::En, include_str!("../locales/en/public.ftl")),
    (Lang::Sq, include_str!("../locales/sq/public.ftl")),
    (Lang::Ar, include_str!("../locales/ar/public.ftl")),
    (Lang::Fa, include_str!("../locales/fa/public.ftl")),
    (Lang::Uk, include_str!("../locales/uk/public.ftl")),
    (Lang::Fr, include_str!("../locales/fr/public.ftl")),
    (Lang::Ur, include_str!("../locales/ur/public.ftl")),
];

/// The workspace's files, in the languages it speaks.
const WORKSPACE: [(Lang, &str); 2] = [
    (Lang::El, include_str!("../locales/el/workspace.ftl")),
    (Lang::En, include_str!("../locales/en/workspace.ftl")),
];

/// Paths whose pages belong to the workspace (the people who run a council): they speak
/// the workspace's languages whatever the reader chose for the public pages.
pub fn is_workspace_path(path: &str) -> bool {
    path == "/workspace"
        || path.starts_with("/workspace/")
        || path == "/account"
        || path.starts_with("/account/")
}

/// The reader's language: `?lang=` first, then the cookie the switcher sets, then the best
/// of the browser's `Accept-Language`, then English (a reader whose languages the platform
/// does not speak is likelier to read English than Greek). Workspace pages narrow it to
/// the workspace's languages.
pub fn language_of(req: &Request) -> Lang {
    let from_query = req.uri().query().and_then(|query| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "lang")
            .and_then(|(_, value)| Lang::from_code(&value))
    });
    let from_cookie = || {
        req.headers()
            .get_all(poem::http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LANG_COOKIE)
            .and_then(|(_, value)| Lang::from_code(value))
    };
    let from_header = || {
        req.headers()
            .get(poem::http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .and_then(negotiate)
    };
    let lang = from_query
        .or_else(from_cookie)
        .or_else(from_header)
        .unwrap_or(Lang::En);
    // Nested routes see their own part of the path in `uri()`; the whole is the original.
    if is_workspace_path(req.original_uri().path()) || is_workspace_path(req.uri().path()) {
        lang.for_workspace()
    } else {
        lang
    }
}

/// All interface text, in every language.
pub struct Translations {
    catalog: Catalog,
}

impl Translations {
    pub fn load() -> anyhow::Result<Self> {
        let sources: Vec<(Lang, &str)> = PUBLIC.into_iter().chain(WORKSPACE).collect();
        let catalog = Catalog::new(&sources).context("loading the pages' translations")?;
        Ok(Self { catalog })
    }

    /// The text of `key`; a missing key shows in English (or as itself) and is logged,
    /// never a failure.
    pub fn text(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        self.catalog.text(lang, key, args)
    }

    /// A sentence for HTML with one value of municipal content in its own `<bdi lang>`
    /// (`Catalog::html_with_value`).
    pub fn html_with_value(
        &self,
        lang: Lang,
        key: &str,
        args: &[(&str, fluent_bundle::FluentValue<'_>)],
        value: (&str, &str, &str),
        escape: impl Fn(&str) -> String,
    ) -> String {
        self.catalog.html_with_value(lang, key, args, value, escape)
    }

    /// Every message id of a language's public file.
    pub fn public_keys(lang: Lang) -> Vec<String> {
        message_keys(source(&PUBLIC, lang).unwrap_or_default())
    }

    /// Every message id a language has, public and workspace.
    pub fn keys(lang: Lang) -> Vec<String> {
        let mut keys = Self::public_keys(lang);
        keys.extend(message_keys(source(&WORKSPACE, lang).unwrap_or_default()));
        keys
    }
}

fn source(files: &[(Lang, &'static str)], lang: Lang) -> Option<&'static str> {
    files.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use council_shared::locale::problems;

    #[test]
    fn every_public_language_is_complete_against_english() {
        let english = source(&PUBLIC, Lang::En).unwrap();
        let mut found = Vec::new();
        for (lang, text) in PUBLIC {
            found.extend(
                problems(english, text, lang)
                    .into_iter()
                    .map(|p| format!("{}/public.ftl: {p}", lang.code())),
            );
        }
        for (lang, text) in WORKSPACE {
            found.extend(
                problems(source(&WORKSPACE, Lang::En).unwrap(), text, lang)
                    .into_iter()
                    .map(|p| format!("{}/workspace.ftl: {p}", lang.code())),
            );
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn a_key_is_public_or_of_the_workspace_never_both() {
        let public = Translations::public_keys(Lang::En);
        let workspace = message_keys(source(&WORKSPACE, Lang::En).unwrap());
        let both: Vec<_> = public.iter().filter(|k| workspace.contains(k)).collect();
        assert!(both.is_empty(), "{both:?}");
        assert!(public.len() > 300 && workspace.len() > 900);
    }

    #[test]
    fn plurals_follow_each_language() {
        let translations = Translations::load().unwrap();
        let mut args = FluentArgs::new();
        args.set("count", 1);
        assert_eq!(
            translations.text(Lang::El, "home-count", Some(&args)),
            "1 δήμος"
        );
        args.set("count", 3);
        assert_eq!(
            translations.text(Lang::En, "home-count", Some(&args)),
            "3 municipalities"
        );
        // Ukrainian: one (1, 21), few (2-4, 22-24), many (5-20, 25-30).
        let uk = |n: i64| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            translations.text(Lang::Uk, "home-count", Some(&args))
        };
        assert_ne!(uk(2), uk(5).replace('5', "2"));
        assert_eq!(uk(21).replace("21", "1"), uk(1));
    }

    fn request(uri: &str, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().uri_str(uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.finish()
    }

    #[test]
    fn the_query_beats_the_cookie_which_beats_the_browser_then_english() {
        let req = request("/?lang=ar", &[("cookie", "lang=el")]);
        assert_eq!(language_of(&req), Lang::Ar);
        let req = request(
            "/",
            &[
                ("cookie", "theme=dark; lang=uk"),
                ("accept-language", "el-GR"),
            ],
        );
        assert_eq!(language_of(&req), Lang::Uk);
        let req = request(
            "/",
            &[("accept-language", "de;q=0.9, fa-IR;q=0.8, el;q=0.5")],
        );
        assert_eq!(language_of(&req), Lang::Fa);
        let req = request("/", &[("accept-language", "tr-TR, de")]);
        assert_eq!(language_of(&req), Lang::En, "none offered: English");
        assert_eq!(language_of(&request("/", &[])), Lang::En);
    }

    #[test]
    fn the_workspace_speaks_greek_or_english() {
        let req = request("/workspace/athens", &[("cookie", "lang=fa")]);
        assert_eq!(language_of(&req), Lang::En);
        let req = request("/workspace", &[("accept-language", "el")]);
        assert_eq!(language_of(&req), Lang::El);
        let req = request("/municipalities/athens", &[("cookie", "lang=fa")]);
        assert_eq!(language_of(&req), Lang::Fa);
    }
}
