//! A document link opened in a browser that may not open it. Members' convocations link
//! each document straight to its download (`/api/v1/.../attachments/{id}`, a practice's
//! `/files/{id}`); the API rightly answers a problem document to a caller who may not see
//! it. A person who followed the link from their e-mail gets a page instead: not signed
//! in, it offers to sign in and brings them back to the document; signed in, it says the
//! document is not there for them. Anonymous readers get the same page whether the
//! document exists or not, so it reveals nothing.

use poem::{Request, http::StatusCode};

/// Whether `path` is a document download of the API.
fn is_document_download(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/api/v1/") else {
        return false;
    };
    let parts: Vec<&str> = rest.split('/').collect();
    matches!(
        parts.as_slice(),
        ["tenants", _, "meetings", _, "attachments", _] | ["practices", _, "files", _]
    )
}

/// A person's browser asking for a page (following a link), not a script asking for data.
fn is_browser_navigation(request: &Request) -> bool {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    header("sec-fetch-mode") == "navigate" || header("accept").contains("text/html")
}

/// When the gate's page replaces a refused download: the return path for sign-in.
pub struct Refused {
    pub path_and_query: String,
}

impl Refused {
    /// Checked before the request is handled (the request is consumed by the handler).
    pub fn candidate(request: &Request) -> Option<Self> {
        (is_document_download(request.uri().path()) && is_browser_navigation(request)).then(|| {
            Self {
                path_and_query: request
                    .uri()
                    .path_and_query()
                    .map_or_else(|| request.uri().path().to_string(), |p| p.to_string()),
            }
        })
    }

    /// Whether the API's answer is a refusal the page should replace.
    pub fn applies(status: StatusCode) -> bool {
        matches!(
            status,
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
        )
    }

    /// `/sign-in?next=...` back to the document.
    pub fn sign_in_url(&self) -> String {
        format!("/sign-in?next={}", crate::encode(&self.path_and_query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_document_downloads_are_gated() {
        assert!(is_document_download(
            "/api/v1/tenants/athens/meetings/3/attachments/9"
        ));
        assert!(is_document_download("/api/v1/practices/kedu/files/4"));
        assert!(!is_document_download("/api/v1/tenants/athens/meetings/3"));
        assert!(!is_document_download(
            "/api/v1/tenants/athens/meetings/3/attachments"
        ));
        assert!(!is_document_download("/municipalities/athens"));
    }
}
