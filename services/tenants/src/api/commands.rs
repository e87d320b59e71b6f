//! Changes to a municipality's council, each as one function that checks who is asking,
//! parses the request into the domain's types and calls the service. The JSON API and the
//! workspace's pages both call these with the same input types: one set of rules, one
//! permission check.

use council_shared::auth::Principal;

use super::models::{CouncilUpdate, MemberInput, Profile, TenantCreate, TenantUpdate, Warning};
use crate::{
    domain::{CouncilDetails, MemberData, NewTenant, ProfileContent, TenantDetails},
    entities::{council as council_row, council_member, tenant},
    error::TenantsError,
    public::TenantReads,
    service::{council, profile, tenants},
};

/// The municipality, if the caller administers it: 404 for an unknown one, 403 otherwise.
pub async fn check_administers(
    db: &sea_orm::DatabaseConnection,
    caller: &Principal,
    slug: &str,
) -> Result<tenant::Model, TenantsError> {
    let tenant = tenants::find(db, slug).await?;
    if !caller.administers(tenant.id) {
        return Err(TenantsError::Forbidden(
            "only this municipality's administrators may do this".into(),
        ));
    }
    Ok(tenant)
}

/// A member's version as a form carries it: the time of its last change.
pub fn member_version(member: &council_member::Model) -> String {
    member.updated_at.timestamp_micros().to_string()
}

/// Adds a member; the council's warnings after the change (too few regular members...).
pub async fn add_member(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    slug: &str,
    body: &MemberInput,
) -> Result<(council_member::Model, Vec<Warning>), TenantsError> {
    check_administers(db, caller, slug).await?;
    let member = MemberData::parse(body).map_err(TenantsError::Invalid)?;
    let saved = council::add_member(db, slug, member, false).await?;
    reads.invalidate(slug);
    Ok(saved)
}

/// Changes a member. `seen`: the version the form showed, when there was a form.
pub async fn update_member(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &MemberInput,
    seen: Option<&str>,
) -> Result<(council_member::Model, Vec<Warning>), TenantsError> {
    let tenant = check_administers(db, caller, slug).await?;
    let member = MemberData::parse(body).map_err(TenantsError::Invalid)?;
    if let Some(seen) = seen.filter(|s| !s.is_empty()) {
        let current = council::find_member(db, tenant.id, id).await?;
        if member_version(&current) != seen {
            return Err(TenantsError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::CHANGED_MEANWHILE,
                    "the member was changed by someone else since this form was opened",
                ),
            ));
        }
    }
    let saved = council::update_member(db, slug, id, member).await?;
    reads.invalidate(slug);
    Ok(saved)
}

/// The council's details' version as a form carries it (`none` before they are saved).
pub fn council_version(council: Option<&council_row::Model>) -> String {
    council.map_or_else(
        || "none".to_string(),
        |c| c.updated_at.timestamp_micros().to_string(),
    )
}

/// Saves the council's name, founding decision and term. `seen`: the version the form
/// showed, when there was a form.
pub async fn save_council_details(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    slug: &str,
    body: &CouncilUpdate,
    seen: Option<&str>,
) -> Result<(), TenantsError> {
    let tenant = check_administers(db, caller, slug).await?;
    let details = CouncilDetails::parse(body).map_err(TenantsError::Invalid)?;
    if let Some(seen) = seen.filter(|s| !s.is_empty()) {
        let stored = council::load(db, tenant.id).await?;
        if council_version(stored.council.as_ref()) != seen {
            return Err(TenantsError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::CHANGED_MEANWHILE,
                    "the council's details were changed by someone else since this form was opened",
                ),
            ));
        }
    }
    council::save_details(db, slug, details).await?;
    reads.invalidate(slug);
    Ok(())
}

/// The profile's version as a form carries it: the time of the municipality's last change.
pub fn profile_version(tenant: &tenant::Model) -> String {
    tenant.updated_at.timestamp_micros().to_string()
}

/// Replaces the profile's sections together. `seen`: the version the form showed, when
/// there was a form; a profile changed since is refused, not overwritten.
pub async fn replace_profile(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    slug: &str,
    body: &Profile,
    seen: Option<&str>,
) -> Result<(), TenantsError> {
    let tenant = check_administers(db, caller, slug).await?;
    let content = ProfileContent::parse(body).map_err(TenantsError::Invalid)?;
    if seen.is_some_and(|seen| !seen.is_empty() && seen != profile_version(&tenant)) {
        return Err(TenantsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::CHANGED_MEANWHILE,
                "the profile was changed by someone else since this form was opened",
            ),
        ));
    }
    profile::replace(db, slug, content).await?;
    reads.invalidate(slug);
    Ok(())
}

/// Only the platform's operators add, archive and restore municipalities.
fn operators_only(caller: &Principal, what: &str) -> Result<(), TenantsError> {
    if caller.is_platform_admin() {
        Ok(())
    } else {
        Err(TenantsError::Forbidden(format!(
            "only platform administrators {what}"
        )))
    }
}

/// Adds a municipality (platform administrators).
pub async fn create_tenant(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    body: &TenantCreate,
) -> Result<tenant::Model, TenantsError> {
    operators_only(caller, "add municipalities")?;
    let new = NewTenant::parse(body).map_err(TenantsError::Invalid)?;
    let created = tenants::create(db, new).await?;
    reads.invalidate(&created.slug);
    Ok(created)
}

/// A municipality's version as a form carries it: the time of its last change.
pub fn tenant_version(tenant: &tenant::Model) -> String {
    tenant.updated_at.timestamp_micros().to_string()
}

/// Changes a municipality's details (its administrators, platform ones included).
/// `seen`: the version the form showed, when there was a form.
pub async fn update_details(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    slug: &str,
    body: &TenantUpdate,
    seen: Option<&str>,
) -> Result<tenant::Model, TenantsError> {
    let current = check_administers(db, caller, slug).await?;
    let details = TenantDetails::parse(body).map_err(TenantsError::Invalid)?;
    if let Some(seen) = seen.filter(|s| !s.is_empty())
        && tenant_version(&current) != seen
    {
        return Err(TenantsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::CHANGED_MEANWHILE,
                "the municipality was changed by someone else since this form was opened",
            ),
        ));
    }
    let saved = tenants::update(db, slug, details).await?;
    reads.invalidate(slug);
    Ok(saved)
}

/// Archives (`true`) or restores a municipality (platform administrators).
pub async fn set_archived(
    (db, reads): (&sea_orm::DatabaseConnection, &TenantReads),
    caller: &Principal,
    slug: &str,
    archived: bool,
) -> Result<tenant::Model, TenantsError> {
    operators_only(caller, "archive and restore municipalities")?;
    let saved = tenants::set_archived(db, slug, archived).await?;
    reads.invalidate(slug);
    Ok(saved)
}
