//! The body of an error response, chosen once the client's `Accept` is known (§6 step 13):
//! JSON `{"message": …}` when it prefers JSON, otherwise the built-in HTML error page. An
//! unexpected error's message comes from the `handle_error` hook when the app has one.

use axum::body::Body;
use axum::http::{HeaderValue, Method, Uri, header};
use axum::response::Response;

use super::UnexpectedError;
use super::error::{ErrorBody, UnexpectedSource, error_page};
use crate::negotiate::negotiate;
use crate::page::app::HandleError;

/// Gives `response` (which carries an [`ErrorBody`]) its body.
pub(crate) async fn render(
    handle_error: Option<HandleError>,
    response: Response,
    accept: Option<&str>,
    request_line: Option<&(Method, Uri)>,
) -> Response {
    let Some(mut body) = response.extensions().get::<ErrorBody>().cloned() else {
        return response;
    };
    if let (Some(UnexpectedSource(source)), Some((method, uri)), Some(handle_error)) = (
        response.extensions().get::<UnexpectedSource>().cloned(),
        request_line,
        handle_error,
    ) {
        let error = UnexpectedError {
            error: source.as_ref(),
            status: body.status,
            method,
            path: uri.path(),
        };
        if let Some(message) = handle_error(error).await {
            body.message = message;
        }
    }
    with_body(response, &body, accept)
}

/// Gives `response` (which carries an [`ErrorBody`]) its body, with the error's own message.
pub(crate) fn render_plain(response: Response, accept: Option<&str>) -> Response {
    match response.extensions().get::<ErrorBody>().cloned() {
        Some(body) => with_body(response, &body, accept),
        None => response,
    }
}

fn with_body(response: Response, body: &ErrorBody, accept: Option<&str>) -> Response {
    let accept = accept.filter(|a| !a.is_empty()).unwrap_or("text/html");
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let (content_type, text) =
        if negotiate(accept, &["application/json", "text/html"]) == Some("application/json") {
            let json = serde_json::json!({ "message": body.message }).to_string();
            ("application/json", json)
        } else {
            (
                "text/html; charset=utf-8",
                error_page(body.status, &body.message),
            )
        };
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    Response::from_parts(parts, Body::from(text))
}
