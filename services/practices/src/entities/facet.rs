use sea_orm::entity::prelude::*;

/// One filter value of a published practice: `sector=civil_society`, `theme=employment`,
/// `sdg=8`, `municipality=athens`, `audience=refugees`, `year=2021`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_facets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub practice_id: i64,
    pub facet: String,
    pub value: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
