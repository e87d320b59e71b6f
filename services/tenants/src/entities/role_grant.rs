use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "role_grants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The holder; `None` while it is an invitation to `invited_email`.
    pub user_id: Option<i64>,
    pub invited_email: Option<String>,
    pub role: String,
    pub tenant_id: Option<i64>,
    pub member_id: Option<i64>,
    pub granted_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub invitation_expires_at: Option<DateTimeUtc>,
    pub accepted_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
