//! RFC 9457 problem details: the one error shape every API returns.

use poem::{Response, http::StatusCode};
use poem_openapi::{
    ApiResponse, Object,
    registry::{MetaMediaType, MetaResponse, MetaResponses, Registry},
    types::{ToJSON, Type},
};

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// A problem details document (RFC 9457).
#[derive(Debug, Clone, Object, serde::Deserialize, PartialEq)]
#[oai(rename_all = "camelCase")]
pub struct Problem {
    /// A URI naming the kind of problem; `about:blank` when the status says it all.
    #[oai(rename = "type")]
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, for a person to read.
    #[oai(skip_serializing_if_is_none)]
    pub detail: Option<String>,
    /// The path of the request that failed.
    #[oai(skip_serializing_if_is_none)]
    pub instance: Option<String>,
    /// Every invalid field and why (422 only).
    #[oai(skip_serializing_if_is_none)]
    pub errors: Option<Vec<FieldError>>,
    /// Why the request cannot be done in the present state, for programs and translations
    /// (409 only): `changed_meanwhile`, `not_allowed_now`, `agenda_empty`, ... `detail` says
    /// it in English.
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub code: Option<String>,
    /// The values the code names, such as `state` and `action` for `not_allowed_now`.
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub params: Option<std::collections::BTreeMap<String, String>>,
    /// Quote it when reporting a problem: it finds the request in the logs.
    #[oai(skip_serializing_if_is_none)]
    pub request_id: Option<String>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, Object, serde::Deserialize, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, such as `members[2].email` or `slug`.
    pub field: String,
    /// Why the value is not accepted, in English.
    pub message: String,
    /// What is wrong, for programs and translations: `required`, `too_long`,
    /// `control_characters`, `invalid_email`, `invalid_url`, or `invalid` (see `message`).
    #[serde(default = "invalid_code")]
    pub code: String,
    /// The values the message names, such as `max` and `length` for `too_long`.
    #[oai(skip_serializing_if_is_none)]
    #[serde(default)]
    pub params: Option<std::collections::BTreeMap<String, String>>,
}

fn invalid_code() -> String {
    "invalid".into()
}

impl FieldError {
    /// `reason` is an [`Invalid`](crate::validation::Invalid) with its code, or a message
    /// (code `invalid`).
    pub fn new(field: impl Into<String>, reason: impl Into<crate::validation::Invalid>) -> Self {
        let reason = reason.into();
        Self {
            field: field.into(),
            message: reason.message,
            code: reason.code.into(),
            params: (!reason.params.is_empty()).then(|| {
                reason
                    .params
                    .into_iter()
                    .map(|(name, value)| (name.to_string(), value))
                    .collect()
            }),
        }
    }
}

impl Problem {
    pub fn new(status: StatusCode, detail: Option<String>) -> Self {
        Self {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail,
            instance: None,
            errors: None,
            code: None,
            params: None,
            request_id: None,
        }
    }

    pub fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = self.to_json_string();
        Response::builder()
            .status(status)
            .content_type(PROBLEM_CONTENT_TYPE)
            .body(body)
    }
}

/// Every error an API operation can return to its client. Services map their own errors
/// into it; only `Internal` hides its cause, which is logged instead.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error(
        "sign in first: send an API token as `Authorization: Bearer <token>`, or the session \
         cookie of a signed-in browser"
    )]
    Unauthorized,
    #[error("the API token is not valid: it is unknown, expired or revoked")]
    InvalidToken,
    #[error("{0}")]
    Forbidden(String),
    #[error("too many attempts: try again in {retry_after_seconds} seconds")]
    TooManyRequests { retry_after_seconds: u64 },
    #[error("{0}")]
    NotFound(String),
    /// What stands in the way, with its code ([`crate::conflict`]).
    #[error("{}", .0.message)]
    Conflict(crate::validation::Invalid),
    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the request has invalid fields")]
    Validation(Vec<FieldError>),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized | Self::InvalidToken => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn invalid(
        field: impl Into<String>,
        reason: impl Into<crate::validation::Invalid>,
    ) -> Self {
        Self::Validation(vec![FieldError::new(field, reason)])
    }

    /// The client's view of this error. A 500 says nothing of its cause.
    pub fn to_problem(&self) -> Problem {
        let status = self.status();
        let mut problem = Problem::new(status, Some(self.to_string()));
        match self {
            Self::Validation(errors) => {
                let list = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; ");
                problem.detail = Some(format!("The request has invalid fields: {list}"));
                problem.errors = Some(errors.clone());
            }
            Self::Conflict(refusal) => {
                problem.code = Some(refusal.code.into());
                problem.params = (!refusal.params.is_empty()).then(|| {
                    refusal
                        .params
                        .iter()
                        .map(|(name, value)| (name.to_string(), value.clone()))
                        .collect()
                });
            }
            Self::Internal(_) => {
                problem.detail = Some(
                    "Something went wrong on our side. It has been logged; please try again later."
                        .into(),
                );
            }
            _ => {}
        }
        problem
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        Self::Internal(error)
    }
}

impl poem::error::ResponseError for ApiError {
    fn status(&self) -> StatusCode {
        ApiError::status(self)
    }

    fn as_response(&self) -> Response {
        if let Self::Internal(cause) = self {
            tracing::error!(error = ?cause, "request failed");
        }
        let mut response = self.to_problem().into_response();
        if let Self::TooManyRequests {
            retry_after_seconds,
        } = self
        {
            response.headers_mut().insert(
                poem::http::header::RETRY_AFTER,
                poem::http::HeaderValue::from(*retry_after_seconds),
            );
        }
        response
    }
}

const DOCUMENTED: &[(u16, &str)] = &[
    (400, "Malformed request: the body is not JSON."),
    (
        401,
        "Not signed in, or the API token is unknown, expired or revoked.",
    ),
    (
        403,
        "Signed in, but without a role that allows this in this municipality.",
    ),
    (404, "No such resource, or no such municipality."),
    (
        409,
        "Conflicts with the current state, such as a slug already in use.",
    ),
    (413, "The request body is over the configured size limit."),
    (
        429,
        "Too many attempts from this address or for this account; `Retry-After` says when to retry.",
    ),
    (
        415,
        "The body is not `application/json`, or an uploaded file is of a type not accepted.",
    ),
    (
        422,
        "One or more fields or parameters are invalid (missing, of the wrong type or out of \
         bounds); `errors` lists each and why.",
    ),
    (
        500,
        "Unexpected failure; nothing was changed. Quote `requestId` when reporting it.",
    ),
];

impl ApiResponse for ApiError {
    fn meta() -> MetaResponses {
        MetaResponses {
            responses: DOCUMENTED
                .iter()
                .map(|(status, description)| MetaResponse {
                    description,
                    status: Some(*status),
                    status_range: None,
                    content: vec![MetaMediaType {
                        content_type: PROBLEM_CONTENT_TYPE,
                        schema: Problem::schema_ref(),
                    }],
                    headers: vec![],
                })
                .collect(),
        }
    }

    fn register(registry: &mut Registry) {
        Problem::register(registry);
    }
}

/// What the API returns from a handler: the operation's documented response, or a problem.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause() {
        let problem =
            ApiError::Internal(anyhow::anyhow!("password=hunter2 in connection")).to_problem();
        assert_eq!(problem.status, 500);
        assert!(!problem.detail.unwrap().contains("hunter2"));
    }

    #[test]
    fn validation_problems_list_every_field() {
        let problem = ApiError::Validation(vec![
            FieldError::new("slug", "must not be empty"),
            FieldError::new("website", "must be an http(s) URL"),
        ])
        .to_problem();
        assert_eq!(problem.status, 422);
        assert_eq!(problem.errors.as_ref().unwrap().len(), 2);
        assert!(problem.detail.unwrap().contains("website"));
    }
}
