//! Form actions (SvelteKit 2 §6.2): choosing the action from `?/name`, checking the body's
//! content type, and the `ActionResult` JSON a `fetch` request (JSON mode) gets.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::app::{HandleError, PageApp};
use super::devalue;
use super::info::PageInfo;
use super::output::ActionResult;
use crate::negotiate::prefers_json;
use crate::server::error::Kind;
use crate::server::hooks::public_message;
use crate::{Error, error};
use axum::http::request::Parts;

/// The message of a POST to a page without `mod actions`.
pub(crate) const NO_ACTIONS: &str = "POST method not allowed. No form actions exist for this page";

/// Whether a POST wants an `ActionResult` as JSON (a `fetch` from a script) rather than the
/// page: SvelteKit's `is_action_json_request`. A POST without `Accept` is JSON mode.
pub(crate) fn is_json_mode(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("*/*");
    prefers_json(accept)
}

/// Runs the action a POST names, after SvelteKit's checks: a page without actions is a 405,
/// an explicit `?/default` a 500, an unknown name a 404, a body that is not a form a 415.
pub(crate) async fn run_action(
    app: &dyn PageApp,
    rank: usize,
    page: &PageInfo,
    request: Request,
) -> ActionResult {
    if page.actions.is_empty() {
        return ActionResult::Error(error(405, NO_ACTIONS));
    }
    let name = match action_name(request.uri().query()) {
        Ok(name) => name,
        Err(error) => return ActionResult::Error(error),
    };
    let Some(&name) = page.actions.iter().find(|a| **a == name) else {
        return ActionResult::Error(error(404, format!("No action with name '{name}' found")));
    };
    if !is_form_content_type(request.headers()) {
        let received = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map_or("null".to_owned(), |v| {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            });
        return ActionResult::Error(error(
            415,
            format!("Form actions expect form-encoded data — received {received}"),
        ));
    }
    app.call_action(rank, name, request).await
}

/// The action a query names: its first key that starts with `/`, without the `/`; `default`
/// when none does.
fn action_name(query: Option<&str>) -> Result<String, Error> {
    let query = query.unwrap_or_default();
    let named = form_urlencoded::parse(query.as_bytes())
        .map(|(key, _)| key)
        .find(|key| key.starts_with('/'));
    match named {
        None => Ok("default".to_owned()),
        Some(key) if &key[1..] == "default" => Err(Error::from(ReservedName)),
        Some(key) => Ok(key[1..].to_owned()),
    }
}

/// `?/default` names the default action explicitly, which SvelteKit refuses.
#[derive(Debug)]
struct ReservedName;

impl std::fmt::Display for ReservedName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cannot use reserved action name \"default\"")
    }
}

impl std::error::Error for ReservedName {}

/// Whether the request's body is a form: SvelteKit's `is_form_content_type`.
pub(crate) fn is_form_content_type(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    [
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/plain",
    ]
    .iter()
    .any(|form| essence.eq_ignore_ascii_case(form))
}

/// The `ActionResult` JSON of SvelteKit 2: success, failure and redirect answer 200; an error
/// answers with its status. `data` is devalue-encoded.
pub(crate) async fn json_response(
    handle_error: Option<HandleError>,
    result: ActionResult,
    parts: &Parts,
) -> Response {
    let (status, body) = match result {
        ActionResult::Success(data) => {
            let code = if data.is_some() { 200 } else { 204 };
            let data = devalue::stringify(data.as_ref());
            (
                StatusCode::OK,
                json!({"type": "success", "status": code, "data": data}),
            )
        }
        ActionResult::Error(error) => match error.0 {
            Kind::Failure { status, data } => {
                let data = devalue::stringify(Some(&data));
                (
                    StatusCode::OK,
                    json!({"type": "failure", "status": status.as_u16(), "data": data}),
                )
            }
            Kind::Redirect { status, location } => {
                let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
                (
                    StatusCode::OK,
                    json!({"type": "redirect", "status": status.as_u16(), "location": location}),
                )
            }
            _ => {
                error.log("a form action failed");
                let message = public_message(handle_error, &error, parts).await;
                (
                    error.status(),
                    json!({"type": "error", "error": {"message": message}}),
                )
            }
        },
    };
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_slash_key_names_the_action() {
        assert_eq!(action_name(None).unwrap(), "default");
        assert_eq!(action_name(Some("a=1&/login&b")).unwrap(), "login");
        assert_eq!(action_name(Some("%2Fregister=")).unwrap(), "register");
        assert!(action_name(Some("/default")).is_err());
    }

    #[test]
    fn form_content_types() {
        let mut headers = HeaderMap::new();
        assert!(!is_form_content_type(&headers));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=x"),
        );
        assert!(is_form_content_type(&headers));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        assert!(!is_form_content_type(&headers));
    }
}
