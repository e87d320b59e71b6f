//! Cross-site request forgery: one rule for the pages' forms and for API calls made with the
//! session cookie.
//!
//! A browser attaches the session cookie to requests that other sites make it send. Such a
//! request that changes something is ours only when the browser says it comes from our own
//! origin ([`from_our_origin`]), or when it carries the token that only our pages know
//! ([`token_for`]: the pages' forms carry it as a field, scripts may send it as
//! `X-CSRF-Token`). The pages require both (`web::sign_in::csrf_ok`); the API requires one
//! of them for session-cookie calls (`auth::authenticate`). Bearer-token calls are not
//! exposed: a browser never adds an `Authorization` header on its own.

use poem::{
    Request,
    http::{Method, header},
};

use crate::{auth::sha256_hex, http::PublicUrl};

/// The header a script on our pages may send the form token in.
pub const TOKEN_HEADER: &str = "x-csrf-token";

/// The form token of a browser that holds `secret` (its session, or before sign-in its
/// `council_csrf` cookie): derived, so the secret itself never appears in a page.
pub fn token_for(secret: &str) -> String {
    sha256_hex(&format!("csrf:{secret}"))
}

/// Compares tokens in constant time.
pub fn tokens_match(expected: &str, given: &str) -> bool {
    expected.len() == given.len()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Whether a request with this method can change something (everything but reads).
pub fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the browser says the request comes from our own pages: its `Origin` is the
/// platform's (`server.public_url`), or, without a usable `Origin`, its `Sec-Fetch-Site` is
/// `same-origin` or `none` (typed or bookmarked by the person). A request with neither
/// header does not come from a current browser, and passes. `Origin: null` (sandboxed
/// frames, some redirects) counts as foreign unless `Sec-Fetch-Site` vouches for it.
pub fn from_our_origin(request: &Request) -> bool {
    let header_text = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::trim)
    };
    let origin = header_text(header::ORIGIN.as_str());
    let fetch_site = header_text("sec-fetch-site");
    match (origin, fetch_site) {
        (Some(origin), _) if origin != "null" => origin.eq_ignore_ascii_case(&our_origin(request)),
        (_, Some(site)) => matches!(site, "same-origin" | "none"),
        (Some(_null), None) => false,
        (None, None) => true,
    }
}

/// The platform's origin (`scheme://host[:port]`) from `server.public_url`.
fn our_origin(request: &Request) -> String {
    let public = request
        .data::<PublicUrl>()
        .map(|url| url.0.as_str())
        .unwrap_or_default();
    url::Url::parse(public)
        .map(|url| url.origin().ascii_serialization())
        .unwrap_or_else(|_| public.to_string())
}

/// Whether a state-changing call made with the session `secret` is ours: from our origin,
/// or carrying the form token in `X-CSRF-Token`.
pub fn session_call_is_ours(request: &Request, secret: &str) -> bool {
    from_our_origin(request)
        || request
            .headers()
            .get(TOKEN_HEADER)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|given| tokens_match(&token_for(secret), given.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(Method::POST).uri_str("/api/v1/x");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let mut request = builder.finish();
        request.set_data(PublicUrl("https://semp.example.gr".into()));
        request
    }

    #[test]
    fn our_own_origin_passes_and_another_is_refused() {
        assert!(from_our_origin(&request(&[(
            "origin",
            "https://semp.example.gr"
        )])));
        assert!(!from_our_origin(&request(&[(
            "origin",
            "http://evil.example"
        )])));
        assert!(!from_our_origin(&request(&[(
            "origin",
            "https://semp.example.gr.evil.example"
        )])));
    }

    #[test]
    fn without_origin_the_fetch_site_decides() {
        assert!(from_our_origin(&request(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(from_our_origin(&request(&[("sec-fetch-site", "none")])));
        assert!(!from_our_origin(&request(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(!from_our_origin(&request(&[(
            "sec-fetch-site",
            "same-site"
        )])));
        assert!(!from_our_origin(&request(&[("origin", "null")])));
        assert!(from_our_origin(&request(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(from_our_origin(&request(&[])), "curl and scripts");
    }

    #[test]
    fn the_token_header_vouches_for_a_foreign_origin() {
        let secret = "session-secret";
        let token = token_for(secret);
        let with_token = request(&[("origin", "http://evil.example"), ("x-csrf-token", &token)]);
        assert!(session_call_is_ours(&with_token, secret));
        let forged = request(&[
            ("origin", "http://evil.example"),
            ("x-csrf-token", "forged"),
        ]);
        assert!(!session_call_is_ours(&forged, secret));
    }
}
