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
mod error_body;
pub(crate) mod hooks;
mod not_modified;
mod responding;
mod route_match;
mod service;
mod target;

// The request context: cookies, CSRF, `RequestEvent`, locals, `event.fetch`.
pub(crate) mod context;
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
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, header};
use axum::response::Response;

use crate::negotiate::negotiate;
use crate::page::app::{bind, handle_error_of};
use crate::page::data_request;
use crate::page::{
    self, ActionResult, BoxFuture, NodeData, NodeInfo, PageInfo, PageRequest, TemplateError,
    TemplateVars,
};
use crate::route::RouteInfo;

pub use error::{Error, ErrorBody, error, fail, json, redirect};
pub use hooks::{Handle, Resolve, UnexpectedError};
pub use responding::Responding;
pub use route_match::{RouteMatch, no_such_handler, params_from_parts};
pub use service::{RouteService, ServiceFuture, service, service_with};
pub use target::Target;

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

    /// Whether `handler` of the `+server.rs` of the route of rank `rank` may read the
    /// request's context (`Cookies`, `RequestEvent`): generated code answers `false` for the
    /// handlers that take nothing or only their route's `Params`, which are then served
    /// without one.
    fn needs_context(rank: usize, handler: &'static str) -> bool {
        let _ = (rank, handler);
        true
    }

    /// The page of the route of rank `rank`, if it has one.
    fn page(rank: usize) -> Option<&'static PageInfo>;

    /// Every layout, error and page node.
    fn nodes() -> &'static [NodeInfo];

    /// The root layout and root error nodes, which render errors of unmatched paths.
    fn root_nodes() -> (usize, usize);

    /// Renders the app's template `name` with `vars` (only called for nodes whose
    /// [`NodeInfo`]'s `template` names one). Generated for an app with templates, which it
    /// compiles once; an app without any keeps this default, and its binary does not link the
    /// template engine.
    fn render(name: &str, vars: TemplateVars<'_>) -> Result<String, TemplateError> {
        let _ = vars;
        Err(TemplateError::missing(name))
    }

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

    /// Whether `hooks.server.rs` exports `handle`.
    const HAS_HANDLE: bool = false;

    /// Runs the `handle` hook around `resolve` (without one: `resolve` alone).
    fn handle(request: Request, resolve: Resolve, state: Self::State) -> ResponseFuture {
        let _ = state;
        Box::pin(resolve.run(request))
    }

    /// Whether `hooks.server.rs` exports `handle_error`.
    const HAS_HANDLE_ERROR: bool = false;

    /// The `handle_error` hook: the public message of an unexpected error (`None`: `Internal
    /// Error`).
    fn handle_error<'a>(
        error: UnexpectedError<'a>,
    ) -> Pin<Box<dyn Future<Output = Option<String>> + Send + 'a>> {
        let _ = error;
        Box::pin(std::future::ready(None))
    }
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
    type Future = Responding;

    fn call(self, request: Request, state: A::State) -> Responding {
        respond::<A>(state, self.0, request)
    }
}

/// SvelteKit's `respond` for one request: the CSRF check, the route (or the trailing-slash
/// redirect), the request context, the `handle` hook around `resolve`, then the response's
/// cookies and error body. `HEAD` responses lose their body last, whatever produced them.
pub fn respond<A: RouteTable>(
    state: A::State,
    options: Arc<Options>,
    request: Request,
) -> Responding {
    respond_at::<A>(state, options, request, 0)
}

/// [`respond`] for a request `depth` calls of `event.fetch` deep (0 for one from outside).
pub(crate) fn respond_at<A: RouteTable>(
    state: A::State,
    options: Arc<Options>,
    mut request: Request,
    depth: u8,
) -> Responding {
    let (method, uri, headers) = (request.method(), request.uri(), request.headers());
    if let Some(forbidden) = csrf::refuse_cross_site_form(method, uri, headers, &options) {
        return Responding::ready(forbidden);
    }
    let (target, found) = match Target::of::<A>(&mut request) {
        Ok(target) => target,
        Err(redirect) => return Responding::ready(redirect),
    };
    let (route, rank) = target.route();
    // Without a `handle` hook nothing changes the request before its route serves it, so the
    // handler of an endpoint-only route is chosen here; one that cannot read the request's
    // context (it takes nothing, or only its route's `Params`) is served without one, its
    // route's match given to `Params` as an extension of its own.
    let endpoint = match route {
        Some(route) if !A::HAS_HANDLE && route.endpoint && !route.page => {
            Some(endpoint::handler_for(route, request.method()))
        }
        _ => None,
    };
    let context = match (endpoint, found) {
        (Some(Some(handler)), found) if !A::needs_context(rank, handler) => {
            if let Some(found) = found.filter(|found| !found.is_empty()) {
                found.attach(&mut request);
            }
            None
        }
        (_, found) => Some(context::Context::install::<A>(
            &mut request,
            &state,
            options,
            route,
            rank,
            found,
            depth,
        )),
    };
    let finish = responding::Finish {
        context,
        accept: request.headers().get(header::ACCEPT).cloned(),
        if_none_match: request.headers().get(header::IF_NONE_MATCH).cloned(),
        is_head: request.method() == Method::HEAD,
        vary_accept: request.method() == Method::GET && route.is_some_and(|r| r.endpoint && r.page),
        // Only an app with `handle_error` needs the method and URI after the request is served.
        error_hook: handle_error_of::<A>().map(|hook| {
            Box::new(responding::ErrorHook {
                hook,
                method: request.method().clone(),
                uri: request.uri().clone(),
            })
        }),
    };
    let future = match (endpoint, route) {
        (Some(Some(handler)), _) => A::call_endpoint(rank, handler, request, state),
        (Some(None), Some(route)) => ready(endpoint::refusal(route, request.method())),
        _ if A::HAS_HANDLE => {
            let resolve_state = state.clone();
            let resolve = Resolve::new(move |request| resolve::<A>(resolve_state, request, target));
            A::handle(request, resolve, state)
        }
        _ => resolve::<A>(state, request, target),
    };
    Responding::serving(catch_panic::catch_panic(future), finish)
}

/// What routekit serves for a request: SvelteKit's `resolve`. The endpoint or page of the
/// route, the data of a data request, or the error page of an unmatched or malformed path.
#[inline]
pub fn resolve<A: RouteTable>(state: A::State, request: Request, target: Target) -> ResponseFuture {
    let what = match target {
        Target::Route { rank, route } => return serve_route::<A>(state, request, rank, route),
        Target::Data { rank, data } => match rank.and_then(A::page) {
            Some(page) => PageRequest::Data { page, data },
            None => return ready(data_request::not_found()),
        },
        Target::NotFound => PageRequest::Error {
            status: StatusCode::NOT_FOUND,
            message: "Not Found",
        },
        Target::Malformed => PageRequest::Error {
            status: StatusCode::BAD_REQUEST,
            message: "Malformed URI",
        },
    };
    page::serve(bind::<A>(state), request, what)
}

/// Serves a matched route: its endpoint or its page, by method and `Accept` (§6 step 11).
#[inline]
fn serve_route<A: RouteTable>(
    state: A::State,
    request: Request,
    rank: usize,
    route: &'static RouteInfo,
) -> ResponseFuture {
    let use_endpoint = route.endpoint && (!route.page || is_endpoint_request(&request));
    if use_endpoint {
        match endpoint::handler_for(route, request.method()) {
            Some(handler) => A::call_endpoint(rank, handler, request, state),
            None => ready(endpoint::refusal(route, request.method())),
        }
    } else {
        match A::page(rank) {
            Some(page) => {
                let what = PageRequest::Page { rank, route, page };
                page::serve(bind::<A>(state), request, what)
            }
            None => ready(no_such_handler(rank, "page")),
        }
    }
}

/// A response that is already there, as a [`ResponseFuture`].
fn ready(response: Response) -> ResponseFuture {
    Box::pin(std::future::ready(response))
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

/// The text of header `name` of `request`, when it has one that is visible ASCII.
pub(crate) fn header_text(request: &Request, name: impl header::AsHeaderName) -> Option<&str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}
