//! A good practice's vocabulary and rules: its fields (as the national directory's entries
//! have them, seed 003), its sectors and audiences, its states and who moves it between
//! them, and the validated content the service stores.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use council_shared::{
    FieldError, text_enum,
    validation::{Errors, Invalid, optional_text, optional_web_url, required_text, web_url},
};
use poem_openapi::Object;
use serde::{Deserialize, Serialize};

text_enum!(
    /// Who runs the practice (the directory's ΤΟΜΕΑΣ).
    Sector {
        Municipality => "municipality",
        CivilSociety => "civil_society",
        Business => "business",
        Academia => "academia",
        InternationalOrganisation => "international_organisation",
        Other => "other",
    }
);
text_enum!(
    /// Whom the practice serves, for the audience filter.
    Audience {
        Refugees => "refugees",
        AsylumSeekers => "asylum_seekers",
        Migrants => "migrants",
        UnaccompaniedMinors => "unaccompanied_minors",
        Women => "women",
        Children => "children",
        Youth => "youth",
        Families => "families",
        Professionals => "professionals",
        GeneralPublic => "general_public",
    }
);
text_enum!(
    /// draft → submitted → in_review → published, or changes_requested (back to the
    /// author), or rejected; a published practice may be archived.
    PracticeState {
        Draft => "draft",
        Submitted => "submitted",
        InReview => "in_review",
        ChangesRequested => "changes_requested",
        Published => "published",
        Rejected => "rejected",
        Archived => "archived",
    }
);

/// What may be done to a practice, and by whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Edit,
    Submit,
    StartReview,
    Publish,
    RequestChanges,
    Reject,
    Archive,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Edit => "edit",
            Action::Submit => "submit",
            Action::StartReview => "review",
            Action::Publish => "publish",
            Action::RequestChanges => "request_changes",
            Action::Reject => "reject",
            Action::Archive => "archive",
        }
    }

    /// Moderators decide; authors edit and submit.
    pub fn is_moderation(self) -> bool {
        !matches!(self, Action::Edit | Action::Submit)
    }
}

impl PracticeState {
    /// What this state allows. A practice with a published version may always get a new
    /// revision from its author (the public version stays until the update is approved).
    pub fn allowed(self, has_published: bool) -> Vec<Action> {
        use Action::*;
        match self {
            Self::Draft | Self::ChangesRequested => vec![Edit, Submit],
            Self::Submitted => vec![StartReview, Publish, RequestChanges, Reject],
            Self::InReview => vec![Publish, RequestChanges, Reject],
            Self::Published => vec![Edit, Archive],
            Self::Rejected if has_published => vec![Edit],
            Self::Rejected | Self::Archived => Vec::new(),
        }
    }

    /// The state an action leads to.
    pub fn after(action: Action) -> Self {
        match action {
            Action::Edit => Self::Draft,
            Action::Submit => Self::Submitted,
            Action::StartReview => Self::InReview,
            Action::Publish => Self::Published,
            Action::RequestChanges => Self::ChangesRequested,
            Action::Reject => Self::Rejected,
            Action::Archive => Self::Archived,
        }
    }
}

/// Text in Greek and/or English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
pub struct Bilingual {
    #[oai(skip_serializing_if_is_none)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub el: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Bilingual {
    /// Both languages, for search.
    pub fn both(&self) -> String {
        format!(
            "{} {}",
            self.el.as_deref().unwrap_or_default(),
            self.en.as_deref().unwrap_or_default()
        )
    }

    pub fn is_empty(&self) -> bool {
        self.el.is_none() && self.en.is_none()
    }
}

/// The organisation that submitted the practice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    pub name: String,
    #[oai(default)]
    #[serde(default)]
    pub description: Bilingual,
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub website: Option<String>,
    /// The municipality's slug, when a municipality submitted it.
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub tenant: Option<String>,
}

/// From when to when the practice runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
pub struct Duration {
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub to: Option<NaiveDate>,
    #[oai(default)]
    #[serde(default)]
    pub ongoing: bool,
}

/// One line of the results table: a label and a number per year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
pub struct ResultRow {
    pub label: Bilingual,
    /// Year → figure, such as `{"2019": 1234}`.
    pub figures: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A photo shown with the practice: an uploaded image (`POST .../files`) and the text that
/// describes it to readers who cannot see it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
pub struct Photo {
    /// The id of an image uploaded to this practice.
    pub file: i64,
    /// Required: what the photo shows, for screen readers.
    pub alt: Bilingual,
    #[oai(default)]
    #[serde(default)]
    pub caption: Bilingual,
}

/// A document offered with the practice: an uploaded file and its title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The id of a file uploaded to this practice.
    pub file: i64,
    pub title: Bilingual,
}

/// A practice's content: what an author writes and a moderator publishes. Missing fields
/// read as empty, so that `parse` names every one that is required at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Object, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeContent {
    pub title: Bilingual,
    pub summary: Bilingual,
    pub sector: Option<Sector>,
    /// Codes from `GET /practice-themes`.
    #[oai(default)]
    #[serde(default)]
    pub thematic_areas: Vec<String>,
    #[oai(default)]
    #[serde(default)]
    pub audiences: Vec<Audience>,
    pub organisation: Organisation,
    #[oai(default)]
    #[serde(default)]
    pub objective: Bilingual,
    #[oai(default)]
    #[serde(default)]
    pub target_audience: Bilingual,
    #[oai(default)]
    #[serde(default)]
    pub duration: Duration,
    /// Markdown, sanitised when shown.
    pub description: Bilingual,
    #[oai(default)]
    #[serde(default)]
    pub impact: Bilingual,
    /// Slugs of the municipalities on the platform where it runs.
    #[oai(default)]
    #[serde(default)]
    pub locations: Vec<String>,
    /// Other places, as written.
    #[oai(default)]
    #[serde(default)]
    pub other_locations: Vec<String>,
    #[oai(default)]
    #[serde(default)]
    pub partners: Vec<String>,
    #[oai(default)]
    #[serde(default)]
    pub staff_participation: Bilingual,
    #[oai(default)]
    #[serde(default)]
    pub volunteer_participation: Bilingual,
    #[oai(default)]
    #[serde(default)]
    pub results: Vec<ResultRow>,
    /// UN Sustainable Development Goals, 1 to 17.
    #[oai(default)]
    #[serde(default)]
    pub sdgs: Vec<u8>,
    #[oai(default)]
    #[serde(default)]
    pub links: Vec<Link>,
    /// Photos, each with alt text (required).
    #[oai(default)]
    #[serde(default)]
    pub photos: Vec<Photo>,
    #[oai(default)]
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
}

/// How complete content must be: a draft may be saved at any point (only its title is
/// needed, to name it), while a submission needs every required field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Draft,
    Submission,
}

const SHORT: usize = 300;
const MEDIUM: usize = 2_000;
const LONG: usize = 20_000;
const MAX_ITEMS: usize = 50;

fn bilingual(
    errors: &mut Errors,
    field: &str,
    text: &Bilingual,
    max: usize,
    required: bool,
) -> Bilingual {
    let el = errors
        .check(
            &format!("{field}.el"),
            optional_text(text.el.as_deref(), max),
        )
        .flatten();
    let en = errors
        .check(
            &format!("{field}.en"),
            optional_text(text.en.as_deref(), max),
        )
        .flatten();
    if required && el.is_none() && en.is_none() {
        errors.add(
            field,
            Invalid::new(
                "required_el_or_en",
                "is required in Greek or English (or both)",
            ),
        );
    }
    Bilingual { el, en }
}

fn list(errors: &mut Errors, field: &str, items: &[String], max: usize) -> Vec<String> {
    if items.len() > MAX_ITEMS {
        errors.add(field, too_many(MAX_ITEMS, items.len()));
    }
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| errors.check(&format!("{field}[{i}]"), required_text(item, max)))
        .collect()
}

fn too_many(max: usize, count: usize) -> Invalid {
    Invalid::new("too_many", format!("must have at most {max} entries"))
        .with("max", max)
        .with("count", count)
}

fn not_a_choice(message: String) -> Invalid {
    Invalid::new("not_a_choice", message)
}

impl PracticeContent {
    /// Checks every field against the platform's thematic areas and municipalities; every
    /// invalid field is reported at once. A draft needs only its title; a submission also
    /// its summary, sector, organisation and description.
    pub fn parse(
        input: &PracticeContent,
        themes: &[String],
        municipalities: &[String],
        completeness: Completeness,
    ) -> Result<PracticeContent, Vec<FieldError>> {
        let complete = completeness == Completeness::Submission;
        let mut errors = Errors::new();
        let title = bilingual(&mut errors, "title", &input.title, SHORT, true);
        let summary = bilingual(&mut errors, "summary", &input.summary, MEDIUM, complete);
        if complete && input.sector.is_none() {
            errors.add("sector", Invalid::required());
        }
        let mut thematic_areas = Vec::new();
        for (i, code) in input.thematic_areas.iter().enumerate() {
            if !themes.contains(code) {
                errors.add(
                    format!("thematic_areas[{i}]"),
                    not_a_choice(format!(
                        "`{code}` is not one of the platform's thematic areas"
                    )),
                );
            } else if !thematic_areas.contains(code) {
                thematic_areas.push(code.clone());
            }
        }
        let mut audiences = input.audiences.clone();
        audiences.dedup();
        let organisation = Organisation {
            name: if complete {
                errors.check(
                    "organisation.name",
                    required_text(&input.organisation.name, SHORT),
                )
            } else {
                errors
                    .check(
                        "organisation.name",
                        optional_text(Some(&input.organisation.name), SHORT),
                    )
                    .flatten()
            }
            .unwrap_or_default(),
            description: bilingual(
                &mut errors,
                "organisation.description",
                &input.organisation.description,
                MEDIUM,
                false,
            ),
            website: errors
                .check(
                    "organisation.website",
                    optional_web_url(input.organisation.website.as_deref()),
                )
                .flatten(),
            tenant: match input
                .organisation
                .tenant
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                Some(slug) if municipalities.iter().any(|m| m == slug) => Some(slug.to_string()),
                Some(slug) => {
                    errors.add(
                        "organisation.tenant",
                        not_a_choice(format!("no municipality `{slug}` on the platform")),
                    );
                    None
                }
                None => None,
            },
        };
        let duration = input.duration.clone();
        if let (Some(from), Some(to)) = (duration.from, duration.to)
            && to < from
        {
            errors.add(
                "duration.to",
                Invalid::new("ends_before_start", "must not be before `duration.from`"),
            );
        }
        if duration.ongoing && duration.to.is_some() {
            errors.add(
                "duration.to",
                Invalid::new("ongoing_has_no_end", "an ongoing practice has no end date"),
            );
        }
        let mut locations = Vec::new();
        for (i, slug) in input.locations.iter().enumerate() {
            if !municipalities.contains(slug) {
                errors.add(
                    format!("locations[{i}]"),
                    not_a_choice(format!("no municipality `{slug}` on the platform")),
                );
            } else if !locations.contains(slug) {
                locations.push(slug.clone());
            }
        }
        let mut results = Vec::new();
        if input.results.len() > MAX_ITEMS {
            errors.add("results", too_many(MAX_ITEMS, input.results.len()));
        }
        for (i, row) in input.results.iter().enumerate() {
            let label = bilingual(
                &mut errors,
                &format!("results[{i}].label"),
                &row.label,
                SHORT,
                true,
            );
            for year in row.figures.keys() {
                if !year
                    .parse::<i32>()
                    .is_ok_and(|y| (1990..=2100).contains(&y))
                {
                    errors.add(
                        format!("results[{i}].figures"),
                        Invalid::new(
                            "year_not_between",
                            format!("`{year}` is not a year from 1990 to 2100"),
                        )
                        .with("min", 1990)
                        .with("max", 2100),
                    );
                }
            }
            results.push(ResultRow {
                label,
                figures: row.figures.clone(),
            });
        }
        let mut sdgs = Vec::new();
        for (i, goal) in input.sdgs.iter().enumerate() {
            if !(1..=17).contains(goal) {
                errors.add(
                    format!("sdgs[{i}]"),
                    not_a_choice("is a goal number from 1 to 17".into()),
                );
            } else if !sdgs.contains(goal) {
                sdgs.push(*goal);
            }
        }
        sdgs.sort_unstable();
        let mut links = Vec::new();
        for (i, link) in input.links.iter().enumerate().take(MAX_ITEMS) {
            let label = errors.check(
                &format!("links[{i}].label"),
                required_text(&link.label, SHORT),
            );
            let url = errors.check(&format!("links[{i}].url"), web_url(&link.url));
            if let (Some(label), Some(url)) = (label, url) {
                links.push(Link { label, url });
            }
        }
        let mut photos = Vec::new();
        if input.photos.len() > 20 {
            errors.add("photos", too_many(20, input.photos.len()));
        }
        for (i, photo) in input.photos.iter().enumerate().take(20) {
            let alt = bilingual(
                &mut errors,
                &format!("photos[{i}].alt"),
                &photo.alt,
                SHORT,
                true,
            );
            let caption = bilingual(
                &mut errors,
                &format!("photos[{i}].caption"),
                &photo.caption,
                SHORT,
                false,
            );
            photos.push(Photo {
                file: photo.file,
                alt,
                caption,
            });
        }
        let mut documents = Vec::new();
        for (i, document) in input.documents.iter().enumerate().take(MAX_ITEMS) {
            let title = bilingual(
                &mut errors,
                &format!("documents[{i}].title"),
                &document.title,
                SHORT,
                true,
            );
            documents.push(DocumentRef {
                file: document.file,
                title,
            });
        }
        let content = PracticeContent {
            photos,
            documents,
            title,
            summary,
            sector: input.sector,
            thematic_areas,
            audiences,
            organisation,
            objective: bilingual(&mut errors, "objective", &input.objective, MEDIUM, false),
            target_audience: bilingual(
                &mut errors,
                "target_audience",
                &input.target_audience,
                MEDIUM,
                false,
            ),
            duration,
            description: bilingual(
                &mut errors,
                "description",
                &input.description,
                LONG,
                complete,
            ),
            impact: bilingual(&mut errors, "impact", &input.impact, LONG, false),
            locations,
            other_locations: list(
                &mut errors,
                "other_locations",
                &input.other_locations,
                SHORT,
            ),
            partners: list(&mut errors, "partners", &input.partners, SHORT),
            staff_participation: bilingual(
                &mut errors,
                "staff_participation",
                &input.staff_participation,
                MEDIUM,
                false,
            ),
            volunteer_participation: bilingual(
                &mut errors,
                "volunteer_participation",
                &input.volunteer_participation,
                MEDIUM,
                false,
            ),
            results,
            sdgs,
            links,
        };
        errors.finish(|| content)
    }

    /// The ids of the uploaded files this content shows.
    pub fn file_ids(&self) -> Vec<i64> {
        self.photos
            .iter()
            .map(|p| p.file)
            .chain(self.documents.iter().map(|d| d.file))
            .collect()
    }

    /// The years the practice ran in (for the year filter): from its start to its end, or
    /// to `this_year` while ongoing; at most 30 years.
    pub fn years(&self, this_year: i32) -> Vec<i32> {
        use chrono::Datelike;
        let Some(from) = self.duration.from.map(|d| d.year()) else {
            return Vec::new();
        };
        let to = match (self.duration.to, self.duration.ongoing) {
            (Some(to), _) => to.year(),
            (None, true) => this_year,
            (None, false) => from,
        };
        (from.max(to - 29)..=to).collect()
    }

    /// The words a search looks at besides the title.
    pub fn body_text(&self) -> String {
        [
            self.summary.both(),
            self.description.both(),
            self.objective.both(),
            self.target_audience.both(),
            self.impact.both(),
            self.organisation.name.clone(),
            self.partners.join(" "),
            self.other_locations.join(" "),
        ]
        .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> PracticeContent {
        PracticeContent {
            title: Bilingual {
                el: Some("Τίτλος".into()),
                en: None,
            },
            summary: Bilingual {
                el: None,
                en: Some("Summary".into()),
            },
            sector: Some(Sector::CivilSociety),
            organisation: Organisation {
                name: "ΜΚΟ".into(),
                ..Default::default()
            },
            description: Bilingual {
                el: Some("Περιγραφή".into()),
                en: None,
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_practice_needs_a_title_summary_description_sector_and_organisation() {
        let errors = PracticeContent::parse(
            &PracticeContent::default(),
            &[],
            &[],
            Completeness::Submission,
        )
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for field in [
            "title",
            "summary",
            "sector",
            "organisation.name",
            "description",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        assert!(PracticeContent::parse(&minimal(), &[], &[], Completeness::Submission).is_ok());
        // A draft needs only its title.
        let draft = PracticeContent {
            title: minimal().title,
            ..Default::default()
        };
        assert!(PracticeContent::parse(&draft, &[], &[], Completeness::Draft).is_ok());
    }

    #[test]
    fn unknown_themes_places_goals_and_years_are_named() {
        let mut input = minimal();
        input.thematic_areas = vec!["astrology".into()];
        input.locations = vec!["atlantis".into()];
        input.sdgs = vec![18];
        input.results = vec![ResultRow {
            label: Bilingual {
                el: Some("Ωφελούμενοι".into()),
                en: None,
            },
            figures: BTreeMap::from([("19".into(), 3)]),
        }];
        let errors = PracticeContent::parse(
            &input,
            &["employment".into()],
            &["athens".into()],
            Completeness::Submission,
        )
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "thematic_areas[0]",
                "locations[0]",
                "results[0].figures",
                "sdgs[0]"
            ]
        );
    }

    #[test]
    fn only_valid_steps_are_allowed_and_a_published_practice_can_be_updated() {
        assert!(
            PracticeState::Published
                .allowed(true)
                .contains(&Action::Edit)
        );
        assert!(
            !PracticeState::Draft
                .allowed(false)
                .contains(&Action::Publish)
        );
        assert!(PracticeState::Rejected.allowed(false).is_empty());
        assert_eq!(PracticeState::Rejected.allowed(true), vec![Action::Edit]);
    }

    #[test]
    fn an_ongoing_practice_counts_every_year_to_this_one() {
        let mut content = minimal();
        content.duration = Duration {
            from: NaiveDate::from_ymd_opt(2021, 5, 1),
            to: None,
            ongoing: true,
        };
        assert_eq!(content.years(2024), vec![2021, 2022, 2023, 2024]);
    }
}
