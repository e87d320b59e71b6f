//! Security headers on every response, pages and API alike.
//!
//! - `Content-Security-Policy`: scripts, styles, fonts and fetches from this origin only, no
//!   inline script or style (the pages have none), images from this origin or `data:` (so a
//!   remote image in someone's Markdown is never loaded, see `markdown`), no plugins, forms
//!   that post here only, and no framing by other sites (`frame-ancestors 'none'`).
//! - `X-Content-Type-Options: nosniff`: an upload served as a PDF is never run as a script.
//! - `Referrer-Policy: strict-origin-when-cross-origin`: other sites learn at most our origin,
//!   never a page address with a subscription's secret in it. (`no-referrer` would make
//!   browsers send `Origin: null` with our own forms, which the CSRF rule refuses.)
//! - `Strict-Transport-Security` when `server.public_url` is `https`.
//!
//! Swagger UI (`/api/docs`) is the one page with inline script: [`swagger_ui_policy`] gives
//! it a policy that allows exactly its scripts, by hash, and its inline styles.

use base64::Engine;
use poem::{
    Endpoint, EndpointExt, IntoResponse, Request, Response,
    http::{HeaderMap, HeaderValue, header},
};
use sha2::{Digest, Sha256};

const PAGE_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A year, as browsers expect of a site that is only reached over HTTPS.
const HSTS: &str = "max-age=31536000";

/// Adds the headers to every response of `app` (an endpoint's own policy is kept).
pub fn with_security_headers(
    app: impl Endpoint + 'static,
    https: bool,
) -> impl Endpoint<Output = Response> {
    app.around(move |next, request| async move {
        let mut response = match next.call(request).await {
            Ok(response) => response.into_response(),
            Err(error) => error.into_response(),
        };
        add(response.headers_mut(), https);
        Ok(response)
    })
}

fn add(headers: &mut HeaderMap, https: bool) {
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(PAGE_POLICY));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
}

/// Middleware for Swagger UI: its page's policy allows the inline scripts it has, each by
/// its SHA-256, and inline styles; everything else as on every page.
pub async fn swagger_ui_policy<E: Endpoint>(next: E, request: Request) -> poem::Result<Response> {
    let response = next.call(request).await?.into_response();
    let is_html = response
        .content_type()
        .is_some_and(|kind| kind.starts_with("text/html"));
    if !is_html {
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let html = body.into_string().await?;
    let policy = inline_script_policy(&html);
    let mut response = Response::from_parts(parts, html.into());
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    Ok(response)
}

/// A policy allowing exactly the inline `<script>` elements of `html`.
fn inline_script_policy(html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src {}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        if hashes.is_empty() {
            "'none'".to_string()
        } else {
            hashes.join(" ")
        }
    )
}

/// The text of each inline `<script>` (one without `src`), as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find("<script")?;
            let open_end = start + rest[start..].find('>')? + 1;
            let close = open_end + rest[open_end..].find("</script>")?;
            let tag = &rest[start..open_end];
            let text = &rest[open_end..close];
            rest = &rest[close + "</script>".len()..];
            if !tag.contains(" src=") {
                return Some(text);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_inline_script_is_allowed_by_its_hash_and_no_other() {
        let html = "<html><head><script>one()</script><script src=\"/x.js\"></script>\
                    </head><body><script charset=\"UTF-8\">\n two() \n</script></body></html>";
        let scripts: Vec<&str> = inline_scripts(html).collect();
        assert_eq!(scripts, ["one()", "\n two() \n"]);
        let policy = inline_script_policy(html);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"one()"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert!(!policy.contains("unsafe-eval"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    }
}
