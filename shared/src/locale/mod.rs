//! The languages the platform speaks, and the rest of a locale: which language a reader
//! gets, their Fluent translations (with each language's plural rules), and dates, times
//! and numbers by CLDR (ICU4X), never one pattern for all.
//!
//! Residents read eight languages (the public pages and their messages); the workspace
//! speaks Greek and English.

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

mod check;
pub use check::problems;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    El,
    En,
    Sq,
    Ar,
    Fa,
    Uk,
    Fr,
    Ur,
}

impl Lang {
    /// In the switcher's order: the country's language, English, then the languages of
    /// the largest groups of residents.
    pub const ALL: [Lang; 8] = [
        Lang::El,
        Lang::En,
        Lang::Sq,
        Lang::Ar,
        Lang::Fa,
        Lang::Uk,
        Lang::Fr,
        Lang::Ur,
    ];

    /// The languages of the workspace (the people who run a council).
    pub const WORKSPACE: [Lang; 2] = [Lang::El, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::El => "el",
            Lang::En => "en",
            Lang::Sq => "sq",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Uk => "uk",
            Lang::Fr => "fr",
            Lang::Ur => "ur",
        }
    }

    /// The language's own name, as the switcher and the subscription form show it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::El => "Ελληνικά",
            Lang::En => "English",
            Lang::Sq => "Shqip",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::Uk => "Українська",
            Lang::Fr => "Français",
            Lang::Ur => "اردو",
        }
    }

    pub fn is_right_to_left(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa | Lang::Ur)
    }

    /// Text direction of the language's script, for `dir`.
    pub fn dir(self) -> &'static str {
        if self.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A language tag or code (`fa-IR`, `ar_SY`, `EN`); Dari (`prs`, `fa-AF`) reads Farsi.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        let primary = if primary == "prs" { "fa" } else { &primary };
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// The workspace's language for a reader of this one: theirs when the workspace speaks
    /// it, otherwise English.
    pub fn for_workspace(self) -> Lang {
        if Lang::WORKSPACE.contains(&self) {
            self
        } else {
            Lang::En
        }
    }

    /// The language in which municipal content (written in Greek and/or English) is best
    /// shown to this reader: Greek to Greek readers, English to everyone else when it exists.
    pub fn prefers_greek_content(self) -> bool {
        self == Lang::El
    }

    pub(crate) fn langid(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .expect("the codes are valid language tags")
    }
}

/// The best of the reader's `Accept-Language` that the platform offers (RFC 4647 lookup
/// by fluent-langneg), or `None` when it offers none of them.
pub fn negotiate(accept_language: &str) -> Option<Lang> {
    // fluent-langneg reads the tags in the header's order; the reader's weights decide.
    let mut weighted: Vec<(f32, &str)> = accept_language
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (quality > 0.0 && !tag.is_empty()).then_some((quality, tag))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let ordered = weighted
        .iter()
        .map(|(_, tag)| *tag)
        .collect::<Vec<_>>()
        .join(",");
    let requested: Vec<LanguageIdentifier> = fluent_langneg::accepted_languages::parse(&ordered)
        .into_iter()
        .map(|id| {
            // Dari is written like Farsi and read by the same readers.
            if id.language.as_str() == "prs" {
                "fa".parse().expect("fa")
            } else {
                id
            }
        })
        .collect();
    let available: Vec<LanguageIdentifier> = Lang::ALL.iter().map(|l| l.langid()).collect();
    fluent_langneg::negotiate_languages(
        &requested,
        &available,
        None,
        fluent_langneg::NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|id| Lang::from_code(id.language.as_str()))
}

/// Municipal content (written in Greek and/or English) as a reader of `lang` gets it, with
/// its language: Greek readers the Greek, everyone else the English where it exists (a
/// reader of Farsi in Greece is likelier to read English), else the other one.
pub fn content_for<'a>(
    lang: Lang,
    el: Option<&'a str>,
    en: Option<&'a str>,
) -> Option<(&'a str, &'static str)> {
    let el = el
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| (t, "el"));
    let en = en
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| (t, "en"));
    if lang.prefers_greek_content() {
        el.or(en)
    } else {
        en.or(el)
    }
}

/// The message ids of a Fluent file (its lines that start a message).
pub fn message_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_string()))
        .collect()
}

/// Fluent translations: for each language one or more `.ftl` sources, compiled in.
pub struct Catalog {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Catalog {
    /// `sources` pairs a language with the text of one of its files.
    pub fn new(sources: &[(Lang, &str)]) -> anyhow::Result<Self> {
        let mut bundles: HashMap<Lang, FluentBundle<FluentResource>> = HashMap::new();
        for (lang, source) in sources {
            let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
                anyhow!("a {} translation does not parse: {errors:?}", lang.code())
            })?;
            let bundle = bundles.entry(*lang).or_insert_with(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
                // Right-to-left text isolates each placeholder (a Greek name, a number)
                // with FSI/PDI so it does not scramble the sentence around it; in
                // left-to-right languages the marks would only be noise in titles.
                bundle.set_use_isolating(lang.is_right_to_left());
                bundle.set_formatter(Some(number_formatter(*lang)));
                bundle
            });
            bundle
                .add_resource(resource)
                .map_err(|errors| anyhow!("{} has duplicate keys: {errors:?}", lang.code()))
                .with_context(|| format!("loading the {} translations", lang.code()))?;
        }
        if !bundles.contains_key(&Lang::En) {
            return Err(anyhow!("English, the fallback, has no translations"));
        }
        Ok(Self { bundles })
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles
            .get(&lang)
            .is_some_and(|bundle| bundle.has_message(key))
    }

    /// The text of `key` in `lang`, else in English. A key missing everywhere shows as
    /// itself; either miss is logged, never a failure for the reader.
    pub fn text(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        let found = [lang, Lang::En].into_iter().find_map(|candidate| {
            let bundle = self.bundles.get(&candidate)?;
            let pattern = bundle.get_message(key)?.value()?;
            Some((candidate, bundle, pattern))
        });
        let Some((used, bundle, pattern)) = found else {
            tracing::error!(key, lang = lang.code(), "missing translation");
            return key.to_string();
        };
        if used != lang {
            // A public page asking for a workspace key, or a file behind the others: the
            // tests (debug builds) fail on it; a reader in production gets English.
            if cfg!(debug_assertions) {
                panic!("`{key}` has no {} translation", lang.code());
            }
            tracing::error!(
                key,
                lang = lang.code(),
                "missing translation, English shown"
            );
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "translation did not format cleanly");
        }
        text.into_owned()
    }

    /// The sentence `key` for HTML, escaped by `escape`, with `value` (municipal content
    /// in `value_lang`) in its own `<bdi lang>`: a screen reader switches voice and a
    /// right-to-left sentence keeps the value whole.
    pub fn html_with_value(
        &self,
        lang: Lang,
        key: &str,
        args: &[(&str, FluentValue<'_>)],
        (name, value, value_lang): (&str, &str, &str),
        escape: impl Fn(&str) -> String,
    ) -> String {
        // A private-use character no translation contains marks where the value goes.
        const SLOT: &str = "\u{E000}";
        let mut fluent_args = FluentArgs::new();
        for (arg, given) in args {
            fluent_args.set(arg.to_string(), given.clone());
        }
        fluent_args.set(name.to_string(), SLOT);
        let sentence = self
            .text(lang, key, Some(&fluent_args))
            .replace(&format!("\u{2068}{SLOT}\u{2069}"), SLOT);
        escape(&sentence).replace(
            SLOT,
            &format!("<bdi lang=\"{value_lang}\">{}</bdi>", escape(value)),
        )
    }

    /// The text of a message that needs no value (in `lang`, else English); `None` for one
    /// that needs values or does not exist.
    pub fn plain(&self, lang: Lang, key: &str) -> Option<String> {
        [lang, Lang::En].into_iter().find_map(|candidate| {
            let bundle = self.bundles.get(&candidate)?;
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| text.into_owned())
        })
    }
}

/// Numbers inside translations by the language's rules (its digits, its grouping), so a
/// count reads "٣ اجتماعات" in Arabic and "3 συνεδριάσεις" in Greek. A function per
/// language because Fluent takes a plain function pointer.
fn number_formatter(lang: Lang) -> fn(&FluentValue, &IntlLangMemoizer) -> Option<String> {
    macro_rules! per_language {
        ($($variant:ident),*) => {
            match lang {
                $(Lang::$variant => |value, _| match value {
                    FluentValue::Number(number) => Some(format_fluent_number(Lang::$variant, number.value)),
                    _ => None,
                },)*
            }
        };
    }
    per_language!(El, En, Sq, Ar, Fa, Uk, Fr, Ur)
}

fn format_fluent_number(lang: Lang, value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format_number(lang, value as i64)
    } else {
        value.to_string()
    }
}

/// The locale ICU4X formats with. Greek and English use the 24-hour clock of Greek public
/// life (CLDR's Greek default is 12-hour); English is written the British way.
fn icu_locale(lang: Lang) -> icu_locale_core::Locale {
    let tag = match lang {
        Lang::El => "el-u-hc-h23",
        Lang::En => "en-GB",
        other => other.code(),
    };
    tag.parse().expect("valid locale tags")
}

struct Formats {
    number: icu_decimal::DecimalFormatter,
    date: icu_datetime::FixedCalendarDateTimeFormatter<
        icu_calendar::Gregorian,
        icu_datetime::fieldsets::YMD,
    >,
    date_time: icu_datetime::FixedCalendarDateTimeFormatter<
        icu_calendar::Gregorian,
        icu_datetime::fieldsets::YMDET,
    >,
    time: icu_datetime::FixedCalendarDateTimeFormatter<
        icu_calendar::Gregorian,
        icu_datetime::fieldsets::T,
    >,
}

thread_local! {
    // ICU4X's formatters are not `Sync`; each thread builds its own once.
    static FORMATS: HashMap<Lang, Formats> = build_formats();
}

fn build_formats() -> HashMap<Lang, Formats> {
    use icu_datetime::{FixedCalendarDateTimeFormatter, fieldsets, options::TimePrecision};
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let locale = icu_locale(lang);
            let mut number_options = icu_decimal::options::DecimalFormatterOptions::default();
            // Years stay "2026", not "2.026"; grouping starts at five digits.
            number_options.grouping_strategy = Some(icu_decimal::options::GroupingStrategy::Min2);
            let formats = Formats {
                number: icu_decimal::DecimalFormatter::try_new((&locale).into(), number_options)
                    .expect("compiled data has every language"),
                date: FixedCalendarDateTimeFormatter::try_new(
                    (&locale).into(),
                    fieldsets::YMD::long(),
                )
                .expect("compiled data has every language"),
                date_time: FixedCalendarDateTimeFormatter::try_new(
                    (&locale).into(),
                    fieldsets::YMDET::long().with_time_precision(TimePrecision::Minute),
                )
                .expect("compiled data has every language"),
                time: FixedCalendarDateTimeFormatter::try_new(
                    (&locale).into(),
                    fieldsets::T::medium().with_time_precision(TimePrecision::Minute),
                )
                .expect("compiled data has every language"),
            };
            (lang, formats)
        })
        .collect()
}

fn icu_date(date: NaiveDate) -> icu_calendar::Date<icu_calendar::Gregorian> {
    icu_calendar::Date::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8)
        .expect("a chrono date is a valid Gregorian date")
}

fn icu_time(at: NaiveDateTime) -> icu_time::Time {
    icu_time::Time::try_new(at.hour() as u8, at.minute() as u8, 0, 0)
        .expect("a chrono time is valid")
}

/// "3 December 2026" in the reader's language.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    FORMATS.with(|f| f[&lang].date.format(&icu_date(date)).to_string())
}

/// "Thursday 3 December 2026 at 18:00", a local (Athens) time, in the reader's language.
pub fn format_date_time(lang: Lang, at: NaiveDateTime) -> String {
    let value = icu_time::DateTime {
        date: icu_date(at.date()),
        time: icu_time(at),
    };
    FORMATS.with(|f| f[&lang].date_time.format(&value).to_string())
}

/// "18:00" in the reader's language.
pub fn format_time(lang: Lang, at: NaiveDateTime) -> String {
    FORMATS.with(|f| f[&lang].time.format(&icu_time(at)).to_string())
}

/// An integer in the reader's digits.
pub fn format_number(lang: Lang, value: i64) -> String {
    FORMATS.with(|f| {
        f[&lang]
            .number
            .format(&fixed_decimal::Decimal::from(value))
            .to_string()
    })
}

/// Wraps text of another direction for a plain-text context (an e-mail's text part, a
/// subject) where `<bdi>` cannot be used: FSI … PDI (Unicode's isolates).
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn dates_and_numbers_follow_each_language() {
        let meeting = at("2026-12-03 18:30");
        assert_eq!(
            format_date_time(Lang::El, meeting),
            "Πέμπτη 3 Δεκεμβρίου 2026 στις 18:30"
        );
        assert_eq!(format_date(Lang::En, meeting.date()), "3 December 2026");
        // Farsi writes its own digits; Arabic and Urdu, by CLDR, Western ones.
        assert!(format_date_time(Lang::Fa, meeting).contains("۲۰۲۶"));
        assert_eq!(format_number(Lang::Fa, 12), "۱۲");
        assert_eq!(format_number(Lang::El, 2026), "2026");
        assert_eq!(format_number(Lang::El, 12345), "12.345");
        for lang in Lang::ALL {
            println!(
                "{}: {} | {} | {}",
                lang.code(),
                format_date_time(lang, meeting),
                format_time(lang, meeting),
                format_number(lang, 123456)
            );
        }
    }

    #[test]
    fn the_browser_language_is_negotiated_and_dari_reads_farsi() {
        assert_eq!(negotiate("fa-IR,fa;q=0.9,en;q=0.5"), Some(Lang::Fa));
        assert_eq!(negotiate("prs-AF"), Some(Lang::Fa));
        assert_eq!(negotiate("de-DE, uk;q=0.7"), Some(Lang::Uk));
        assert_eq!(negotiate("de-DE, tr"), None);
        assert_eq!(negotiate("en-US;q=0.5, ar-SY"), Some(Lang::Ar));
    }

    #[test]
    fn right_to_left_translations_isolate_their_placeholders() {
        let catalog = Catalog::new(&[
            (Lang::En, "n = { $count } items of { $name }"),
            (Lang::Fa, "n = { $count } مورد از { $name }"),
        ])
        .unwrap();
        let mut args = FluentArgs::new();
        args.set("count", 3);
        args.set("name", "Δήμος Αθηναίων");
        assert_eq!(
            catalog.text(Lang::Fa, "n", Some(&args)),
            "\u{2068}۳\u{2069} مورد از \u{2068}Δήμος Αθηναίων\u{2069}"
        );
        assert_eq!(
            catalog.text(Lang::En, "n", Some(&args)),
            "3 items of Δήμος Αθηναίων"
        );
    }
}
