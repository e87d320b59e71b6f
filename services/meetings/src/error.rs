//! The meetings service's one error type: what a client may be told, or an internal cause.

use council_shared::{ApiError, FieldError};

use crate::domain::{Action, MeetingState};

#[derive(Debug, thiserror::Error)]
pub enum MeetingsError {
    #[error("no municipality has the slug `{0}`")]
    TenantNotFound(String),
    #[error("this municipality has no meeting {0}")]
    MeetingNotFound(i64),
    #[error("{0}")]
    NotFound(String),
    #[error("a meeting that is {state} cannot {action}; allowed now: {allowed}", state = .from.as_str(), action = .action.name(), allowed = allowed_list(*.from))]
    InvalidTransition { from: MeetingState, action: Action },
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

fn allowed_list(state: MeetingState) -> String {
    let names: Vec<&str> = state.allowed().iter().map(|a| a.name()).collect();
    if names.is_empty() {
        "nothing (this is a final state)".into()
    } else {
        names.join(", ")
    }
}

impl MeetingsError {
    pub fn invalid(field: &str, message: impl Into<council_shared::validation::Invalid>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }
}

impl From<sea_orm::DbErr> for MeetingsError {
    fn from(error: sea_orm::DbErr) -> Self {
        // Two requests racing for the same number or row: the loser is told to retry.
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) = error.sql_err() {
            return Self::Conflict(council_shared::validation::Invalid::new(
                council_shared::conflict::SAVED_AT_THE_SAME_MOMENT,
                "another change to this meeting was saved at the same moment; try again",
            ));
        }
        Self::Internal(anyhow::Error::new(error).context("database error"))
    }
}

impl From<Vec<FieldError>> for MeetingsError {
    fn from(errors: Vec<FieldError>) -> Self {
        Self::Invalid(errors)
    }
}

impl From<MeetingsError> for ApiError {
    fn from(error: MeetingsError) -> Self {
        match error {
            MeetingsError::TenantNotFound(_)
            | MeetingsError::MeetingNotFound(_)
            | MeetingsError::NotFound(_) => ApiError::NotFound(error.to_string()),
            MeetingsError::InvalidTransition { from, action } => {
                ApiError::Conflict(council_shared::conflict::not_allowed_now(
                    error.to_string(),
                    from.as_str(),
                    action.name(),
                ))
            }
            MeetingsError::Conflict(refusal) => ApiError::Conflict(refusal),
            MeetingsError::Invalid(errors) => ApiError::Validation(errors),
            MeetingsError::Forbidden(what) => ApiError::Forbidden(what),
            MeetingsError::Internal(cause) => ApiError::Internal(cause),
        }
    }
}

pub type Result<T, E = MeetingsError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_transition_names_what_is_allowed() {
        let error = MeetingsError::InvalidTransition {
            from: MeetingState::Convened,
            action: Action::Publish,
        };
        assert_eq!(
            error.to_string(),
            "a meeting that is convened cannot publish; allowed now: edit, edit_agenda, \
             add_urgent_item, postpone, cancel, answer_attendance, record_attendance, hold, attach"
        );
    }
}
