//! The notifications service's one error type: what a client may be told, or an internal
//! cause.

use council_shared::{ApiError, FieldError};

#[derive(Debug, thiserror::Error)]
pub enum NotificationsError {
    #[error("{0}")]
    NotFound(String),
    /// What stands in the way, with its code (`council_shared::conflict`).
    #[error("{}", .0.message)]
    Conflict(council_shared::validation::Invalid),
    #[error("the request has invalid fields")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type Result<T, E = NotificationsError> = std::result::Result<T, E>;

impl NotificationsError {
    pub fn invalid(field: &str, message: impl Into<council_shared::validation::Invalid>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }
}

impl From<sea_orm::DbErr> for NotificationsError {
    fn from(error: sea_orm::DbErr) -> Self {
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) = error.sql_err() {
            return Self::Conflict(council_shared::validation::Invalid::new(
                council_shared::conflict::SAVED_AT_THE_SAME_MOMENT,
                "the same change was saved at the same moment: try again",
            ));
        }
        Self::Internal(anyhow::Error::new(error).context("database error"))
    }
}

impl From<NotificationsError> for ApiError {
    fn from(error: NotificationsError) -> Self {
        match error {
            NotificationsError::NotFound(what) => ApiError::NotFound(what),
            NotificationsError::Conflict(what) => ApiError::Conflict(what),
            NotificationsError::Invalid(errors) => ApiError::Validation(errors),
            NotificationsError::Forbidden(what) => ApiError::Forbidden(what),
            NotificationsError::Internal(cause) => ApiError::Internal(cause),
        }
    }
}
