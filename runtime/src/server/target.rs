//! Where a request goes, decided before the `handle` hook runs (SvelteKit's `respond` steps
//! 3–10): a data request's page path, the decoded path's route, or the 308 of a trailing-slash
//! policy.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::RouteTable;
use super::route_match::RouteMatch;
use crate::page::data_request::DataRequest;
use crate::path::{TrailingSlash, decode_pathname, normalize_path};
use crate::route::RouteInfo;

/// Where a request goes.
pub enum Target {
    /// A route: its endpoint or its page.
    Route {
        /// The route's rank.
        rank: usize,
        /// The route.
        route: &'static RouteInfo,
    },
    /// A data request (`/…/__data.json`) for the route of rank `rank`, if any.
    Data {
        /// The page's route's rank, when the path matched one.
        rank: Option<usize>,
        /// The data request.
        data: DataRequest,
    },
    /// No route matches the path.
    NotFound,
    /// The path's percent-encoding is malformed.
    Malformed,
}

impl Target {
    /// Finds where `request` goes, with the route the path matched and its params; a path
    /// that breaks the route's trailing-slash policy gets its 308 instead.
    // The redirect is a whole response, as axum's rejections are.
    #[allow(clippy::result_large_err)]
    pub(crate) fn of<A: RouteTable>(
        request: &mut Request,
    ) -> Result<(Target, Option<RouteMatch>), Response> {
        let data = DataRequest::of(request.uri());
        let path = data
            .as_ref()
            .map_or(request.uri().path(), |data| data.path.as_str());
        let Ok(decoded) = decode_pathname(path) else {
            return Ok((Target::Malformed, None));
        };
        let found = A::find(&decoded)
            .and_then(|found| A::routes().get(found.rank()).map(|route| (found, route)));
        if let Some(data) = data {
            data.rewrite(request);
            let (rank, found) = match found {
                Some((found, _)) => (Some(found.rank()), Some(found)),
                None => (None, None),
            };
            return Ok((Target::Data { rank, data }, found));
        }
        let Some((found, route)) = found else {
            return Ok((Target::NotFound, None));
        };
        if let Some(redirect) = trailing_slash_redirect(request, route.trailing_slash) {
            return Err(redirect);
        }
        let rank = found.rank();
        Ok((Target::Route { rank, route }, Some(found)))
    }

    /// The route and its rank, when the request reached one.
    pub(crate) fn route(&self) -> (Option<&'static RouteInfo>, usize) {
        match self {
            Target::Route { rank, route } => (Some(route), *rank),
            _ => (None, usize::MAX),
        }
    }
}

/// The 308 that applies the route's trailing-slash policy, if the path breaks it.
#[inline]
fn trailing_slash_redirect(request: &Request, policy: TrailingSlash) -> Option<Response> {
    let path = request.uri().path();
    // What `normalize_path` leaves as it is, without calling it.
    let canonical = match policy {
        TrailingSlash::Ignore => true,
        TrailingSlash::Never => !path.ends_with('/'),
        TrailingSlash::Always => path.ends_with('/'),
    };
    if canonical {
        return None;
    }
    redirect_to_normal(request, path, policy)
}

/// The 308 to the normalized spelling of `path`, if it is another.
#[cold]
fn redirect_to_normal(request: &Request, path: &str, policy: TrailingSlash) -> Option<Response> {
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
