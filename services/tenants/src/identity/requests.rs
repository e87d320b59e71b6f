//! Requests for access: someone without a role asks a municipality for one from its public
//! page; its administrators accept (the invitation follows) or decline (a polite message
//! follows). A request says nothing about whether its address has an account: it is kept
//! as given, and the answer to the sender is the same either way.

use chrono::Utc;
use council_shared::{
    FieldError,
    auth::Role,
    validation::{Errors, Invalid, optional_text, required_text},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::{
    entities::access_request,
    error::{Result, TenantsError},
};

pub const PENDING: &str = "pending";
pub const ACCEPTED: &str = "accepted";
pub const DECLINED: &str = "declined";

/// The roles a visitor may ask for; administrators are made by the platform's operators.
pub const REQUESTABLE: [Role; 3] = [Role::PracticeAuthor, Role::CouncilMember, Role::Secretary];

pub const NAME_MAX: usize = 200;
pub const REASON_MAX: usize = 2000;
pub const NOTE_MAX: usize = 2000;

/// A request as sent, checked.
#[derive(Debug, Clone)]
pub struct NewAccessRequest {
    pub full_name: String,
    pub organisation: Option<String>,
    pub email: String,
    pub role: Role,
    pub reason: String,
}

impl NewAccessRequest {
    pub fn parse(
        full_name: &str,
        organisation: Option<&str>,
        email: &str,
        role: &str,
        reason: &str,
    ) -> std::result::Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let full_name = errors.check("full_name", required_text(full_name, NAME_MAX));
        let organisation = errors.check("organisation", optional_text(organisation, NAME_MAX));
        let email = errors.check("email", super::parse_email(email));
        let role = errors.check(
            "role",
            Role::parse(role)
                .filter(|r| REQUESTABLE.contains(r))
                .ok_or_else(|| {
                    Invalid::new(
                        "choose_one",
                        "must be practice_author, council_member or secretary",
                    )
                }),
        );
        let reason = errors.check("reason", required_text(reason, REASON_MAX));
        errors.finish(|| Self {
            full_name: full_name.expect("checked"),
            organisation: organisation.expect("checked"),
            email: email.expect("checked"),
            role: role.expect("checked"),
            reason: reason.expect("checked"),
        })
    }
}

pub async fn create(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    request: NewAccessRequest,
) -> Result<access_request::Model> {
    Ok(access_request::ActiveModel {
        tenant_id: Set(tenant_id),
        full_name: Set(request.full_name),
        organisation: Set(request.organisation),
        email: Set(request.email),
        role: Set(request.role.as_str().to_string()),
        reason: Set(request.reason),
        state: Set(PENDING.into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A municipality's requests: those waiting first (oldest first, as they queue), then the
/// latest decided ones.
pub async fn list(
    db: &impl ConnectionTrait,
    tenant_id: i64,
) -> Result<(Vec<access_request::Model>, Vec<access_request::Model>)> {
    let of_tenant =
        || access_request::Entity::find().filter(access_request::Column::TenantId.eq(tenant_id));
    let waiting = of_tenant()
        .filter(access_request::Column::State.eq(PENDING))
        .order_by_asc(access_request::Column::Id)
        .all(db)
        .await?;
    let decided = of_tenant()
        .filter(access_request::Column::State.ne(PENDING))
        .order_by_desc(access_request::Column::DecidedAt)
        .limit(100)
        .all(db)
        .await?;
    Ok((waiting, decided))
}

pub async fn find(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    id: i64,
) -> Result<access_request::Model> {
    access_request::Entity::find_by_id(id)
        .filter(access_request::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?
        .ok_or_else(|| TenantsError::NotFound(format!("access request {id}")))
}

/// Records the decision on a request still waiting; one already decided is a conflict
/// (two administrators answering at once: the second is told, nothing is sent twice).
pub async fn decide(
    db: &impl ConnectionTrait,
    request: &access_request::Model,
    (state, by, note): (&str, i64, Option<String>),
) -> Result<access_request::Model> {
    let updated = access_request::Entity::update_many()
        .col_expr(access_request::Column::State, state.into())
        .col_expr(access_request::Column::DecidedAt, Utc::now().into())
        .col_expr(access_request::Column::DecidedBy, by.into())
        .col_expr(access_request::Column::DecisionNote, note.into())
        .filter(access_request::Column::Id.eq(request.id))
        .filter(access_request::Column::State.eq(PENDING))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(TenantsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::REQUEST_ANSWERED,
                "this request was already answered",
            ),
        ));
    }
    find(db, request.tenant_id, request.id).await
}

/// Puts a request back to waiting, when what its decision set off was refused.
pub async fn reopen(db: &impl ConnectionTrait, request: &access_request::Model) -> Result<()> {
    access_request::ActiveModel {
        id: Set(request.id),
        state: Set(PENDING.into()),
        decided_at: Set(None),
        decided_by: Set(None),
        decision_note: Set(None),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// The note a decline carries to its sender, if any.
pub fn parse_note(note: Option<&str>) -> std::result::Result<Option<String>, Vec<FieldError>> {
    let mut errors = Errors::new();
    let note = errors.check("note", optional_text(note, NOTE_MAX));
    errors.finish(|| note.expect("checked"))
}
