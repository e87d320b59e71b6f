//! A municipality's council (ΣΕΜΠ): its details and its members, with the law's rules.

use chrono::{NaiveDate, Utc};
use council_shared::{council::MemberContact, database::is_unique_violation};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

use crate::{
    api::models::{MemberRole, Membership, Warning},
    domain::{CouncilDetails, MemberData},
    entities::{council, council_member},
    error::{Result, TenantsError},
    service::tenants,
};

pub const MIN_REGULAR_MEMBERS: usize = 5;
pub const MAX_REGULAR_MEMBERS: usize = 11;

pub struct StoredCouncil {
    pub council: Option<council::Model>,
    /// In display order: by role, regular before substitute, then by name.
    pub members: Vec<council_member::Model>,
}

#[tracing::instrument(skip(db))]
pub async fn load(db: &impl ConnectionTrait, tenant_id: i64) -> Result<StoredCouncil> {
    let council = council::Entity::find_by_id(tenant_id).one(db).await?;
    let mut members = council_member::Entity::find()
        .filter(council_member::Column::TenantId.eq(tenant_id))
        .order_by_asc(council_member::Column::Id)
        .all(db)
        .await?;
    members.sort_by(|a, b| {
        (a.membership != "regular", role_rank(&a.role), &a.full_name).cmp(&(
            b.membership != "regular",
            role_rank(&b.role),
            &b.full_name,
        ))
    });
    Ok(StoredCouncil { council, members })
}

/// Where each member's notices go: the private address in their record, else the address
/// of the account that holds a live council-member role linked to the record. Members with
/// neither are left out (the caller counts them from the roster).
#[tracing::instrument(skip(db))]
pub async fn contacts(db: &impl ConnectionTrait, tenant_id: i64) -> Result<Vec<MemberContact>> {
    use crate::entities::{role_grant, user};
    let members = council_member::Entity::find()
        .filter(council_member::Column::TenantId.eq(tenant_id))
        .order_by_asc(council_member::Column::Id)
        .all(db)
        .await?;
    let linked = role_grant::Entity::find()
        .filter(role_grant::Column::TenantId.eq(tenant_id))
        .filter(role_grant::Column::Role.eq("council_member"))
        .filter(role_grant::Column::MemberId.is_not_null())
        .filter(role_grant::Column::UserId.is_not_null())
        .filter(role_grant::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    let users: std::collections::HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(linked.iter().filter_map(|g| g.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    Ok(members
        .into_iter()
        .filter_map(|member| {
            let own = member.email.filter(|e| !e.trim().is_empty());
            let email = own.or_else(|| {
                linked
                    .iter()
                    .filter(|g| g.member_id == Some(member.id))
                    .find_map(|g| users.get(&g.user_id?).cloned())
            })?;
            Some(MemberContact {
                member_id: member.id,
                email,
            })
        })
        .collect())
}

fn role_rank(role: &str) -> u8 {
    match role {
        "president" => 0,
        "vice_president" => 1,
        "secretary" => 2,
        _ => 3,
    }
}

/// What the law frowns on without forbidding: shown to administrators, never blocking.
pub fn warnings(members: &[council_member::Model]) -> Vec<Warning> {
    // Only the members in office count: an ended term leaves the record, not the council.
    let today = Utc::now().date_naive();
    let members: Vec<&council_member::Model> = members
        .iter()
        .filter(|m| m.term_end.is_none_or(|end| end >= today))
        .collect();
    let regular = members.iter().filter(|m| m.membership == "regular").count();
    let mut warnings = Vec::new();
    if regular < MIN_REGULAR_MEMBERS {
        warnings.push(Warning {
            code: "regular_members_below_minimum".into(),
            message: format!(
                "The council has {regular} regular members; the law asks for {MIN_REGULAR_MEMBERS} to {MAX_REGULAR_MEMBERS}."
            ),
        });
    }
    if regular > MAX_REGULAR_MEMBERS {
        warnings.push(Warning {
            code: "regular_members_above_maximum".into(),
            message: format!(
                "The council has {regular} regular members; the law asks for {MIN_REGULAR_MEMBERS} to {MAX_REGULAR_MEMBERS}."
            ),
        });
    }
    if !members.iter().any(|m| m.role == "president") {
        warnings.push(Warning {
            code: "no_president".into(),
            message: "The council has no president; the law asks for a municipal councillor as president.".into(),
        });
    }
    warnings
}

#[tracing::instrument(skip(db, details))]
pub async fn save_details(
    db: &impl TransactionTrait,
    slug: &str,
    details: CouncilDetails,
) -> Result<council::Model> {
    let txn = council_shared::database::begin_write(db).await?;
    let tenant = tenants::find_writable(&txn, slug).await?;
    let model = council::ActiveModel {
        tenant_id: Set(tenant.id),
        name_el: Set(details.name.el),
        name_en: Set(details.name.en),
        decision_reference: Set(details.decision_reference),
        decision_date: Set(details.decision_date),
        decision_url: Set(details.decision_url),
        term_start: Set(details.term_start),
        term_end: Set(details.term_end),
        updated_at: Set(Utc::now()),
    };
    let exists = council::Entity::find_by_id(tenant.id)
        .one(&txn)
        .await?
        .is_some();
    let saved = if exists {
        model.update(&txn).await?
    } else {
        model.insert(&txn).await?
    };
    txn.commit().await?;
    Ok(saved)
}

fn role_name(role: MemberRole) -> &'static str {
    match role {
        MemberRole::President => "president",
        MemberRole::VicePresident => "vice_president",
        MemberRole::Member => "member",
        MemberRole::Secretary => "secretary",
    }
}

fn membership_name(membership: Membership) -> &'static str {
    match membership {
        Membership::Regular => "regular",
        Membership::Substitute => "substitute",
    }
}

/// Refuses a second president whose term overlaps `term` (start, end; no start is from
/// today, no end is open), with the name of the one in the way. A president whose
/// membership ended before the new term starts is in nobody's way.
async fn ensure_president_free(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    except_member: Option<i64>,
    (start, end): (Option<NaiveDate>, Option<NaiveDate>),
) -> Result<()> {
    let mut query = council_member::Entity::find()
        .filter(council_member::Column::TenantId.eq(tenant_id))
        .filter(council_member::Column::Role.eq("president"));
    if let Some(id) = except_member {
        query = query.filter(council_member::Column::Id.ne(id));
    }
    let start = start.unwrap_or_else(|| Utc::now().date_naive());
    let overlaps = |other: &council_member::Model| {
        other.term_end.is_none_or(|other_end| other_end >= start)
            && end.is_none_or(|end| {
                other
                    .term_start
                    .is_none_or(|other_start| other_start <= end)
            })
    };
    match query.all(db).await?.into_iter().find(overlaps) {
        Some(president) => Err(TenantsError::PresidentTaken(president.full_name)),
        None => Ok(()),
    }
}

fn president_conflict(error: sea_orm::DbErr) -> TenantsError {
    if is_unique_violation(&error) {
        TenantsError::PresidentTaken("another member, saved at the same moment".into())
    } else {
        error.into()
    }
}

#[tracing::instrument(skip(db, member))]
pub async fn add_member(
    db: &impl TransactionTrait,
    slug: &str,
    member: MemberData,
    is_example: bool,
) -> Result<(council_member::Model, Vec<Warning>)> {
    let txn = council_shared::database::begin_write(db).await?;
    let tenant = tenants::find_writable(&txn, slug).await?;
    if member.role == MemberRole::President {
        let term = (member.term_start, member.term_end);
        ensure_president_free(&txn, tenant.id, None, term).await?;
    }
    let now = Utc::now();
    let saved = council_member::ActiveModel {
        tenant_id: Set(tenant.id),
        full_name: Set(member.full_name),
        category: Set(category_name(member.category).into()),
        organisation: Set(member.organisation),
        role: Set(role_name(member.role).into()),
        membership: Set(membership_name(member.membership).into()),
        term_start: Set(member.term_start),
        term_end: Set(member.term_end),
        email: Set(member.email),
        is_example: Set(is_example),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(president_conflict)?;
    let all = load(&txn, tenant.id).await?;
    txn.commit().await?;
    Ok((saved, warnings(&all.members)))
}

#[tracing::instrument(skip(db, member))]
pub async fn update_member(
    db: &impl TransactionTrait,
    slug: &str,
    member_id: i64,
    member: MemberData,
) -> Result<(council_member::Model, Vec<Warning>)> {
    let txn = council_shared::database::begin_write(db).await?;
    let tenant = tenants::find_writable(&txn, slug).await?;
    let existing = find_member(&txn, tenant.id, member_id).await?;
    if member.role == MemberRole::President {
        let term = (member.term_start, member.term_end);
        ensure_president_free(&txn, tenant.id, Some(member_id), term).await?;
    }
    let mut model: council_member::ActiveModel = existing.into();
    model.full_name = Set(member.full_name);
    model.category = Set(category_name(member.category).into());
    model.organisation = Set(member.organisation);
    model.role = Set(role_name(member.role).into());
    model.membership = Set(membership_name(member.membership).into());
    model.term_start = Set(member.term_start);
    model.term_end = Set(member.term_end);
    model.email = Set(member.email);
    model.updated_at = Set(Utc::now());
    let saved = model.update(&txn).await.map_err(president_conflict)?;
    let all = load(&txn, tenant.id).await?;
    txn.commit().await?;
    Ok((saved, warnings(&all.members)))
}

#[tracing::instrument(skip(db))]
pub async fn remove_member(
    db: &impl TransactionTrait,
    slug: &str,
    member_id: i64,
) -> Result<Vec<Warning>> {
    let txn = council_shared::database::begin_write(db).await?;
    let tenant = tenants::find_writable(&txn, slug).await?;
    let existing = find_member(&txn, tenant.id, member_id).await?;
    council_member::Entity::delete_by_id(existing.id)
        .exec(&txn)
        .await?;
    let all = load(&txn, tenant.id).await?;
    txn.commit().await?;
    Ok(warnings(&all.members))
}

/// A member of this tenant's council; another tenant's member is "not found" here.
pub async fn find_member(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    member_id: i64,
) -> Result<council_member::Model> {
    council_member::Entity::find_by_id(member_id)
        .filter(council_member::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?
        .ok_or(TenantsError::MemberNotFound(member_id))
}

fn category_name(category: crate::api::models::MemberCategory) -> &'static str {
    use crate::api::models::MemberCategory::*;
    match category {
        MunicipalCouncillor => "municipal_councillor",
        CivilSociety => "civil_society",
        MigrantCommunity => "migrant_community",
        Other => "other",
    }
}
