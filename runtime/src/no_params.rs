//! The `Params` of a route whose path has no params: one generic type, so that an app's static
//! routes share its impls instead of getting a struct and seven impls each, which the compiler
//! checks one by one (about 3 ms of a clean build per route).

use std::fmt;
use std::future::{Ready, ready};
use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;

use crate::matching::{HrefError, HrefPart, ParamsError, href};

/// What [`NoParams`] knows of its route (generated code implements it).
#[doc(hidden)]
pub trait StaticRoute: 'static {
    /// The route's path, its static text percent-encoded (empty for a route that matches
    /// only `/`, which `href` gives as `/`).
    const PATH: &'static str;
}

/// The params of a route without params (`src/routes/about`): the route's `Params` is
/// `NoParams<__Route>`, a hidden marker type naming the route. It extracts from any request of
/// the route, and [`href`](Self::href) gives the route's path.
///
/// Being an alias of a type of routekit's, such a `Params` is built with `Params::new()` (or
/// `default()`), not `Params {}`, and takes no impls of the app's own.
pub struct NoParams<R> {
    route: PhantomData<fn() -> R>,
}

impl<R> NoParams<R> {
    /// The (empty) params.
    pub const fn new() -> Self {
        NoParams { route: PhantomData }
    }
}

impl<R: StaticRoute> NoParams<R> {
    /// Builds the params from a match's raw values: there are none to read.
    pub fn from_values<V: AsRef<str>>(values: &[Option<V>]) -> Result<Self, ParamsError> {
        let _ = values;
        Ok(Self::new())
    }

    /// The path of this route, percent-encoded so that it routes back here.
    pub fn href(&self) -> Result<String, HrefError> {
        href(&[HrefPart::Text(R::PATH)])
    }
}

// Written out rather than derived: a derive would bound each impl on `R`.

impl<R> fmt::Debug for NoParams<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Params")
    }
}

impl<R> Clone for NoParams<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for NoParams<R> {}

impl<R> Default for NoParams<R> {
    fn default() -> Self {
        Self::new()
    }
}

impl<R> PartialEq for NoParams<R> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<R> Eq for NoParams<R> {}

/// The route's params as an axum extractor, in this route's handlers: nothing to read.
impl<R, S: Send + Sync> FromRequestParts<S> for NoParams<R> {
    type Rejection = Response;

    #[allow(refining_impl_trait)]
    fn from_request_parts(_parts: &mut Parts, _state: &S) -> Ready<Result<Self, Response>> {
        ready(Ok(Self::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::{NoParams, StaticRoute};

    struct About;

    impl StaticRoute for About {
        const PATH: &'static str = "/about%20us";
    }

    #[test]
    fn gives_the_route_path_and_compares_equal() {
        let params = NoParams::<About>::new();
        assert_eq!(params.href().as_deref(), Ok("/about%20us"));
        assert_eq!(params, NoParams::<About>::default());
        assert_eq!(format!("{params:?}"), "Params");
        let none: &[Option<&str>] = &[];
        assert_eq!(NoParams::<About>::from_values(none), Ok(params));
    }
}
