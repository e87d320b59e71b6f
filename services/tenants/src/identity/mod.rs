//! Who people are and what they may do: users, sign-in (OpenID Connect providers and
//! one-time e-mail links), sessions, roles and invitations, API tokens and the audit log.
//! Other services never read these tables: they resolve a credential through
//! [`resolver::TenantsIdentity`] (in process) or the `/api/v1/me` endpoint, and cache it.

pub mod audit;
pub mod grants;
pub mod links;
pub mod mail;
pub mod oidc;
pub mod personal;
pub mod providers;
pub mod requests;
pub mod resolver;
pub mod sessions;
pub mod sign_in;
pub mod tokens;
pub mod users;

use base64::Engine;
use rand::RngCore;

pub use council_shared::auth::sha256_hex;

/// 256 random bits, URL-safe: session cookies, link tokens, OIDC state and browser binding.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The form addresses are kept and compared in.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A checked, normalised e-mail address or the reason it is not one.
pub fn parse_email(email: &str) -> Result<String, council_shared::validation::Invalid> {
    council_shared::validation::email(email).map(|valid| normalise_email(&valid))
}

/// Where to go after signing in: only a path on this site, never another host.
pub fn safe_return_path(path: Option<&str>) -> String {
    match path {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path.len() <= 500 =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_never_leave_the_site() {
        assert_eq!(
            safe_return_path(Some("/municipalities/athens")),
            "/municipalities/athens"
        );
        assert_eq!(safe_return_path(Some("//evil.example")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(None), "/");
    }

    #[test]
    fn addresses_compare_without_case() {
        assert_eq!(
            parse_email("  Maria@Example.ORG ").unwrap(),
            "maria@example.org"
        );
        assert!(parse_email("not an address").is_err());
    }
}
