//! Serving an app's routes on axum: SvelteKit 2's request dispatch (§6).
//!
//! `App::router()` (generated) is a plain `axum::Router` whose fallback runs [`respond`]:
//! decode the path (400 when malformed), find the route (404), apply its trailing-slash policy
//! (308), choose between its endpoint and its page by method and `Accept`, then call the
//! endpoint's handler for the method (HEAD from GET, `fallback`, 405 with `Allow`). Error
//! responses get a JSON or HTML body by `Accept`.

mod catch_panic;
mod endpoint;
pub(crate) mod error;
mod route_match;

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::negotiate::negotiate;
use crate::page::data_request::{self, DataRequest};
use crate::page::{ActionResult, BoxFuture, NodeData, NodeInfo, PageInfo, Templates, respond};
use crate::path::{TrailingSlash, decode_pathname, normalize_path};
use crate::route::RouteInfo;

pub use error::{Error, ErrorBody, error, fail, json, redirect};
pub use route_match::{RouteMatch, no_such_handler, params_from_parts};

/// A boxed response future, as generated code returns them.
pub type ResponseFuture = Pin<Box<dyn Future<Output = Response> + Send>>;

/// What `#[derive(Routes)]` implements for an app so that the runtime can serve it.
pub trait RouteTable: 'static {
    /// The app state (`#[routes(state = T)]`).
    type State: Clone + Send + Sync + 'static;

    /// The routes with a page or an endpoint, in priority order.
    fn routes() -> &'static [RouteInfo];

    /// The route a decoded path reaches, with its raw param values.
    fn find(decoded: &str) -> Option<RouteMatch>;

    /// Calls `handler` (`"GET"` … `"HEAD"` or `"fallback"`) of the `+server.rs` of the route
    /// of rank `rank`. Only called for handlers the route's [`RouteInfo`] lists.
    fn call_endpoint(
        rank: usize,
        handler: &'static str,
        request: Request,
        state: Self::State,
    ) -> ResponseFuture;

    /// The page of the route of rank `rank`, if it has one.
    fn page(rank: usize) -> Option<&'static PageInfo>;

    /// Every layout, error and page node.
    fn nodes() -> &'static [NodeInfo];

    /// The root layout and root error nodes, which render errors of unmatched paths.
    fn root_nodes() -> (usize, usize);

    /// The app's templates, compiled once.
    fn templates() -> &'static Templates;

    /// Runs the `load` of node `node` (only called for nodes whose [`NodeInfo`] says so).
    fn call_load(node: usize, parts: Parts, state: Self::State) -> BoxFuture<NodeData>;

    /// Runs form action `name` of the page of the route of rank `rank` (only called for the
    /// names its [`PageInfo`] lists).
    fn call_action(
        rank: usize,
        name: &'static str,
        request: Request,
        state: Self::State,
    ) -> BoxFuture<ActionResult>;
}

/// The router that serves `A`'s routes: a plain `axum::Router` whose fallback dispatches them,
/// so routes added with `.route(...)` or `.merge(...)` take precedence, and layers and
/// `with_state` work as usual.
pub fn router<A: RouteTable>() -> Router<A::State> {
    Router::new().fallback(Dispatch::<A>(PhantomData))
}

/// The router's fallback: an axum handler that takes the request and the state as they are,
/// without extractors, so that serving a route costs one handler call, as a hand-written axum
/// route does.
struct Dispatch<A>(PhantomData<fn() -> A>);

impl<A> Clone for Dispatch<A> {
    fn clone(&self) -> Self {
        Dispatch(PhantomData)
    }
}

/// The marker type of [`Dispatch`]'s `Handler` impl.
#[doc(hidden)]
pub struct Whole;

impl<A: RouteTable> axum::handler::Handler<Whole, A::State> for Dispatch<A> {
    type Future = ResponseFuture;

    fn call(self, request: Request, state: A::State) -> ResponseFuture {
        Box::pin(respond::<A>(state, request))
    }
}

/// SvelteKit's `respond` for one request.
pub async fn respond<A: RouteTable>(state: A::State, request: Request) -> Response {
    let accept = request.headers().get(header::ACCEPT).cloned();
    let response = dispatch::<A>(state, request).await;
    render_error_body(response, accept.as_ref().and_then(|v| v.to_str().ok()))
}

async fn dispatch<A: RouteTable>(state: A::State, mut request: Request) -> Response {
    let data_request = DataRequest::of(request.uri());
    let path = match &data_request {
        Some(data) => data.path.as_str(),
        None => request.uri().path(),
    };
    let found = match decode_pathname(path) {
        Err(_) => {
            return not_found_or_malformed::<A>(
                state,
                request,
                StatusCode::BAD_REQUEST,
                "Malformed URI",
            )
            .await;
        }
        Ok(decoded) => A::find(&decoded),
    };
    let Some((found, route)) = found.and_then(|f| A::routes().get(f.rank).map(|route| (f, route)))
    else {
        if data_request.is_some() {
            return data_request::not_found();
        }
        return not_found_or_malformed::<A>(state, request, StatusCode::NOT_FOUND, "Not Found")
            .await;
    };
    let rank = found.rank;
    // Only routes with params have extractors that read the match.
    if !found.values.is_empty() {
        request.extensions_mut().insert(found);
    }
    if let Some(data) = data_request {
        data.rewrite(&mut request);
        return match A::page(rank) {
            Some(page) => data_request::respond::<A>(state, request, page, &data).await,
            None => data_request::not_found(),
        };
    }
    if let Some(redirect) = trailing_slash_redirect(&request, route.trailing_slash) {
        return redirect;
    }

    let is_head = request.method() == Method::HEAD;
    let vary_accept = request.method() == Method::GET && route.endpoint && route.page;
    let use_endpoint = route.endpoint && (!route.page || is_endpoint_request(&request));
    let response = if use_endpoint {
        match endpoint::choose(route, request.method()) {
            Ok(handler) => {
                catch_panic::catch_panic(A::call_endpoint(rank, handler, request, state)).await
            }
            Err(refusal) => refusal,
        }
    } else {
        match A::page(rank) {
            Some(page) => {
                catch_panic::catch_panic(Box::pin(respond::render_page::<A>(
                    state, request, rank, route, page,
                )))
                .await
            }
            None => no_such_handler(rank, "page"),
        }
    };
    let mut response = response;
    if vary_accept {
        add_vary_accept(&mut response);
    }
    if is_head {
        // HEAD answers with GET's headers, `content-length` included, and no body.
        let (mut parts, body) = response.into_parts();
        if let Some(length) = axum::body::HttpBody::size_hint(&body).exact()
            && !parts.headers.contains_key(header::CONTENT_LENGTH)
        {
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        }
        return Response::from_parts(parts, Body::empty());
    }
    response
}

/// The 404 of an unmatched path or the 400 of a malformed one: for a client that prefers
/// HTML, the root error page inside the root layout (SvelteKit's `respond_with_error`); for
/// one that prefers JSON, `{"message": …}`.
async fn not_found_or_malformed<A: RouteTable>(
    state: A::State,
    request: Request,
    status: StatusCode,
    message: &str,
) -> Response {
    let accept = header_text(&request, header::ACCEPT).filter(|a| !a.is_empty());
    let wants_json = negotiate(
        accept.unwrap_or("text/html"),
        &["application/json", "text/html"],
    ) == Some("application/json");
    if wants_json {
        return error::error_response(status, message.to_owned());
    }
    let (parts, _) = request.into_parts();
    respond::respond_with_error::<A>(state, parts, status, Some(message.to_owned())).await
}

/// Appends `Accept` to `Vary` unless it already names `accept` or `*`.
fn add_vary_accept(response: &mut Response) {
    let headers = response.headers_mut();
    let covered = headers.get_all(header::VARY).iter().any(|value| {
        value
            .to_str()
            .unwrap_or_default()
            .split(',')
            .any(|v| v.trim() == "*" || v.trim().eq_ignore_ascii_case("accept"))
    });
    if !covered {
        headers.append(header::VARY, HeaderValue::from_static("Accept"));
    }
}

/// The 308 that applies the route's trailing-slash policy, if the path breaks it.
fn trailing_slash_redirect(request: &Request, policy: TrailingSlash) -> Option<Response> {
    let path = request.uri().path();
    let normalized = normalize_path(path, policy);
    if normalized == path {
        return None;
    }
    // A location starting with `//` would be read as another host: `/.//x` is the same path.
    let mut location = if normalized.starts_with("//") {
        format!("/.{normalized}")
    } else {
        normalized.into_owned()
    };
    if let Some(query) = request.uri().query() {
        location.push('?');
        location.push_str(query);
    }
    let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
    let headers = response.headers_mut();
    headers.insert(header::LOCATION, HeaderValue::from_str(&location).ok()?);
    headers.insert("x-sveltekit-normalize", HeaderValue::from_static("1"));
    Some(response)
}

/// SvelteKit's `is_endpoint_request`, for a route with both a page and an endpoint.
fn is_endpoint_request(request: &Request) -> bool {
    let method = request.method();
    if [Method::PUT, Method::PATCH, Method::DELETE, Method::OPTIONS].contains(method) {
        return true;
    }
    if method == Method::POST && header_text(request, "x-sveltekit-action") == Some("true") {
        return false;
    }
    let accept = header_text(request, header::ACCEPT).unwrap_or("*/*");
    negotiate(accept, &["*", "text/html"]) != Some("text/html")
}

fn header_text(request: &Request, name: impl header::AsHeaderName) -> Option<&str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

/// Gives an error response its body: JSON `{"message": …}` when the client prefers JSON,
/// otherwise the HTML error page (§6 step 13).
fn render_error_body(response: Response, accept: Option<&str>) -> Response {
    let Some(body) = response.extensions().get::<ErrorBody>().cloned() else {
        return response;
    };
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
                error::error_page(body.status, &body.message),
            )
        };
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    Response::from_parts(parts, Body::from(text))
}
