use sea_orm::entity::prelude::*;

/// "We adopted this": a municipality that took the practice up.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_adoptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub practice_id: i64,
    pub tenant_id: i64,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub adopted_by_user_id: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
