use sea_orm::entity::prelude::*;

/// A scheduled job: when it last ran (and last failed, why), and which instance holds it
/// now (until when), so that several instances on one database run it once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    pub last_run_at: Option<DateTimeUtc>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTimeUtc>,
    /// When it last failed, and the error it failed with (kept after later good runs).
    pub last_failed_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
