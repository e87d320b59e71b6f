use sea_orm::entity::prelude::*;

/// A municipality's own OpenID Connect provider (its staff directory), offered as a second
/// button on its sign-in page.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenant_sign_in_providers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: i64,
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    /// Never returned by the API once saved.
    pub client_secret: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
