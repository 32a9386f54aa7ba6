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

// The request context: cookies, CSRF, `RequestEvent`, locals, `event.fetch`.
mod context;
mod cookies;
mod csrf;
mod event;
mod fetch;
mod jar;
mod locals;
mod options;
mod origin;

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::negotiate::negotiate;
use crate::path::{TrailingSlash, decode_pathname, normalize_path};
use crate::route::RouteInfo;

pub use error::{Error, ErrorBody, error, json, redirect};
pub use route_match::{RouteMatch, no_such_handler, params_from_parts};

pub use cookies::Cookies;
pub use event::RequestEvent;
pub use locals::Locals;
pub use options::Options;

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
}

/// The router that serves `A`'s routes: a plain `axum::Router` whose fallback dispatches them,
/// so routes added with `.route(...)` or `.merge(...)` take precedence, and layers and
/// `with_state` work as usual.
pub fn router<A: RouteTable>() -> Router<A::State> {
    router_with::<A>(Options::default())
}

/// [`router`] with `options`: trusted origins, the CSRF check.
pub fn router_with<A: RouteTable>(options: Options) -> Router<A::State> {
    Router::new().fallback(Dispatch::<A>(Arc::new(options), PhantomData))
}

/// The router's fallback: an axum handler that takes the request and the state as they are,
/// without extractors, so that serving a route costs one handler call, as a hand-written axum
/// route does. The options are shared, not copied, per request.
struct Dispatch<A>(Arc<Options>, PhantomData<fn() -> A>);

impl<A> Clone for Dispatch<A> {
    fn clone(&self) -> Self {
        Dispatch(self.0.clone(), PhantomData)
    }
}

/// The marker type of [`Dispatch`]'s `Handler` impl.
#[doc(hidden)]
pub struct Whole;

impl<A: RouteTable> axum::handler::Handler<Whole, A::State> for Dispatch<A> {
    type Future = ResponseFuture;

    fn call(self, request: Request, state: A::State) -> ResponseFuture {
        Box::pin(respond::<A>(state, self.0, request))
    }
}

/// SvelteKit's `respond` for one request.
pub async fn respond<A: RouteTable>(
    state: A::State,
    options: Arc<Options>,
    request: Request,
) -> Response {
    let accept = request.headers().get(header::ACCEPT).cloned();
    let response = dispatch::<A>(state, options, request).await;
    render_error_body(response, accept.as_ref().and_then(|v| v.to_str().ok()))
}

async fn dispatch<A: RouteTable>(
    state: A::State,
    options: Arc<Options>,
    mut request: Request,
) -> Response {
    let (method, uri, headers) = (request.method(), request.uri(), request.headers());
    if let Some(forbidden) = csrf::refuse_cross_site_form(method, uri, headers, &options) {
        return forbidden;
    }
    let found = match decode_pathname(request.uri().path()) {
        Err(_) => {
            return error::error_response(StatusCode::BAD_REQUEST, "Malformed URI".to_owned());
        }
        Ok(decoded) => A::find(&decoded),
    };
    let Some((found, route)) = found.and_then(|f| A::routes().get(f.rank).map(|route| (f, route)))
    else {
        return error::error_response(StatusCode::NOT_FOUND, "Not Found".to_owned());
    };
    if let Some(redirect) = trailing_slash_redirect(&request, route.trailing_slash) {
        return redirect;
    }

    let is_head = request.method() == Method::HEAD;
    let vary_accept = request.method() == Method::GET && route.endpoint && route.page;
    let rank = found.rank;
    // One jar and context for every handler of this request; its cookies go on the response.
    let context = context::Context::install::<A>(&mut request, &state, options, route, rank);
    // Only routes with params have extractors that read the match.
    if !found.values.is_empty() {
        request.extensions_mut().insert(found);
    }
    let use_endpoint = route.endpoint && (!route.page || is_endpoint_request(&request));
    let response = if use_endpoint {
        match endpoint::choose(route, request.method()) {
            Ok(handler) => {
                catch_panic::catch_panic(A::call_endpoint(rank, handler, request, state)).await
            }
            Err(refusal) => refusal,
        }
    } else {
        page_not_served(route)
    };
    let mut response = response;
    context.write_cookies(&mut response);
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

/// Pages are served by a later milestone of routekit; until then a request that SvelteKit
/// would send to a page gets a clear 501 naming the route, rather than a guess.
fn page_not_served(route: &RouteInfo) -> Response {
    error::error_response(
        StatusCode::NOT_IMPLEMENTED,
        format!("routekit does not render pages yet (route {})", route.id),
    )
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
