//! The tenants service's one error type: what a client may be told, or an internal cause.

use council_shared::{ApiError, FieldError, conflict, validation::Invalid as Refusal};

#[derive(Debug, thiserror::Error)]
pub enum TenantsError {
    #[error("no municipality has the slug `{0}`")]
    TenantNotFound(String),
    #[error("the council of this municipality has no member {0}")]
    MemberNotFound(i64),
    #[error("the slug `{0}` is already used by another municipality")]
    SlugTaken(String),
    #[error("the council already has a president ({0}); change that member's role first")]
    PresidentTaken(String),
    #[error("the municipality `{0}` is archived: restore it before changing it")]
    Archived(String),
    #[error("the request has invalid fields")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    /// What stands in the way, with its code (`council_shared::conflict`).
    #[error("{}", .0.message)]
    Conflict(council_shared::validation::Invalid),
    #[error("too many attempts: try again in {0} seconds")]
    TooManyAttempts(u64),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for TenantsError {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::Internal(anyhow::Error::new(error).context("database error"))
    }
}

impl From<Vec<FieldError>> for TenantsError {
    fn from(errors: Vec<FieldError>) -> Self {
        Self::Invalid(errors)
    }
}

impl From<TenantsError> for ApiError {
    fn from(error: TenantsError) -> Self {
        match error {
            TenantsError::TenantNotFound(_)
            | TenantsError::MemberNotFound(_)
            | TenantsError::NotFound(_) => ApiError::NotFound(error.to_string()),
            TenantsError::SlugTaken(ref slug) => ApiError::Conflict(
                Refusal::new(conflict::SLUG_TAKEN, error.to_string()).with("slug", slug),
            ),
            TenantsError::PresidentTaken(ref name) => ApiError::Conflict(
                Refusal::new(conflict::PRESIDENT_TAKEN, error.to_string()).with("name", name),
            ),
            TenantsError::Archived(_) => {
                ApiError::Conflict(Refusal::new(conflict::ARCHIVED, error.to_string()))
            }
            TenantsError::Conflict(refusal) => ApiError::Conflict(refusal),
            TenantsError::Invalid(errors) => ApiError::Validation(errors),
            TenantsError::Forbidden(what) => ApiError::Forbidden(what),
            TenantsError::TooManyAttempts(seconds) => ApiError::TooManyRequests {
                retry_after_seconds: seconds,
            },
            TenantsError::Internal(cause) => ApiError::Internal(cause),
        }
    }
}

pub type Result<T, E = TenantsError> = std::result::Result<T, E>;
