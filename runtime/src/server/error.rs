//! Errors a handler returns, and how they become responses (SvelteKit 2 §6 step 13, §6.3).
//!
//! A handler returns `Result<T, routekit::Error>`; `?` converts any `std::error::Error` into a
//! 500 whose details are logged, never sent. `error(status, message)` and `redirect(status,
//! location)` build the expected failures. The body of an error is chosen by the request's
//! `Accept` header (JSON or the HTML error page) after the handler returns, which is why an
//! error response carries an [`ErrorBody`] extension that the dispatcher renders.

use std::fmt;
use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// What went wrong in a handler.
pub struct Error(pub(crate) Kind);

pub(crate) enum Kind {
    /// An expected failure with its status (400–599) and message: SvelteKit's `error()`.
    Http { status: StatusCode, message: String },
    /// A redirect (300–308): SvelteKit's `redirect()`.
    Redirect {
        status: StatusCode,
        location: HeaderValue,
    },
    /// A form action's expected failure with the data to show again: SvelteKit's `fail()`.
    Failure {
        status: StatusCode,
        data: serde_json::Value,
    },
    /// An unexpected failure: a 500 whose details are logged, not sent.
    Internal(Arc<dyn std::error::Error + Send + Sync>),
}

/// An unexpected failure described by `message` (a mistake in the app).
pub(crate) fn internal(message: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Error {
    Error(Kind::Internal(Arc::from(message.into())))
}

/// An unexpected error's source, kept on its response so that the dispatcher can give it to
/// the `handle_error` hook.
#[derive(Clone)]
pub(crate) struct UnexpectedSource(pub(crate) Arc<dyn std::error::Error + Send + Sync>);

/// SvelteKit's `fail(status, data)`: a form action's expected failure (a validation error,
/// wrong credentials). Return it from an action as `Err(fail(400, data))`: the page is
/// rendered again with `form` = `data` and that status (or, for a `fetch` request, an
/// `ActionResult` of type `failure`). Outside a form action it is a mistake in the app (a 500).
pub fn fail(status: u16, data: impl serde::Serialize) -> Error {
    let Ok(code) = StatusCode::from_u16(status) else {
        return internal(format!("fail(): {status} is not an HTTP status code"));
    };
    match serde_json::to_value(data) {
        Ok(data) => Error(Kind::Failure { status: code, data }),
        Err(error) => Error::from(error),
    }
}

impl Error {
    /// The response status this error gives.
    pub fn status(&self) -> StatusCode {
        match &self.0 {
            Kind::Http { status, .. }
            | Kind::Redirect { status, .. }
            | Kind::Failure { status, .. } => *status,
            Kind::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message a client may see: the message of `error()`, `Internal Error` otherwise
    /// (the details of unexpected failures are logged, never sent).
    pub(crate) fn public_message(&self) -> String {
        match &self.0 {
            Kind::Http { message, .. } => message.clone(),
            _ => "Internal Error".to_owned(),
        }
    }

    /// Logs an unexpected failure's details (once, where it is turned into a response).
    pub(crate) fn log(&self, context: &str) {
        match &self.0 {
            Kind::Internal(error) => tracing::error!(error = %error, "routekit: {context}"),
            Kind::Failure { .. } => tracing::error!(
                "routekit: {context}: fail() is for form actions; elsewhere use error()"
            ),
            _ => {}
        }
    }

    /// An extractor's rejection (a response) as an error: its status and, for a client error,
    /// its text as the message.
    pub(crate) async fn from_rejection(response: Response) -> Error {
        let status = response.status();
        let text = axum::body::to_bytes(response.into_body(), 64 * 1024)
            .await
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        if status.is_client_error() {
            let message = if text.is_empty() {
                status.canonical_reason().unwrap_or("Error").to_owned()
            } else {
                text
            };
            Error(Kind::Http { status, message })
        } else {
            internal(format!(
                "an extractor rejected the request with {status}: {text}"
            ))
        }
    }
}

/// SvelteKit's `error(status, message)`: an expected failure. A status outside 400–599 is a
/// mistake in the app; it becomes a 500 saying so.
pub fn error(status: u16, message: impl Into<String>) -> Error {
    match StatusCode::from_u16(status) {
        Ok(code) if (400..=599).contains(&status) => Error(Kind::Http {
            status: code,
            message: message.into(),
        }),
        _ => internal(format!(
            "HTTP error status codes must be between 400 and 599 — {status} is invalid"
        )),
    }
}

/// SvelteKit's `redirect(status, location)`: 300–308 (303 after a form post, 307/308 to keep
/// the method). A status outside that range or a location that is not a valid header value is
/// a mistake in the app; it becomes a 500 saying so.
pub fn redirect(status: u16, location: impl AsRef<str>) -> Error {
    let location = location.as_ref();
    let Ok(value) = HeaderValue::from_str(location) else {
        return internal(format!(
            "Invalid redirect location {location:?}: this string contains characters that cannot be used in HTTP headers"
        ));
    };
    match StatusCode::from_u16(status) {
        Ok(code) if (300..=308).contains(&status) => Error(Kind::Redirect {
            status: code,
            location: value,
        }),
        _ => internal(format!("Invalid status code {status} for a redirect")),
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for Error {
    fn from(error: E) -> Self {
        Error(Kind::Internal(Arc::new(error)))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Kind::Http { status, message } => write!(f, "error({}, {message:?})", status.as_u16()),
            Kind::Redirect { status, location } => {
                write!(f, "redirect({}, {location:?})", status.as_u16())
            }
            Kind::Failure { status, data } => write!(f, "fail({}, {data})", status.as_u16()),
            Kind::Internal(error) => write!(f, "internal error: {error}"),
        }
    }
}

/// The status and public message of an error response, for the dispatcher to render as JSON
/// or HTML once it knows what the client accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    /// The response status.
    pub status: StatusCode,
    /// The message the client may see (`Internal Error` for unexpected failures).
    pub message: String,
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        self.log("a handler failed");
        match self.0 {
            Kind::Redirect { status, location } => {
                let mut response = status.into_response();
                response.headers_mut().insert(header::LOCATION, location);
                response
            }
            Kind::Http { status, message } => error_response(status, message),
            Kind::Internal(source) => {
                let mut response = error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal Error".to_owned(),
                );
                response.extensions_mut().insert(UnexpectedSource(source));
                response
            }
            Kind::Failure { .. } => error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal Error".to_owned(),
            ),
        }
    }
}

/// A plain-text error response marked with its [`ErrorBody`].
pub(crate) fn error_response(status: StatusCode, message: String) -> Response {
    let mut response = (status, message.clone()).into_response();
    response
        .extensions_mut()
        .insert(ErrorBody { status, message });
    response
}

/// SvelteKit's `json(data)`: a JSON response (`application/json`). Data that cannot be
/// serialized is a 500, logged.
pub fn json(data: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(data) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(error) => Error::from(error).into_response(),
    }
}

/// The built-in error page (SvelteKit's static `error.html`), with the status and message
/// escaped.
pub(crate) fn error_page(status: StatusCode, message: &str) -> String {
    let message = escape_html(message);
    let code = status.as_u16();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{message}</title>\n</head>\n<body>\n<h1>{code}</h1>\n<p>{message}</p>\n</body>\n</html>\n"
    )
}

pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_out_of_range_are_internal_errors() {
        assert_eq!(
            error(404, "x").into_response().status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            error(200, "x").into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
        assert_eq!(
            redirect(303, "/a").into_response().status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            redirect(309, "/a").into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
        assert_eq!(
            redirect(303, "/a\nb").into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn internal_errors_hide_their_details() {
        let io = std::io::Error::other("database password is hunter2");
        let response = Error::from(io).into_response();
        let body = response.extensions().get::<ErrorBody>().cloned();
        assert_eq!(body.map(|b| b.message), Some("Internal Error".to_owned()));
    }

    #[test]
    fn the_error_page_escapes_the_message() {
        assert!(error_page(StatusCode::NOT_FOUND, "<script>").contains("&lt;script&gt;"));
    }
}
