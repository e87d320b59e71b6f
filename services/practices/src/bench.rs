//! Generated practices for the search benchmark (`infra/bench/practices.sh`): varied
//! Greek and English text, sectors, themes, goals, places and years, written straight to
//! the tables in batches, published. Deterministic: the same count gives the same data.

use chrono::{NaiveDate, Utc};
use council_shared::search::fold;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};

use crate::{
    domain::{Audience, Bilingual, Duration, Organisation, PracticeContent, ResultRow, Sector},
    entities::{practice, revision},
    service::lifecycle,
};

const WORDS: [&str; 40] = [
    "ένταξη",
    "μεταναστών",
    "προσφύγων",
    "απασχόληση",
    "κατάρτιση",
    "στέγαση",
    "υγεία",
    "εκπαίδευση",
    "ελληνικά",
    "μαθήματα",
    "παιδιά",
    "νέοι",
    "γυναίκες",
    "οικογένειες",
    "διερμηνεία",
    "διαμεσολάβηση",
    "αλληλεγγύη",
    "κοινότητα",
    "γειτονιά",
    "συμμετοχή",
    "πολιτισμός",
    "αθλητισμός",
    "νομική",
    "υποστήριξη",
    "συμβουλευτική",
    "δίκτυο",
    "εθελοντές",
    "δήμος",
    "κέντρο",
    "πρόγραμμα",
    "integration",
    "employment",
    "housing",
    "language",
    "youth",
    "women",
    "community",
    "support",
    "training",
    "inclusion",
];
const THEMES: [&str; 11] = [
    "employment",
    "education_language",
    "housing",
    "health",
    "social_inclusion",
    "participation",
    "culture",
    "children_youth",
    "gender_based_violence",
    "legal_support",
    "reception",
];

/// A small deterministic generator (no need for randomness of quality here).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }

    fn words(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| WORDS[self.next(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn content(n: usize, rng: &mut Lcg, municipalities: &[String]) -> PracticeContent {
    let sector = Sector::ALL[rng.next(Sector::ALL.len())];
    let from = 2012 + rng.next(13) as i32;
    let ongoing = rng.next(3) == 0;
    let place = municipalities
        .get(rng.next(municipalities.len().max(1)))
        .cloned();
    PracticeContent {
        title: Bilingual {
            el: Some(format!("{} {n}", rng.words(5))),
            en: Some(rng.words(4)),
        },
        summary: Bilingual {
            el: Some(rng.words(25)),
            en: None,
        },
        sector: Some(sector),
        thematic_areas: vec![
            THEMES[rng.next(THEMES.len())].into(),
            THEMES[rng.next(THEMES.len())].into(),
        ],
        audiences: vec![Audience::ALL[rng.next(Audience::ALL.len())]],
        organisation: Organisation {
            name: format!("Οργάνωση {}", rng.words(2)),
            ..Default::default()
        },
        objective: Bilingual {
            el: Some(rng.words(30)),
            en: None,
        },
        duration: Duration {
            from: NaiveDate::from_ymd_opt(from, 1 + rng.next(12) as u32, 1),
            to: (!ongoing)
                .then(|| NaiveDate::from_ymd_opt(from + 1 + rng.next(4) as i32, 12, 31))
                .flatten(),
            ongoing,
        },
        description: Bilingual {
            el: Some(
                (0..4)
                    .map(|_| rng.words(45))
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
            en: Some(rng.words(60)),
        },
        impact: Bilingual {
            el: Some(rng.words(40)),
            en: None,
        },
        locations: place.into_iter().collect(),
        results: vec![ResultRow {
            label: Bilingual {
                el: Some("Ωφελούμενοι".into()),
                en: Some("Beneficiaries".into()),
            },
            figures: (from..from + 3)
                .map(|y| (y.to_string(), rng.next(5000) as i64))
                .collect(),
        }],
        sdgs: vec![1 + rng.next(17) as u8],
        ..Default::default()
    }
}

/// Writes `count` published practices; returns how many it wrote.
pub async fn generate(
    db: &DatabaseConnection,
    count: usize,
    municipalities: &[String],
) -> anyhow::Result<usize> {
    let mut rng = Lcg(20_261_122);
    let first = lifecycle::count(db).await? as usize;
    for batch in (0..count).collect::<Vec<_>>().chunks(500) {
        let txn = council_shared::database::begin_write(db).await?;
        for &n in batch {
            let content = content(first + n, &mut rng, municipalities);
            let now = Utc::now();
            let row = practice::Entity::insert(practice::ActiveModel {
                slug: Set(format!("bench-practice-{}", first + n)),
                author_user_id: Set(0),
                tenant_id: Set(None),
                state: Set("published".into()),
                published_revision: Set(Some(1)),
                search_title: Set(fold(&content.title.both())),
                search_body: Set(fold(&content.body_text())),
                created_at: Set(now),
                updated_at: Set(now),
                published_at: Set(Some(now)),
                archived_at: Set(None),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
            revision::Entity::insert(revision::ActiveModel {
                practice_id: Set(row.last_insert_id),
                number: Set(1),
                content: Set(serde_json::to_string(&content)?),
                created_by_user_id: Set(0),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
        }
        txn.commit().await?;
    }
    Ok(count)
}
