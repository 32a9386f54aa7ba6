//! `routekit::RequestEvent`: what SvelteKit's `RequestEvent` gives a handler, as an axum
//! extractor.

use std::future::Future;
use std::net::SocketAddr;

use axum::extract::connect_info::{ConnectInfo, MockConnectInfo};
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;

use super::context::Context;
use super::cookies::{Cookies, outside_routekit};
use super::error::error_response;
use super::fetch;
use super::origin::RequestOrigin;
use crate::matching::decode_param;

/// The request a handler serves, with routekit's view of it: its full URL, its route and
/// params, its cookies, its client's address, the locals set ahead of it, and a `fetch`
/// that calls the app's own routes. An axum extractor for the handlers of routekit's routes.
///
/// ```
/// async fn handler(event: routekit::RequestEvent) -> String {
///     let route = event.route_id().unwrap_or("no route");
///     format!("{} {} ({route})", event.method(), event.url())
/// }
/// ```
#[derive(Clone)]
pub struct RequestEvent {
    parts: Parts,
    origin: RequestOrigin,
    url: Uri,
    params: Vec<(&'static str, String)>,
    cookies: Cookies,
    context: Context,
}

impl RequestEvent {
    /// The request method.
    pub fn method(&self) -> &Method {
        &self.parts.method
    }

    /// The full URL, as SvelteKit's `event.url` gives it: origin, path (as sent, not
    /// decoded) and query, e.g. `https://example.com/blog/a%20b?page=2`. The origin is read
    /// from the request: the URI's scheme, else `X-Forwarded-Proto`, else `http`; the URI's
    /// host, else `Host`, else `localhost`.
    pub fn url(&self) -> &Uri {
        &self.url
    }

    /// The request headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.parts.headers
    }

    /// The id of the route the request reached: `/blog/[slug]` (`None` when it reached none,
    /// as in a `handle` hook for an unmatched path).
    pub fn route_id(&self) -> Option<&'static str> {
        self.context.route().map(|route| route.id)
    }

    /// The route's params that are present, percent-decoded, as `(name, value)` in id order
    /// (an absent optional param is left out). The typed view is the route's `Params`.
    pub fn params(&self) -> &[(&'static str, String)] {
        &self.params
    }

    /// The value of the param `name`, if present.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The request's cookies: the jar every handler of this request shares.
    pub fn cookies(&self) -> &Cookies {
        &self.cookies
    }

    /// The client's address, when the server was started with
    /// `into_make_service_with_connect_info::<SocketAddr>()` (or tests add axum's
    /// `MockConnectInfo`); `None` otherwise. Behind a proxy this is the proxy's address.
    pub fn client_address(&self) -> Option<SocketAddr> {
        let extensions = &self.parts.extensions;
        extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0)
            .or_else(|| {
                extensions
                    .get::<MockConnectInfo<SocketAddr>>()
                    .map(|info| info.0)
            })
    }

    /// The local of type `T` a hook or a layer put into the request's extensions, if any
    /// (see [`crate::Locals`]).
    pub fn locals<T: Send + Sync + 'static>(&self) -> Option<&T> {
        self.parts.extensions.get::<T>()
    }

    /// Calls the app's own routes in process, as SvelteKit's `event.fetch` does on the
    /// server: a path-only URI (`/api/items?x=1`) is resolved against [`RequestEvent::url`]
    /// and an absolute one must have the same origin. The sub-request carries the cookies of
    /// this request (those it sent and those set so far), its `Authorization` and
    /// `Accept-Language` unless it has its own, `Accept: */*` by default and an `Origin` for
    /// methods other than GET and HEAD; the cookies the sub-request sets land in this
    /// request's jar. It goes through routekit's dispatch (not the router's layers nor routes
    /// added with `.route`), with the same state and options.
    ///
    /// The answer is always a response: 404 `Not found: {path}` past 10 nested calls (a
    /// loop, as SvelteKit judges it), 500 for a URI of another origin (routekit does not
    /// make network requests).
    pub fn fetch(&self, request: Request) -> impl Future<Output = Response> + Send + 'static {
        let parent = fetch::Parent {
            context: &self.context,
            origin: &self.origin,
            headers: &self.parts.headers,
            extensions: &self.parts.extensions,
            cookies: &self.cookies,
        };
        let prepared = fetch::prepare(&parent, request);
        let context = self.context.clone();
        async move {
            match prepared {
                Ok(prepared) => fetch::run(&context, prepared).await,
                Err(response) => response,
            }
        }
    }
}

impl std::fmt::Debug for RequestEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestEvent")
            .field("method", self.method())
            .field("url", &self.url)
            .field("route_id", &self.route_id())
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestEvent {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let context = Context::of(&parts.extensions)
            .cloned()
            .ok_or_else(outside_routekit)?;
        let origin = RequestOrigin::of(&parts.uri, &parts.headers);
        let cookies = Cookies::from_parts(parts, &origin).ok_or_else(outside_routekit)?;
        let url = origin.url(parts.uri.path_and_query());
        let params = decoded_params(&context)?;
        Ok(RequestEvent {
            parts: parts.clone(),
            origin,
            url,
            params,
            cookies,
            context,
        })
    }
}

/// The params of the request's route, percent-decoded (a value that does not decode is a 400,
/// as with the route's `Params`).
// The rejection is a response, as axum extractors' rejections are.
#[allow(clippy::result_large_err)]
fn decoded_params(context: &Context) -> Result<Vec<(&'static str, String)>, Response> {
    let Some(found) = context
        .found()
        .filter(|found| found.rank() == context.rank())
    else {
        return Ok(Vec::new());
    };
    let Some(route) = context.route() else {
        return Ok(Vec::new());
    };
    let names = route.params.iter();
    let mut params = Vec::with_capacity(found.len());
    for (name, value) in names.zip(found.values()) {
        if let Some(value) = value {
            let decoded = decode_param(value).map_err(|error| {
                error_response(StatusCode::BAD_REQUEST, format!("Malformed URI: {error}"))
            })?;
            params.push((*name, decoded));
        }
    }
    Ok(params)
}
