use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub name_el: String,
    pub name_en: String,
    pub region_el: String,
    pub region_en: Option<String>,
    pub website: Option<String>,
    pub contact_email: Option<String>,
    pub status: String,
    pub introduction_el: Option<String>,
    pub introduction_en: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub archived_at: Option<DateTimeUtc>,
    /// The municipality's data protection officer, as its privacy notice names them.
    pub dpo_name: Option<String>,
    pub dpo_email: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
