//! `routekit::Locals<T>`: typed values a hook or a layer attached to the request (SvelteKit's
//! `event.locals`), such as the signed-in user.

use std::any::type_name;
use std::convert::Infallible;
use std::ops::{Deref, DerefMut};

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;

use super::error::error_response;

/// A `T` that something ahead of the handler put into the request's extensions
/// (`request.extensions_mut().insert(value)` in a hook or an axum middleware), cloned out.
///
/// When no `T` is there the request fails with a 500 naming the type: a handler that needs
/// it runs only behind what sets it. Take `Option<Locals<T>>` when it may be absent.
///
/// ```
/// #[derive(Clone)]
/// struct User { name: String }
///
/// async fn handler(routekit::Locals(user): routekit::Locals<User>) -> String {
///     format!("hello {}", user.name)
/// }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Locals<T>(pub T);

impl<T> Deref for Locals<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Locals<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<S, T> FromRequestParts<S> for Locals<T>
where
    S: Send + Sync,
    T: Clone + Send + Sync + 'static,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        parts
            .extensions
            .get::<T>()
            .cloned()
            .map(Locals)
            .ok_or_else(|| {
                error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!(
                        "no locals of type `{}` in this request: a hook or layer must insert them",
                        type_name::<T>()
                    ),
                )
            })
    }
}

impl<S, T> OptionalFromRequestParts<S> for Locals<T>
where
    S: Send + Sync,
    T: Clone + Send + Sync + 'static,
{
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Option<Self>, Infallible> {
        Ok(parts.extensions.get::<T>().cloned().map(Locals))
    }
}
