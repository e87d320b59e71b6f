//! A municipality's notification settings: its own row, or the platform's defaults. The one
//! place the defaults are applied, for the digests, the reminders and the API.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{Notifications, entities::tenant_settings, error::Result};

/// When a municipality's digests go out and how long before a meeting members are reminded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalitySettings {
    /// Cron with seconds, in Athens time.
    pub digest_schedule: String,
    pub reminder_minutes: i32,
}

impl Notifications {
    /// The settings of each of `tenant_ids`, in one query.
    pub async fn municipality_settings(
        &self,
        tenant_ids: impl IntoIterator<Item = i64>,
    ) -> Result<HashMap<i64, MunicipalitySettings>> {
        let ids: Vec<i64> = tenant_ids.into_iter().collect();
        let mut found: HashMap<i64, MunicipalitySettings> = tenant_settings::Entity::find()
            .filter(tenant_settings::Column::TenantId.is_in(ids.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|row| {
                (
                    row.tenant_id,
                    MunicipalitySettings {
                        digest_schedule: row.digest_schedule,
                        reminder_minutes: row.reminder_minutes,
                    },
                )
            })
            .collect();
        for id in ids {
            found.entry(id).or_insert_with(|| MunicipalitySettings {
                digest_schedule: self.settings.default_digest.clone(),
                reminder_minutes: i32::try_from(self.settings.default_reminder_minutes)
                    .unwrap_or(i32::MAX),
            });
        }
        Ok(found)
    }

    /// One municipality's settings.
    pub async fn settings_of(&self, tenant_id: i64) -> Result<MunicipalitySettings> {
        let mut all = self.municipality_settings([tenant_id]).await?;
        Ok(all.remove(&tenant_id).expect("filled for every id asked"))
    }
}
