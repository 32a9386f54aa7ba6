//! `event.fetch`: a request to the app's own routes, served in process (SvelteKit's
//! server-side `fetch`, `runtime/server/fetch.js`).

use std::net::SocketAddr;

use axum::extract::Request;
use axum::extract::connect_info::{ConnectInfo, MockConnectInfo};
use axum::http::header::{self, HeaderName};
use axum::http::{Extensions, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use cookie::Cookie;

use super::context::{Context, MAX_DEPTH};
use super::cookies::Cookies;
use super::error::error_response;
use super::jar::{is_removal, request_cookies};
use super::origin::RequestOrigin;

/// What a sub-request takes from the request that makes it.
pub(crate) struct Parent<'a> {
    pub(crate) context: &'a Context,
    pub(crate) origin: &'a RequestOrigin,
    pub(crate) headers: &'a HeaderMap,
    pub(crate) extensions: &'a Extensions,
    pub(crate) cookies: &'a Cookies,
}

/// A sub-request ready to be served.
pub(crate) struct Prepared {
    request: Request,
    /// The default path of a cookie the sub-request sets: its URL's folder.
    cookie_path: String,
}

/// Builds the sub-request, or the response that answers it without serving it.
// The refusal is a whole response, built on the slow path only.
#[allow(clippy::result_large_err)]
pub(crate) fn prepare(parent: &Parent<'_>, request: Request) -> Result<Prepared, Response> {
    let (mut parts, body) = request.into_parts();
    // A refusal reads as any answer to the sub-request would: JSON unless it asks for HTML.
    let refuse = |message: String| {
        let accept = parts.headers.get(header::ACCEPT);
        let accept = accept.and_then(|v| v.to_str().ok()).unwrap_or("*/*");
        let response = error_response(StatusCode::INTERNAL_SERVER_ERROR, message);
        super::error_body::render_plain(response, Some(accept))
    };
    match (parts.uri.scheme_str(), parts.uri.authority()) {
        (None, None) => {}
        (Some(scheme), Some(_))
            if matches!(scheme, "http" | "https")
                && RequestOrigin::of(&parts.uri, &HeaderMap::new()) == *parent.origin => {}
        (Some(scheme), Some(authority)) => {
            let other = format!("{scheme}://{}", authority.host());
            tracing::error!(origin = %other, "routekit: event.fetch to another origin");
            return Err(refuse(format!(
                "event.fetch reaches only this app's own routes, not {other}"
            )));
        }
        _ => {
            return Err(refuse(format!(
                "event.fetch needs a path (`/a/b`) or an absolute URL, not `{}`",
                parts.uri
            )));
        }
    }
    let path = parts.uri.path().to_owned();
    if parent.context.depth() >= MAX_DEPTH {
        // SvelteKit's answer to a request loop: a plain-text 404.
        return Err((StatusCode::NOT_FOUND, format!("Not found: {path}")).into_response());
    }
    parts.uri = parent.origin.url(parts.uri.path_and_query());

    let headers = &mut parts.headers;
    if let Ok(host) = HeaderValue::from_str(parent.origin.authority()) {
        headers.insert(header::HOST, host);
    }
    if parts.method == Method::GET || parts.method == Method::HEAD {
        // A browser sends no `Origin` on a same-origin GET or HEAD.
        headers.remove(header::ORIGIN);
    } else if !headers.contains_key(header::ORIGIN) {
        let origin = format!("{}://{}", parent.origin.scheme(), parent.origin.authority());
        if let Ok(origin) = HeaderValue::from_str(&origin) {
            headers.insert(header::ORIGIN, origin);
        }
    }
    let cookie = cookie_header(parent, &path, headers);
    match cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        Some(cookie) => {
            headers.insert(header::COOKIE, cookie);
        }
        None => {
            headers.remove(header::COOKIE);
        }
    }
    for name in [header::AUTHORIZATION, header::ACCEPT_LANGUAGE] {
        inherit(headers, parent.headers, name);
    }
    if !headers.contains_key(header::ACCEPT) {
        headers.insert(header::ACCEPT, HeaderValue::from_static("*/*"));
    }

    let extensions = &mut parts.extensions;
    if let Some(info) = parent.extensions.get::<ConnectInfo<SocketAddr>>() {
        extensions.insert(*info);
    }
    if let Some(info) = parent.extensions.get::<MockConnectInfo<SocketAddr>>() {
        extensions.insert(*info);
    }

    let cookie_path = match path.rfind('/') {
        Some(0) | None => "/".to_owned(),
        Some(end) => path[..end].to_owned(),
    };
    Ok(Prepared {
        request: Request::from_parts(parts, body),
        cookie_path,
    })
}

/// Serves the sub-request; the cookies it sets move into the parent's jar, so that the final
/// response sets them (and later sub-requests send them).
pub(crate) async fn run(context: &Context, prepared: Prepared) -> Response {
    let mut response = context.respond(prepared.request).await;
    let set_cookies = match response.headers_mut().entry(header::SET_COOKIE) {
        header::Entry::Occupied(entry) => entry.remove_entry_mult().1.collect(),
        header::Entry::Vacant(_) => Vec::new(),
    };
    let mut jar = context.jar();
    for value in set_cookies {
        let Some(mut cookie) = value
            .to_str()
            .ok()
            .and_then(|text| Cookie::parse_encoded(text.to_owned()).ok())
        else {
            tracing::warn!("routekit: a sub-request's unreadable Set-Cookie was dropped");
            continue;
        };
        if cookie.path().is_none() {
            cookie.set_path(prepared.cookie_path.clone());
        }
        jar.put(cookie);
    }
    response
}

/// The sub-request's `Cookie` header: the cookies the parent request sent, overridden by those
/// set since for the sub-request's path, overridden by the sub-request's own.
fn cookie_header(parent: &Parent<'_>, path: &str, own: &HeaderMap) -> Option<String> {
    let sent = parent.cookies.request_header().unwrap_or("");
    let mut pairs: Vec<(String, String)> = request_cookies(sent)
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    let mut put = |name: &str, value: Option<String>| {
        let found = pairs.iter().position(|(n, _)| n == name);
        match (found, value) {
            (Some(at), Some(value)) => pairs[at].1 = value,
            (None, Some(value)) => pairs.push((name.to_owned(), value)),
            // A cookie deleted during this request is not sent on.
            (Some(at), None) => {
                pairs.remove(at);
            }
            (None, None) => {}
        }
    };
    for cookie in parent.context.jar().applying_to(parent.origin.host(), path) {
        // Sent as the browser would get it: percent-encoded (`name=value`, split after the
        // name, which encoding keeps free of `=`).
        let encoded = cookie.stripped().encoded().to_string();
        let value = encoded.split_once('=').map(|(_, value)| value.to_owned());
        put(cookie.name(), value.filter(|_| !is_removal(cookie)));
    }
    let own = super::jar::cookie_header(own);
    for (name, value) in request_cookies(own.as_deref().unwrap_or("")) {
        put(name, Some(value.to_owned()));
    }
    (!pairs.is_empty()).then(|| {
        pairs
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Copies header `name` from the parent request when the sub-request has none.
fn inherit(headers: &mut HeaderMap, parent: &HeaderMap, name: HeaderName) {
    if !headers.contains_key(&name)
        && let Some(value) = parent.get(&name)
    {
        headers.insert(name, value.clone());
    }
}
