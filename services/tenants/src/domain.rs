//! Validated domain values. Each `parse` turns an API request into a value the service can
//! store, or lists every invalid field with its JSON path.

use chrono::NaiveDate;
use council_shared::{
    FieldError,
    tenant::TenantSlug,
    validation::{Errors, Invalid, optional_email, optional_text, optional_web_url, required_text},
};

use crate::api::models::{
    CouncilUpdate, Highlight, KeyFigure, MemberCategory, MemberInput, MemberRole, Membership,
    Profile, Programme, TenantCreate, TenantUpdate, Text,
};

pub const NAME_MAX: usize = 200;
pub const TITLE_MAX: usize = 300;
pub const LABEL_MAX: usize = 200;
pub const VALUE_MAX: usize = 40;
pub const SOURCE_MAX: usize = 300;
pub const BODY_MAX: usize = 5000;
pub const LIST_MAX: usize = 50;

/// Greek text with an optional (or, where `en_required`, mandatory) English version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalizedText {
    pub el: String,
    pub en: Option<String>,
}

impl LocalizedText {
    fn parse(
        errors: &mut Errors,
        field: &str,
        input: &Text,
        max: usize,
        en_required: bool,
    ) -> Option<Self> {
        let el = errors.check(&format!("{field}.el"), required_text(&input.el, max));
        let en = if en_required {
            errors
                .check(
                    &format!("{field}.en"),
                    required_text(input.en.as_deref().unwrap_or(""), max),
                )
                .map(Some)
        } else {
            errors.check(
                &format!("{field}.en"),
                optional_text(input.en.as_deref(), max),
            )
        };
        Some(Self { el: el?, en: en? })
    }

    fn parse_optional(
        errors: &mut Errors,
        field: &str,
        input: Option<&Text>,
        max: usize,
    ) -> Option<Option<Self>> {
        match input {
            None => Some(None),
            Some(text)
                if text.el.trim().is_empty()
                    && text.en.as_deref().unwrap_or("").trim().is_empty() =>
            {
                Some(None)
            }
            Some(text) => Self::parse(errors, field, text, max, false).map(Some),
        }
    }
}

/// A municipality's details other than its slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantDetails {
    pub name: LocalizedText,
    pub region: LocalizedText,
    pub website: Option<String>,
    pub contact_email: Option<String>,
}

impl TenantDetails {
    fn parse_into(
        errors: &mut Errors,
        name: &Text,
        region: &Text,
        website: Option<&str>,
        contact_email: Option<&str>,
    ) -> Option<Self> {
        let name = LocalizedText::parse(errors, "name", name, NAME_MAX, true);
        let region = LocalizedText::parse(errors, "region", region, NAME_MAX, false);
        let website = errors.check("website", optional_web_url(website));
        let contact_email = errors.check("contact_email", optional_email(contact_email));
        Some(Self {
            name: name?,
            region: region?,
            website: website?,
            contact_email: contact_email?,
        })
    }

    pub fn parse(input: &TenantUpdate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let details = Self::parse_into(
            &mut errors,
            &input.name,
            &input.region,
            input.website.as_deref(),
            input.contact_email.as_deref(),
        );
        errors.finish(|| details.expect("checked"))
    }
}

/// A municipality to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTenant {
    pub slug: TenantSlug,
    pub details: TenantDetails,
}

impl NewTenant {
    pub fn parse(input: &TenantCreate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let slug = errors.check("slug", TenantSlug::parse(&input.slug));
        let details = TenantDetails::parse_into(
            &mut errors,
            &input.name,
            &input.region,
            input.website.as_deref(),
            input.contact_email.as_deref(),
        );
        errors.finish(|| Self {
            slug: slug.expect("checked"),
            details: details.expect("checked"),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFigureData {
    pub label: LocalizedText,
    pub value: String,
    pub year: Option<i32>,
    pub unit: Option<LocalizedText>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeData {
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureData {
    pub value: String,
    pub label: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighlightData {
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub figure: Option<FigureData>,
}

/// All profile sections of a municipality, replaced together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileContent {
    pub introduction: Option<LocalizedText>,
    pub key_figures: Vec<KeyFigureData>,
    pub programmes: Vec<ProgrammeData>,
    pub achievements: Vec<HighlightData>,
    pub goals: Vec<HighlightData>,
}

fn check_list_length(errors: &mut Errors, field: &str, length: usize) {
    if length > LIST_MAX {
        errors.add(
            field,
            Invalid::new(
                "too_many",
                format!("may hold at most {LIST_MAX} entries (it has {length})"),
            )
            .with("max", LIST_MAX)
            .with("count", length),
        );
    }
}

fn parse_year(errors: &mut Errors, field: &str, year: Option<i32>) -> Option<Option<i32>> {
    match year {
        Some(y) if !(1900..=2100).contains(&y) => {
            errors.add(
                field,
                Invalid::new("year_not_between", "must be a year between 1900 and 2100")
                    .with("min", 1900)
                    .with("max", 2100),
            );
            None
        }
        other => Some(other),
    }
}

fn parse_highlights(errors: &mut Errors, field: &str, items: &[Highlight]) -> Vec<HighlightData> {
    check_list_length(errors, field, items.len());
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let at = format!("{field}[{i}]");
            let title = LocalizedText::parse(
                errors,
                &format!("{at}.title"),
                &item.title,
                TITLE_MAX,
                false,
            );
            let description = LocalizedText::parse(
                errors,
                &format!("{at}.description"),
                &item.description,
                BODY_MAX,
                false,
            );
            let figure = match &item.figure {
                None => Some(None),
                Some(figure) => {
                    let value = errors.check(
                        &format!("{at}.figure.value"),
                        required_text(&figure.value, VALUE_MAX),
                    );
                    let label = LocalizedText::parse(
                        errors,
                        &format!("{at}.figure.label"),
                        &figure.label,
                        LABEL_MAX,
                        false,
                    );
                    Some(Some(FigureData {
                        value: value?,
                        label: label?,
                    }))
                }
            };
            Some(HighlightData {
                title: title?,
                description: description?,
                figure: figure?,
            })
        })
        .collect()
}

impl ProfileContent {
    pub fn parse(input: &Profile) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let introduction = LocalizedText::parse_optional(
            &mut errors,
            "introduction",
            input.introduction.as_ref(),
            BODY_MAX,
        );

        check_list_length(&mut errors, "key_figures", input.key_figures.len());
        let key_figures: Vec<_> = input
            .key_figures
            .iter()
            .enumerate()
            .filter_map(|(i, item): (usize, &KeyFigure)| {
                let at = format!("key_figures[{i}]");
                let label = LocalizedText::parse(
                    &mut errors,
                    &format!("{at}.label"),
                    &item.label,
                    LABEL_MAX,
                    false,
                );
                let value = errors.check(
                    &format!("{at}.value"),
                    required_text(&item.value, VALUE_MAX),
                );
                let year = parse_year(&mut errors, &format!("{at}.year"), item.year);
                let unit = LocalizedText::parse_optional(
                    &mut errors,
                    &format!("{at}.unit"),
                    item.unit.as_ref(),
                    VALUE_MAX,
                );
                let source = errors.check(
                    &format!("{at}.source"),
                    optional_text(item.source.as_deref(), SOURCE_MAX),
                );
                Some(KeyFigureData {
                    label: label?,
                    value: value?,
                    year: year?,
                    unit: unit?,
                    source: source?,
                })
            })
            .collect();

        check_list_length(&mut errors, "programmes", input.programmes.len());
        let programmes: Vec<_> = input
            .programmes
            .iter()
            .enumerate()
            .filter_map(|(i, item): (usize, &Programme)| {
                let at = format!("programmes[{i}]");
                let title = LocalizedText::parse(
                    &mut errors,
                    &format!("{at}.title"),
                    &item.title,
                    TITLE_MAX,
                    false,
                );
                let description = LocalizedText::parse(
                    &mut errors,
                    &format!("{at}.description"),
                    &item.description,
                    BODY_MAX,
                    false,
                );
                let link = errors.check(
                    &format!("{at}.link"),
                    optional_web_url(item.link.as_deref()),
                );
                Some(ProgrammeData {
                    title: title?,
                    description: description?,
                    link: link?,
                })
            })
            .collect();

        let achievements = parse_highlights(&mut errors, "achievements", &input.achievements);
        let goals = parse_highlights(&mut errors, "goals", &input.goals);
        errors.finish(|| Self {
            introduction: introduction.expect("checked"),
            key_figures,
            programmes,
            achievements,
            goals,
        })
    }
}

fn parse_term(
    errors: &mut Errors,
    start_field: &str,
    start: Option<NaiveDate>,
    end_field: &str,
    end: Option<NaiveDate>,
) {
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        errors.add(
            end_field,
            Invalid::new(
                "term_end_before_start",
                format!("must not be before {start_field} ({start})"),
            ),
        );
    }
}

/// The council's founding decision and term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilDetails {
    pub name: LocalizedText,
    pub decision_reference: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_url: Option<String>,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
}

impl CouncilDetails {
    pub fn parse(input: &CouncilUpdate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let name = LocalizedText::parse(&mut errors, "name", &input.name, TITLE_MAX, false);
        let decision_reference = errors.check(
            "decision_reference",
            optional_text(input.decision_reference.as_deref(), TITLE_MAX),
        );
        let decision_url = errors.check(
            "decision_url",
            optional_web_url(input.decision_url.as_deref()),
        );
        parse_term(
            &mut errors,
            "term_start",
            input.term_start,
            "term_end",
            input.term_end,
        );
        errors.finish(|| Self {
            name: name.expect("checked"),
            decision_reference: decision_reference.expect("checked"),
            decision_date: input.decision_date,
            decision_url: decision_url.expect("checked"),
            term_start: input.term_start,
            term_end: input.term_end,
        })
    }
}

/// A council member as the service stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberData {
    pub full_name: String,
    pub category: MemberCategory,
    pub organisation: Option<String>,
    pub role: MemberRole,
    pub membership: Membership,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
    pub email: Option<String>,
}

impl MemberData {
    pub fn parse(input: &MemberInput) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let full_name = errors.check("full_name", required_text(&input.full_name, NAME_MAX));
        let organisation = errors.check(
            "organisation",
            optional_text(input.organisation.as_deref(), TITLE_MAX),
        );
        let email = errors.check("email", optional_email(input.email.as_deref()));
        if input.category.0.is_none() {
            errors.add(
                "category",
                Invalid::new(
                    "choose_one",
                    "is required: municipal_councillor, civil_society, migrant_community or other",
                ),
            );
        }
        if input.role.0.is_none() {
            errors.add(
                "role",
                Invalid::new(
                    "choose_one",
                    "is required: president, vice_president, member or secretary",
                ),
            );
        }
        if input.membership.0.is_none() {
            errors.add(
                "membership",
                Invalid::new("choose_one", "is required: regular or substitute"),
            );
        }
        // The law: the president is one of the municipal councillors.
        if input.role.0 == Some(MemberRole::President)
            && input
                .category
                .0
                .is_some_and(|c| c != MemberCategory::MunicipalCouncillor)
        {
            errors.add(
                "role",
                Invalid::new(
                    "president_not_councillor",
                    "the president must be a municipal councillor (category municipal_councillor)",
                ),
            );
        }
        parse_term(
            &mut errors,
            "term_start",
            input.term_start,
            "term_end",
            input.term_end,
        );
        errors.finish(|| Self {
            full_name: full_name.expect("checked"),
            category: input.category.0.expect("checked"),
            organisation: organisation.expect("checked"),
            role: input.role.0.expect("checked"),
            membership: input.membership.0.expect("checked"),
            term_start: input.term_start,
            term_end: input.term_end,
            email: email.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(el: &str, en: Option<&str>) -> Text {
        Text {
            el: el.into(),
            en: en.map(Into::into),
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn an_empty_tenant_reports_every_required_field() {
        let errors = NewTenant::parse(&TenantCreate::default()).unwrap_err();
        assert_eq!(fields(errors), ["slug", "name.el", "name.en", "region.el"]);
    }

    #[test]
    fn a_valid_tenant_is_trimmed() {
        let tenant = NewTenant::parse(&TenantCreate {
            slug: " athens ".into(),
            name: text(" Δήμος Αθηναίων ", Some("City of Athens")),
            region: text("Αττική", None),
            website: Some("https://www.cityofathens.gr".into()),
            contact_email: Some(" semp@athens.gr ".into()),
        })
        .unwrap();
        assert_eq!(tenant.slug.as_str(), "athens");
        assert_eq!(tenant.details.name.el, "Δήμος Αθηναίων");
        assert_eq!(
            tenant.details.contact_email.as_deref(),
            Some("semp@athens.gr")
        );
    }

    #[test]
    fn profile_errors_carry_the_path_of_the_list_entry() {
        let profile = Profile {
            key_figures: vec![
                KeyFigure {
                    label: text("Ωφελούμενοι", None),
                    value: "2.950".into(),
                    year: Some(2023),
                    ..KeyFigure::default()
                },
                KeyFigure {
                    label: text("", None),
                    value: "".into(),
                    year: Some(3000),
                    unit: Some(text("", Some("hours"))),
                    source: None,
                },
            ],
            ..Profile::default()
        };
        let errors = ProfileContent::parse(&profile).unwrap_err();
        assert_eq!(
            fields(errors),
            [
                "key_figures[1].label.el",
                "key_figures[1].value",
                "key_figures[1].year",
                "key_figures[1].unit.el"
            ]
        );
    }

    #[test]
    fn the_president_must_be_a_municipal_councillor() {
        let errors = MemberData::parse(&MemberInput {
            full_name: "Μαρία Παπαδοπούλου".into(),
            category: MemberCategory::CivilSociety.into(),
            role: MemberRole::President.into(),
            membership: Membership::Regular.into(),
            ..MemberInput::default()
        })
        .unwrap_err();
        assert_eq!(fields(errors), ["role"]);
    }

    #[test]
    fn a_term_cannot_end_before_it_starts() {
        let errors = CouncilDetails::parse(&CouncilUpdate {
            name: text("ΣΕΜΠ", None),
            term_start: NaiveDate::from_ymd_opt(2028, 1, 1),
            term_end: NaiveDate::from_ymd_opt(2024, 1, 1),
            ..CouncilUpdate::default()
        })
        .unwrap_err();
        assert_eq!(fields(errors), ["term_end"]);
    }
}
