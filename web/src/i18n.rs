//! Interface languages and their Fluent translations (one `.ftl` file per language,
//! compiled in). Greek is the default; the layout already handles right-to-left scripts
//! for when Arabic, Farsi and Urdu are added.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};
use poem::Request;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    El,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::El, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::El => "el",
            Lang::En => "en",
        }
    }

    /// The language's own name, as the switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::El => "Ελληνικά",
            Lang::En => "English",
        }
    }

    /// Text direction of the language's script.
    pub fn dir(self) -> &'static str {
        if is_right_to_left(self.code()) {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    fn ftl(self) -> &'static str {
        match self {
            Lang::El => include_str!("../locales/el.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
        }
    }
}

/// Scripts written right to left among the languages residents read (Arabic, Farsi/Dari,
/// Urdu, Pashto, Hebrew, Kurdish Sorani).
pub fn is_right_to_left(code: &str) -> bool {
    matches!(code, "ar" | "fa" | "prs" | "ur" | "ps" | "he" | "ckb")
}

pub const LANG_COOKIE: &str = "lang";

/// The reader's language: `?lang=` first, then the cookie the switcher sets, then the
/// browser's `Accept-Language`, then Greek.
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
        let header = req
            .headers()
            .get(poem::http::header::ACCEPT_LANGUAGE)?
            .to_str()
            .ok()?;
        let mut ranked: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let lang = Lang::from_code(pieces.next()?)?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((quality, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, lang)| *lang)
    };
    from_query
        .or_else(from_cookie)
        .or_else(from_header)
        .unwrap_or(Lang::El)
}

/// All interface text, in every language.
pub struct Translations {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Translations {
    pub fn load() -> anyhow::Result<Self> {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let resource = FluentResource::try_new(lang.ftl().to_string())
                .map_err(|(_, errors)| anyhow!("{}.ftl does not parse: {errors:?}", lang.code()))?;
            let id = lang
                .code()
                .parse()
                .with_context(|| format!("bad language id {}", lang.code()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would show up as stray characters in attributes and titles;
            // pages mark direction with `dir` and `<bdi>` instead.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| anyhow!("{}.ftl has duplicate keys: {errors:?}", lang.code()))?;
            bundles.insert(lang, bundle);
        }
        Ok(Self { bundles })
    }

    /// The text of `key`; a missing key shows as itself and is logged, never a failure.
    pub fn text(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = &self.bundles[&lang];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            return key.to_string();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "translation did not format cleanly");
        }
        text.into_owned()
    }

    /// Every message id of a language, for the parity test.
    pub fn keys(lang: Lang) -> Vec<String> {
        lang.ftl()
            .lines()
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_string()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let greek = Translations::keys(Lang::El);
        assert!(greek.len() > 40);
        for lang in Lang::ALL {
            let keys = Translations::keys(lang);
            let missing: Vec<_> = greek.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<_> = keys.iter().filter(|k| !greek.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang:?}: missing {missing:?}, extra {extra:?}"
            );
        }
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
    }

    #[test]
    fn right_to_left_scripts_are_known_before_their_translations_arrive() {
        assert!(is_right_to_left("ar") && is_right_to_left("fa") && is_right_to_left("ur"));
        assert_eq!(Lang::El.dir(), "ltr");
    }

    #[test]
    fn the_query_beats_the_cookie_which_beats_the_browser() {
        let req = Request::builder()
            .uri_str("/?lang=en")
            .header("cookie", "lang=el")
            .finish();
        assert_eq!(language_of(&req), Lang::En);
        let req = Request::builder()
            .header("cookie", "theme=dark; lang=en")
            .header("accept-language", "el-GR")
            .finish();
        assert_eq!(language_of(&req), Lang::En);
        let req = Request::builder()
            .header("accept-language", "fr;q=0.9, en;q=0.8, el;q=0.5")
            .finish();
        assert_eq!(language_of(&req), Lang::En);
        assert_eq!(language_of(&Request::builder().finish()), Lang::El);
    }
}
