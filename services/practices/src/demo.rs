//! The demo practices: the SolidarityNow practice of seed 003 and the practices the Athens
//! and Thessaloniki pages name, with their real text and figures
//! (`services/practices/demo/practices.json`). Loaded, submitted and published once.

use council_shared::council::CouncilDirectory;
use serde::Deserialize;

use crate::{
    domain::{
        Audience, Bilingual, Duration, Link, Organisation, PracticeContent, ResultRow, Sector,
    },
    service::{self, Actor, lifecycle},
};

const PRACTICES: &str = include_str!("../demo/practices.json");

#[derive(Deserialize)]
struct DemoOrganisation {
    name: String,
    description: Option<Bilingual>,
    website: Option<String>,
    tenant: Option<String>,
}

/// A seed entry, where absent texts are `null`.
#[derive(Deserialize)]
struct DemoPractice {
    slug: String,
    title: Bilingual,
    summary: Bilingual,
    sector: Sector,
    thematic_areas: Vec<String>,
    #[serde(default)]
    audiences: Vec<Audience>,
    organisation: DemoOrganisation,
    objective: Option<Bilingual>,
    target_audience: Option<Bilingual>,
    duration: Duration,
    description: Bilingual,
    impact: Option<Bilingual>,
    locations: Vec<String>,
    other_locations: Vec<String>,
    partners: Vec<String>,
    staff_participation: Option<Bilingual>,
    volunteer_participation: Option<Bilingual>,
    results: Vec<ResultRow>,
    sdgs: Vec<u8>,
    links: Vec<Link>,
}

impl DemoPractice {
    fn content(self) -> (String, PracticeContent) {
        let content = PracticeContent {
            title: self.title,
            summary: self.summary,
            sector: Some(self.sector),
            thematic_areas: self.thematic_areas,
            audiences: self.audiences,
            organisation: Organisation {
                name: self.organisation.name,
                description: self.organisation.description.unwrap_or_default(),
                website: self.organisation.website,
                tenant: self.organisation.tenant,
            },
            objective: self.objective.unwrap_or_default(),
            target_audience: self.target_audience.unwrap_or_default(),
            duration: self.duration,
            description: self.description,
            impact: self.impact.unwrap_or_default(),
            locations: self.locations,
            other_locations: self.other_locations,
            partners: self.partners,
            staff_participation: self.staff_participation.unwrap_or_default(),
            volunteer_participation: self.volunteer_participation.unwrap_or_default(),
            results: self.results,
            sdgs: self.sdgs,
            links: self.links,
            photos: Vec::new(),
            documents: Vec::new(),
        };
        (self.slug, content)
    }
}

/// Loads the demo practices when there are none; returns how many it published.
pub async fn load(
    db: &sea_orm::DatabaseConnection,
    directory: &dyn CouncilDirectory,
) -> anyhow::Result<usize> {
    if lifecycle::count(db).await? > 0 {
        return Ok(0);
    }
    let entries: Vec<DemoPractice> =
        serde_json::from_str(PRACTICES).map_err(|e| anyhow::anyhow!("demo practices: {e}"))?;
    let municipalities: Vec<(String, i64)> = directory
        .all()
        .await?
        .into_iter()
        .map(|r| (r.tenant.slug.as_str().to_string(), r.tenant.id))
        .collect();
    let slugs: Vec<String> = municipalities.iter().map(|(s, _)| s.clone()).collect();
    let themes: Vec<String> = service::themes(db)
        .await?
        .into_iter()
        .map(|t| t.code)
        .collect();
    let loader = Actor {
        user_id: 0,
        name: "Δεδομένα επίδειξης".into(),
        platform_admin: true,
        administers: Vec::new(),
        writes_for: Vec::new(),
    };
    let mut published = 0;
    for entry in entries {
        let (slug, input) = entry.content();
        let content = PracticeContent::parse(
            &input,
            &themes,
            &slugs,
            crate::domain::Completeness::Submission,
        )
        .map_err(|errors| anyhow::anyhow!("demo practice {slug}: {errors:?}"))?;
        let tenant_id = content
            .organisation
            .tenant
            .as_ref()
            .and_then(|t| municipalities.iter().find(|(s, _)| s == t))
            .map(|(_, id)| *id);
        let created =
            lifecycle::create(db, &loader, &content, tenant_id, Some(slug.as_str())).await?;
        let submitted =
            lifecycle::act(db, &loader, created, crate::domain::Action::Submit, None).await?;
        lifecycle::act(db, &loader, submitted, crate::domain::Action::Publish, None).await?;
        published += 1;
    }
    Ok(published)
}
