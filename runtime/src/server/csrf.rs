//! SvelteKit's CSRF protection (§6 step 1): a form submission from another site is refused.
//!
//! A browser sends a form to any site without asking it first, and with that site's cookies;
//! what it cannot hide is the `Origin` of the page that sent it. So a `POST`, `PUT`, `PATCH`
//! or `DELETE` whose body is a form type and whose `Origin` is neither the request's own
//! origin (see [`super::origin`]) nor a trusted one gets 403. A form submission without
//! `Origin` is refused too, as in SvelteKit (`null !== url.origin`): browsers send it on every
//! cross-site form post, so only a non-browser client leaves it out, and it can add one.
//! Other bodies (JSON…) pass: a browser asks the site first (CORS preflight) before sending
//! them cross-site.

use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use axum::response::{IntoResponse, Response};

use super::error::json;
use super::options::Options;
use super::origin::{RequestOrigin, normalize_origin_header};

/// The content types a `<form>` can send (its `enctype`s), plus SvelteKit's binary form type.
const FORM_TYPES: [&str; 4] = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
    "application/x-sveltekit-formdata",
];

/// The 403 for a cross-site form submission, or `None` when the request may go on.
pub(crate) fn refuse_cross_site_form(
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    options: &Options,
) -> Option<Response> {
    // Cheapest first: most requests stop at the method.
    if !options.csrf_check
        || !matches!(
            *method,
            Method::POST | Method::PUT | Method::PATCH | Method::DELETE
        )
        || !is_form_content_type(headers)
    {
        return None;
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or_default();
        let origin = normalize_origin_header(origin).unwrap_or_else(|| origin.to_owned());
        if RequestOrigin::of(uri, headers).is(&origin) || options.trusts(&origin) {
            return None;
        }
    }
    let message = format!("Cross-site {method} form submissions are forbidden");
    let mut response = if headers.get(header::ACCEPT).map(HeaderValue::as_bytes)
        == Some(b"application/json".as_slice())
    {
        json(&serde_json::json!({ "message": message }))
    } else {
        message.into_response()
    };
    *response.status_mut() = axum::http::StatusCode::FORBIDDEN;
    Some(response)
}

/// Whether the body is a form type: the media type of `Content-Type`, without parameters,
/// case-insensitively (SvelteKit's `is_form_content_type`).
fn is_form_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let media_type = value.split(';').next().unwrap_or_default().trim();
    FORM_TYPES
        .iter()
        .any(|form| form.eq_ignore_ascii_case(media_type))
}
