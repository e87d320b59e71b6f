use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "council_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
    pub full_name: String,
    pub category: String,
    pub organisation: Option<String>,
    pub role: String,
    pub membership: String,
    pub term_start: Option<Date>,
    pub term_end: Option<Date>,
    /// Private: shown to the tenant's administrators only, never on public pages.
    pub email: Option<String>,
    pub is_example: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
