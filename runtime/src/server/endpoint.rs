//! Choosing a `+server.rs` handler for a request's method (SvelteKit 2 §6.1).

use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::route::RouteInfo;

/// SvelteKit's `ENDPOINT_METHODS`, in the order `Allow` lists them.
pub const ENDPOINT_METHODS: [&str; 7] =
    ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

/// The handler for `method`: its own, else `GET` for `HEAD`, else `fallback`; `None` when the
/// endpoint does not handle `method` (see [`refusal`]).
pub fn handler_for(route: &RouteInfo, method: &Method) -> Option<&'static str> {
    let exported = |name: &str| route.methods.iter().find(|m| **m == name).copied();
    if let Some(own) = exported(method.as_str()) {
        return Some(own);
    }
    if method == Method::HEAD
        && let Some(get) = exported("GET")
    {
        return Some(get);
    }
    route.fallback.then_some("fallback")
}

/// The 405 with `Allow` that answers a method the endpoint does not handle.
#[cold]
pub fn refusal(route: &RouteInfo, method: &Method) -> Response {
    // A plain-text answer, not a rendered error page, as SvelteKit's endpoint gives.
    let mut response = (
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} method not allowed"),
    )
        .into_response();
    if let Ok(allow) = HeaderValue::from_str(&allow(route)) {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response
}

/// The `Allow` header of an endpoint: its methods in `ENDPOINT_METHODS` order, plus `HEAD`
/// when it has `GET` (never `fallback`, never twice).
pub fn allow(route: &RouteInfo) -> String {
    let has = |name: &str| route.methods.contains(&name);
    ENDPOINT_METHODS
        .iter()
        .filter(|m| has(m) || (**m == "HEAD" && has("GET")))
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}
