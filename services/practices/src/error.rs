//! The practices service's one error type: what a client may be told, or an internal cause.

use council_shared::{ApiError, FieldError};

use crate::domain::{Action, PracticeState};

#[derive(Debug, thiserror::Error)]
pub enum PracticesError {
    #[error("no practice has the address `{0}`")]
    NotFound(String),
    #[error("a practice that is {state} cannot {action}; allowed now: {allowed}", state = .from.as_str(), action = .action.name(), allowed = .allowed)]
    InvalidTransition {
        from: PracticeState,
        action: Action,
        allowed: String,
    },
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

impl PracticesError {
    pub fn invalid(field: &str, message: impl Into<council_shared::validation::Invalid>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }

    pub fn transition(from: PracticeState, action: Action, has_published: bool) -> Self {
        let names: Vec<&str> = from
            .allowed(has_published)
            .iter()
            .map(|a| a.name())
            .collect();
        Self::InvalidTransition {
            from,
            action,
            allowed: if names.is_empty() {
                "nothing (this is a final state)".into()
            } else {
                names.join(", ")
            },
        }
    }
}

impl From<sea_orm::DbErr> for PracticesError {
    fn from(error: sea_orm::DbErr) -> Self {
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) = error.sql_err() {
            return Self::Conflict(council_shared::validation::Invalid::new(
                council_shared::conflict::SAVED_AT_THE_SAME_MOMENT,
                "another practice already has this address, or a change was saved at the same moment",
            ));
        }
        Self::Internal(anyhow::Error::new(error).context("database error"))
    }
}

impl From<Vec<FieldError>> for PracticesError {
    fn from(errors: Vec<FieldError>) -> Self {
        Self::Invalid(errors)
    }
}

impl From<PracticesError> for ApiError {
    fn from(error: PracticesError) -> Self {
        match error {
            PracticesError::NotFound(_) => ApiError::NotFound(error.to_string()),
            PracticesError::InvalidTransition { from, action, .. } => {
                ApiError::Conflict(council_shared::conflict::not_allowed_now(
                    error.to_string(),
                    from.as_str(),
                    action.name(),
                ))
            }
            PracticesError::Conflict(refusal) => ApiError::Conflict(refusal),
            PracticesError::Invalid(errors) => ApiError::Validation(errors),
            PracticesError::Forbidden(what) => ApiError::Forbidden(what),
            PracticesError::Internal(cause) => ApiError::Internal(cause),
        }
    }
}

pub type Result<T, E = PracticesError> = std::result::Result<T, E>;
