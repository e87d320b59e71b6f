//! Cached response bodies: compressed once and tagged once when the cache is filled.
//!
//! The gzip copy goes to every client that accepts gzip (all browsers do): a 39 KB profile
//! travels as a few KB, which matters to readers on mobile data, and no request pays for
//! compressing. The ETag lets a browser or proxy ask "has it changed?" and get a bodiless
//! 304 when it has not.

use std::io::Write;

use bytes::Bytes;
use flate2::{Compression, write::GzEncoder};
use poem::{
    Endpoint, IntoResponse, Request, Response,
    http::{HeaderMap, HeaderValue, header},
};
use sha2::{Digest, Sha256};

/// A response body kept in a cache: as it is, gzip-compressed, and its ETag.
#[derive(Debug, Clone)]
pub struct CachedBody {
    pub plain: Bytes,
    pub gzip: Bytes,
    /// A weak ETag (`W/"..."`): the plain and gzip bodies are the same document.
    pub etag: HeaderValue,
}

impl CachedBody {
    pub fn new(plain: impl Into<Bytes>) -> Self {
        let plain = plain.into();
        let gzip = gzip(&plain);
        let digest = Sha256::digest(&plain);
        let etag = HeaderValue::from_str(&format!("W/\"{}\"", hex::encode(&digest[..16])))
            .unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""));
        Self { plain, gzip, etag }
    }

    /// A response with the plain body; `serve_cached_bodies` answers conditional requests
    /// and swaps in the gzip copy for clients that accept it.
    pub fn into_response(self, content_type: &str) -> Response {
        let mut response = Response::builder()
            .content_type(content_type)
            .body(self.plain);
        response.extensions_mut().insert(Cached {
            gzip: self.gzip,
            etag: self.etag,
        });
        response
    }
}

/// The gzip copy and ETag of a response body, riding along in the response's extensions.
#[derive(Debug, Clone)]
struct Cached {
    gzip: Bytes,
    etag: HeaderValue,
}

/// Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for it) or `*`.
fn none_match(if_none_match: Option<&HeaderValue>, etag: &HeaderValue) -> bool {
    let Some(value) = if_none_match.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let ours = etag.to_str().unwrap_or_default().trim_start_matches("W/");
    value
        .split(',')
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag == ours)
}

fn gzip(data: &[u8]) -> Bytes {
    let mut encoder = GzEncoder::new(Vec::with_capacity(data.len() / 4), Compression::default());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().map(Bytes::from).unwrap_or_default()
}

/// Whether `Accept-Encoding` allows gzip (`gzip` or `*`, with a quality above 0).
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or_default().trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && quality > 0.0
        })
}

/// Middleware for cached bodies: 304 when the client's copy is current, otherwise the gzip
/// copy to clients that accept it, or the plain body.
pub async fn serve_cached_bodies<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let accepts = accepts_gzip(req.headers());
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.call(req).await?.into_response();
    if let Some(Cached { gzip, etag }) = response.extensions_mut().remove::<Cached>() {
        let not_modified = none_match(if_none_match.as_ref(), &etag);
        let headers = response.headers_mut();
        headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        // Stored copies must be checked with us before use; the ETag makes that cheap.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::ETAG, etag);
        if not_modified {
            response.set_status(poem::http::StatusCode::NOT_MODIFIED);
            response.headers_mut().remove(header::CONTENT_TYPE);
            response.headers_mut().remove(header::CONTENT_LENGTH);
            response.set_body(());
        } else if accepts && !gzip.is_empty() {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            response.headers_mut().remove(header::CONTENT_LENGTH);
            response.set_body(gzip);
        }
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        map
    }

    #[test]
    fn gzip_is_accepted_unless_its_quality_is_zero() {
        assert!(accepts_gzip(&headers("gzip, deflate, br")));
        assert!(accepts_gzip(&headers("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&headers("*")));
        assert!(!accepts_gzip(&headers("gzip;q=0")));
        assert!(!accepts_gzip(&headers("br, identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn if_none_match_compares_tags_weakly() {
        let body = CachedBody::new("x");
        let tag = body.etag.to_str().unwrap().to_string();
        let strong = tag.trim_start_matches("W/").to_string();
        for header in [
            tag.as_str(),
            strong.as_str(),
            "*",
            &format!("\"other\", {tag}"),
        ] {
            let value = HeaderValue::from_str(header).unwrap();
            assert!(none_match(Some(&value), &body.etag), "{header}");
        }
        let other = HeaderValue::from_static("W/\"other\"");
        assert!(!none_match(Some(&other), &body.etag));
        assert!(!none_match(None, &body.etag));
    }

    #[test]
    fn the_gzip_copy_decompresses_to_the_plain_body() {
        let body = CachedBody::new("Δήμος Αθηναίων ".repeat(500));
        assert!(body.gzip.len() < body.plain.len() / 10);
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&body.gzip[..])
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded.as_bytes(), &body.plain[..]);
    }
}
