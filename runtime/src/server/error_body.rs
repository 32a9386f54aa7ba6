//! The body of an error response, chosen once the client's `Accept` is known (§6 step 13):
//! JSON `{"message": …}` when it prefers JSON, otherwise the built-in HTML error page. An
//! unexpected error's message comes from the `handle_error` hook when the app has one.

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::Response;

use super::UnexpectedError;
use super::error::{ErrorBody, UnexpectedSource, error_page};
use super::responding::ErrorHook;
use crate::negotiate::error_prefers_json;

/// Gives `response` (which carries an [`ErrorBody`]) its body.
pub(crate) async fn render(
    error_hook: Option<&ErrorHook>,
    response: Response,
    accept: Option<&str>,
) -> Response {
    let Some(mut body) = response.extensions().get::<ErrorBody>().cloned() else {
        return response;
    };
    if let (Some(UnexpectedSource(source)), Some(error_hook)) = (
        response.extensions().get::<UnexpectedSource>().cloned(),
        error_hook,
    ) {
        let error = UnexpectedError {
            error: source.as_ref(),
            status: body.status,
            method: &error_hook.method,
            path: error_hook.uri.path(),
        };
        if let Some(message) = (error_hook.hook)(error).await {
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
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let (content_type, text) = if error_prefers_json(accept) {
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
