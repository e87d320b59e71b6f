use sea_orm::entity::prelude::*;

/// An achievement (`kind = "achievement"`) or a goal (`kind = "goal"`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenant_highlights")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
    pub kind: String,
    pub position: i32,
    pub title_el: String,
    pub title_en: Option<String>,
    pub description_el: String,
    pub description_en: Option<String>,
    pub figure_value: Option<String>,
    pub figure_label_el: Option<String>,
    pub figure_label_en: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
