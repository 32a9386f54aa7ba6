//! SvelteKit's conditional GET (§6 step 12): a 200 whose `ETag` matches the request's
//! `If-None-Match` becomes a 304 without a body, keeping only the headers a 304 may carry.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

/// The headers a 304 keeps.
const KEPT: [header::HeaderName; 7] = [
    header::ETAG,
    header::CACHE_CONTROL,
    header::CONTENT_LOCATION,
    header::DATE,
    header::EXPIRES,
    header::VARY,
    header::SET_COOKIE,
];

/// `response` as a 304 when it is a 200 whose `ETag` equals `if_none_match` (a leading `W/`
/// ignored on either side); otherwise `response` unchanged.
pub(crate) fn not_modified(response: Response, if_none_match: &HeaderValue) -> Response {
    let matches = response.status() == StatusCode::OK
        && response.headers().get(header::ETAG).is_some_and(|etag| {
            strip_weak(etag.as_bytes()) == strip_weak(if_none_match.as_bytes())
        });
    if !matches {
        return response;
    }
    let (parts, _) = response.into_parts();
    let mut headers = HeaderMap::new();
    for name in KEPT {
        for value in parts.headers.get_all(&name) {
            headers.append(name.clone(), value.clone());
        }
    }
    let mut not_modified = Response::new(Body::empty());
    *not_modified.status_mut() = StatusCode::NOT_MODIFIED;
    *not_modified.headers_mut() = headers;
    not_modified
}

fn strip_weak(tag: &[u8]) -> &[u8] {
    tag.strip_prefix(b"W/").unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok_with_etag(etag: &'static str) -> Response {
        let mut response = Response::new(Body::from("body"));
        let headers = response.headers_mut();
        headers.insert(header::ETAG, HeaderValue::from_static(etag));
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("max-age=60"),
        );
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        response
    }

    #[test]
    fn a_matching_etag_is_304_with_the_kept_headers() {
        let tag = HeaderValue::from_static("\"v1\"");
        let response = not_modified(ok_with_etag("W/\"v1\""), &tag);
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers().get(header::ETAG).unwrap(), "W/\"v1\"");
        assert_eq!(
            response.headers().get(header::CACHE_CONTROL).unwrap(),
            "max-age=60"
        );
        assert!(response.headers().get(header::CONTENT_TYPE).is_none());
    }

    #[test]
    fn other_tags_and_statuses_pass_through() {
        let tag = HeaderValue::from_static("\"v2\"");
        assert_eq!(
            not_modified(ok_with_etag("\"v1\""), &tag).status(),
            StatusCode::OK
        );
        let mut created = ok_with_etag("\"v2\"");
        *created.status_mut() = StatusCode::CREATED;
        assert_eq!(not_modified(created, &tag).status(), StatusCode::CREATED);
    }
}
