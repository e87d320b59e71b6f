//! Demo data: Athens, Piraeus and Thessaloniki with the real profile content of their
//! municipal pages. The files are compiled in, so nothing outside the binary is read at run
//! time. The seeds name no council members: the members here are invented and stored with
//! `is_example`, which every page and API view shows.

use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::{
    api::models::{CouncilUpdate, MemberInput, Profile, TenantCreate},
    domain::{CouncilDetails, MemberData, NewTenant, ProfileContent},
    error::{Result, TenantsError},
    service::{council, profile, tenants},
};

const FILES: [(&str, &str); 3] = [
    ("athens", include_str!("../demo/athens.json")),
    ("piraeus", include_str!("../demo/piraeus.json")),
    ("thessaloniki", include_str!("../demo/thessaloniki.json")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoTenant {
    tenant: TenantCreate,
    profile: Profile,
    council: CouncilUpdate,
    members: Vec<MemberInput>,
}

/// What `load` did, per municipality.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoOutcome {
    pub created: Vec<String>,
    /// Already present: left exactly as they are.
    pub skipped: Vec<String>,
}

fn invalid(slug: &str, part: &str, errors: Vec<council_shared::FieldError>) -> TenantsError {
    TenantsError::Internal(anyhow::anyhow!(
        "demo data for {slug} has an invalid {part}: {errors:?}"
    ))
}

/// Loads the demo municipalities that are missing; each one in a single transaction.
pub async fn load(db: &DatabaseConnection) -> Result<DemoOutcome> {
    let mut outcome = DemoOutcome::default();
    for (slug, json) in FILES {
        let demo: DemoTenant = serde_json::from_str(json)
            .map_err(|e| TenantsError::Internal(anyhow::anyhow!("demo data for {slug}: {e}")))?;
        if tenants::find(db, slug).await.is_ok() {
            outcome.skipped.push(slug.to_string());
            continue;
        }
        let new = NewTenant::parse(&demo.tenant).map_err(|e| invalid(slug, "tenant", e))?;
        let content =
            ProfileContent::parse(&demo.profile).map_err(|e| invalid(slug, "profile", e))?;
        let details =
            CouncilDetails::parse(&demo.council).map_err(|e| invalid(slug, "council", e))?;
        let members = demo
            .members
            .iter()
            .map(MemberData::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| invalid(slug, "member", e))?;

        let txn = council_shared::database::begin_write(db).await?;
        tenants::create(&txn, new).await?;
        profile::replace(&txn, slug, content).await?;
        council::save_details(&txn, slug, details).await?;
        for member in members {
            council::add_member(&txn, slug, member, true).await?;
        }
        txn.commit().await?;
        tracing::info!(slug, "demo municipality loaded");
        outcome.created.push(slug.to_string());
    }
    Ok(outcome)
}
