//! `src/hooks.server.rs`: `handle` runs around every request that reaches routekit's routing
//! (SvelteKit's `handle({ event, resolve })`), and `handle_error` chooses the message of an
//! unexpected error.
//!
//! ```rust,ignore
//! // src/hooks.server.rs
//! use axum::extract::{Request, State};
//! use axum::response::Response;
//!
//! pub async fn handle(State(db): State<Db>, mut request: Request, resolve: routekit::Resolve) -> Response {
//!     if let Some(user) = db.user_of_session(&request).await {
//!         request.extensions_mut().insert(user);      // a typed local: `Locals<User>`
//!     }
//!     let mut response = resolve.run(request).await;   // routekit serves the request
//!     response.headers_mut().insert("x-frame-options", "DENY".parse().unwrap());
//!     response
//! }
//!
//! pub async fn handle_error(error: routekit::UnexpectedError<'_>) -> Option<String> {
//!     tracing::error!(%error.error, path = error.path, "unexpected");
//!     Some(format!("Something went wrong ({})", error.status))
//! }
//! ```

use std::future::Future;

use axum::extract::{FromRequestParts, Request};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};

use axum::http::request::Parts;

use super::ResponseFuture;
use super::error::Kind;
use crate::Error;
use crate::page::app::HandleError;

/// What `handle` calls to let routekit serve the request: `resolve.run(request).await`.
/// A hook that does not call it answers the request itself.
pub struct Resolve {
    serve: Box<dyn FnOnce(Request) -> ResponseFuture + Send>,
}

impl Resolve {
    pub(crate) fn new(serve: impl FnOnce(Request) -> ResponseFuture + Send + 'static) -> Self {
        Resolve {
            serve: Box::new(serve),
        }
    }

    /// Serves `request` through the app's routes: the endpoint or page it reaches, or the
    /// error page.
    pub async fn run(self, request: Request) -> Response {
        (self.serve)(request).await
    }
}

impl std::fmt::Debug for Resolve {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Resolve")
    }
}

/// An unexpected error (not `error()`, `redirect()` or `fail()`), given to `handle_error`.
#[derive(Debug, Clone, Copy)]
pub struct UnexpectedError<'a> {
    /// The error.
    pub error: &'a (dyn std::error::Error + Send + Sync + 'static),
    /// The status the response gets (500).
    pub status: StatusCode,
    /// The request's method.
    pub method: &'a Method,
    /// The request's path.
    pub path: &'a str,
}

/// The `handle` hook: an async fn taking extractors (`FromRequestParts`: `State`, headers,
/// `Cookies`…), then the `Request` and the [`Resolve`], and returning anything
/// `IntoResponse`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a routekit `handle` hook",
    label = "not a `handle` hook",
    note = "`handle` is `pub async fn handle(…, request: Request, resolve: routekit::Resolve) -> impl IntoResponse`, where the arguments before `request` are extractors that read the request head (`FromRequestParts`)"
)]
pub trait Handle<T, S>: Clone + Send + Sync + Sized + 'static {
    /// Runs the hook for `request`.
    fn call(self, request: Request, resolve: Resolve, state: S) -> ResponseFuture;
}

macro_rules! impl_handle {
    ($($ty:ident),*) => {
        #[allow(non_snake_case, unused_mut, unused_variables)]
        impl<F, Fut, S, R, $($ty,)*> Handle<($($ty,)*), S> for F
        where
            F: FnOnce($($ty,)* Request, Resolve) -> Fut + Clone + Send + Sync + 'static,
            Fut: Future<Output = R> + Send,
            R: IntoResponse,
            S: Send + Sync + 'static,
            $($ty: FromRequestParts<S> + Send,)*
        {
            fn call(self, request: Request, resolve: Resolve, state: S) -> ResponseFuture {
                Box::pin(async move {
                    let (mut parts, body) = request.into_parts();
                    $(
                        let $ty = match $ty::from_request_parts(&mut parts, &state)
                            .await
                            .map_err(IntoResponse::into_response)
                        {
                            Ok(value) => value,
                            Err(rejection) => return rejection,
                        };
                    )*
                    let request = Request::from_parts(parts, body);
                    self($($ty,)* request, resolve).await.into_response()
                })
            }
        }
    };
}

impl_handle!();
impl_handle!(T1);
impl_handle!(T1, T2);
impl_handle!(T1, T2, T3);
impl_handle!(T1, T2, T3, T4);
impl_handle!(T1, T2, T3, T4, T5);
impl_handle!(T1, T2, T3, T4, T5, T6);
impl_handle!(T1, T2, T3, T4, T5, T6, T7);
impl_handle!(T1, T2, T3, T4, T5, T6, T7, T8);

/// The message a client may see for `error`, met while serving the request `parts`: the
/// message of `error()`, or for an unexpected error the `handle_error` hook's (by default
/// `Internal Error`: details are logged, never sent).
pub(crate) async fn public_message(
    handle_error: Option<HandleError>,
    error: &Error,
    parts: &Parts,
) -> String {
    if let Kind::Internal(source) = &error.0
        && let Some(handle_error) = handle_error
    {
        let unexpected = UnexpectedError {
            error: source.as_ref(),
            status: error.status(),
            method: &parts.method,
            path: parts.uri.path(),
        };
        if let Some(message) = handle_error(unexpected).await {
            return message;
        }
    }
    error.public_message()
}
