//! A municipality's data protection officer: the municipality is the controller of its
//! residents' data, and its privacy notice must say how to reach its officer (GDPR
//! art. 37(7)). Its administrators set them; anyone may read them.

use council_shared::{
    auth::{Principal, SignedIn},
    input_fields::OptionalEmailText,
    json_body::JsonBody,
    problem::ApiResult,
    validation::{Errors, Invalid, optional_email, optional_text},
};
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use serde::Deserialize;

use super::{ApiTags, commands::check_administers};
use crate::{entities::tenant, error::TenantsError, public::TenantReads};

/// The longest name kept.
pub const NAME_MAX: usize = 200;

/// The officer as sent: both empty clears them.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[oai(deny_unknown_fields)]
pub struct OfficerInput {
    /// Their name, or the office's (`Υπεύθυνος Προστασίας Δεδομένων`).
    pub name: Option<String>,
    /// Where residents write to them; required when a name is given.
    pub email: Option<OptionalEmailText>,
}

/// The officer as the privacy notice shows them.
#[derive(Debug, Clone, PartialEq, Eq, Object)]
pub struct OfficerView {
    #[oai(skip_serializing_if_is_none)]
    pub name: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub email: Option<String>,
}

/// A parsed officer: an address, with a name or not; or none at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub name: Option<String>,
    pub email: Option<String>,
}

impl Officer {
    pub fn parse(input: &OfficerInput) -> Result<Self, Vec<council_shared::FieldError>> {
        let mut errors = Errors::new();
        let name = errors.check("name", optional_text(input.name.as_deref(), NAME_MAX));
        let email = errors.check("email", optional_email(input.email.as_deref()));
        if let (Some(Some(_)), Some(None)) = (&name, &email) {
            errors.add(
                "email",
                Invalid::new(
                    "required",
                    "give the officer's e-mail address, so that residents can write to them",
                ),
            );
        }
        errors.finish(|| Self {
            name: name.expect("checked"),
            email: email.expect("checked"),
        })
    }
}

/// The officer of `tenant`, if set.
pub fn officer_of(tenant: &tenant::Model) -> Option<OfficerView> {
    tenant.dpo_email.as_ref().map(|email| OfficerView {
        name: tenant.dpo_name.clone(),
        email: Some(email.clone()),
    })
}

/// Sets (or clears) the officer of municipality `slug`: its administrators.
pub async fn set_officer(
    (db, reads): (&DatabaseConnection, &TenantReads),
    caller: &Principal,
    slug: &str,
    input: &OfficerInput,
) -> Result<OfficerView, TenantsError> {
    let found = check_administers(db, caller, slug).await?;
    let officer = Officer::parse(input).map_err(TenantsError::Invalid)?;
    let mut row: tenant::ActiveModel = found.into();
    row.dpo_name = Set(officer.name.clone());
    row.dpo_email = Set(officer.email.clone());
    row.updated_at = Set(chrono::Utc::now());
    row.update(db).await?;
    reads.invalidate(slug);
    Ok(OfficerView {
        name: officer.name,
        email: officer.email,
    })
}

#[derive(ApiResponse)]
pub enum OfficerResponse {
    /// The officer as the municipality's privacy notice now shows them.
    #[oai(status = 200)]
    Ok(Json<OfficerView>),
}

/// The data protection officer operations.
#[derive(Clone)]
pub struct DataProtectionApi {
    pub db: DatabaseConnection,
    pub reads: std::sync::Arc<TenantReads>,
}

#[OpenApi]
impl DataProtectionApi {
    /// Set a municipality's data protection officer (its administrators)
    ///
    /// Shown on the municipality's privacy notice and in its details. Send both fields
    /// empty to clear them.
    #[oai(
        path = "/tenants/:slug/data-protection-officer",
        method = "put",
        tag = "ApiTags::Tenants"
    )]
    async fn put_officer(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<OfficerInput>,
    ) -> ApiResult<OfficerResponse> {
        Ok(OfficerResponse::Ok(Json(
            set_officer((&self.db, &self.reads), &caller, &slug, &body).await?,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_without_an_address_is_refused_and_both_empty_clears() {
        let named = OfficerInput {
            name: Some("Υπεύθυνος Προστασίας Δεδομένων".into()),
            email: None,
        };
        let errors = Officer::parse(&named).unwrap_err();
        assert_eq!(errors[0].field, "email");
        assert_eq!(errors[0].code, "required");
        let cleared = Officer::parse(&OfficerInput::default()).unwrap();
        assert_eq!(
            cleared,
            Officer {
                name: None,
                email: None
            }
        );
    }
}
