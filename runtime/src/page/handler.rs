//! Calling `load` functions and form actions the way axum calls handlers: any number of
//! extractors as arguments (`FromRequestParts`; an action's last argument may read the body,
//! `FromRequest`), an async body, and a result routekit turns into page data.

use std::future::Future;
use std::pin::Pin;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::IntoResponse;

use super::output::{ActionOutput, ActionResult, LoadOutput, NodeData};
use crate::Error;

/// A boxed future, as the generated code stores them.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// A `load` function of a `+page.server.rs` or `+layout.server.rs`: an async fn whose
/// arguments are extractors (`State`, `Query`, headers, `Cookies`, the route's `Params`,
/// [`Parent`](crate::Parent) data…) and which returns `Result<T, E>` with `T: Serialize` (a
/// struct or a map) and `E: Into<routekit::Error>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a routekit `load` function",
    label = "not a `load` function",
    note = "a `load` is `pub async fn load(…) -> Result<T, E>` where every argument is an extractor that reads the request head (`FromRequestParts`: a load cannot read the body), `T: Serialize` is a struct or a map, and `E: Into<routekit::Error>`"
)]
pub trait Load<T, S>: Clone + Send + Sync + Sized + 'static {
    /// Runs the load for a request (its head) with the app state.
    fn call(self, parts: Parts, state: S) -> BoxFuture<NodeData>;
}

/// A form action (`pub mod actions { pub async fn default(…) }`): an async fn whose arguments
/// are extractors, the last of which may read the body (`Form<T>`), and which returns
/// `Result<T, E>` with `T: Serialize` (`()` for no data) and `E: Into<routekit::Error>`
/// (`fail(status, data)`, `error(…)`, `redirect(303, …)`, or any error through `?`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a routekit form action",
    label = "not a form action",
    note = "an action is `pub async fn name(…) -> Result<T, E>` where every argument is an extractor (only the last may read the body, e.g. `Form<T>`), `T: Serialize` and `E: Into<routekit::Error>`"
)]
pub trait Action<T, S>: Clone + Send + Sync + Sized + 'static {
    /// Runs the action for a request with the app state.
    fn call(self, request: Request, state: S) -> BoxFuture<ActionResult>;
}

/// Runs extractor `$ty` on `$parts`, returning its rejection as the function's error.
macro_rules! extract_parts {
    ($ty:ident, $parts:ident, $state:ident, $fail:expr) => {
        // The rejection becomes a response before the next await: it need not be `Send`.
        match $ty::from_request_parts(&mut $parts, &$state)
            .await
            .map_err(IntoResponse::into_response)
        {
            Ok(value) => value,
            Err(rejection) => return $fail(Error::from_rejection(rejection).await),
        }
    };
}

macro_rules! impl_load {
    ($($ty:ident),*) => {
        #[allow(non_snake_case, unused_mut, unused_variables)]
        impl<F, Fut, S, R, $($ty,)*> Load<($($ty,)*), S> for F
        where
            F: FnOnce($($ty,)*) -> Fut + Clone + Send + Sync + 'static,
            Fut: Future<Output = R> + Send,
            R: LoadOutput,
            S: Send + Sync + 'static,
            $($ty: FromRequestParts<S> + Send,)*
        {
            fn call(self, mut parts: Parts, state: S) -> BoxFuture<NodeData> {
                Box::pin(async move {
                    $(let $ty = extract_parts!($ty, parts, state, Err);)*
                    self($($ty,)*).await.into_node_data()
                })
            }
        }
    };
}

macro_rules! impl_action {
    ($($ty:ident),*; $last:ident) => {
        #[allow(non_snake_case, unused_mut, unused_variables)]
        impl<F, Fut, S, R, M, $($ty,)* $last> Action<(M, $($ty,)* $last,), S> for F
        where
            F: FnOnce($($ty,)* $last) -> Fut + Clone + Send + Sync + 'static,
            Fut: Future<Output = R> + Send,
            R: ActionOutput,
            S: Send + Sync + 'static,
            $($ty: FromRequestParts<S> + Send,)*
            $last: FromRequest<S, M> + Send,
        {
            fn call(self, request: Request, state: S) -> BoxFuture<ActionResult> {
                Box::pin(async move {
                    let (mut parts, body) = request.into_parts();
                    $(let $ty = extract_parts!($ty, parts, state, ActionResult::Error);)*
                    let request = Request::from_parts(parts, body);
                    let $last = match $last::from_request(request, &state)
                        .await
                        .map_err(IntoResponse::into_response)
                    {
                        Ok(value) => value,
                        Err(rejection) => {
                            return ActionResult::Error(Error::from_rejection(rejection).await);
                        }
                    };
                    self($($ty,)* $last).await.into_action_result()
                })
            }
        }
    };
}

impl<F, Fut, S, R> Action<(), S> for F
where
    F: FnOnce() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = R> + Send,
    R: ActionOutput,
    S: Send + Sync + 'static,
{
    fn call(self, _request: Request, _state: S) -> BoxFuture<ActionResult> {
        Box::pin(async move { self().await.into_action_result() })
    }
}

impl_load!();
impl_load!(T1);
impl_load!(T1, T2);
impl_load!(T1, T2, T3);
impl_load!(T1, T2, T3, T4);
impl_load!(T1, T2, T3, T4, T5);
impl_load!(T1, T2, T3, T4, T5, T6);
impl_load!(T1, T2, T3, T4, T5, T6, T7);
impl_load!(T1, T2, T3, T4, T5, T6, T7, T8);
impl_load!(T1, T2, T3, T4, T5, T6, T7, T8, T9);
impl_load!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10);
impl_load!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11);
impl_load!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12);

impl_action!(; T1);
impl_action!(T1; T2);
impl_action!(T1, T2; T3);
impl_action!(T1, T2, T3; T4);
impl_action!(T1, T2, T3, T4; T5);
impl_action!(T1, T2, T3, T4, T5; T6);
impl_action!(T1, T2, T3, T4, T5, T6; T7);
impl_action!(T1, T2, T3, T4, T5, T6, T7; T8);
impl_action!(T1, T2, T3, T4, T5, T6, T7, T8; T9);
impl_action!(T1, T2, T3, T4, T5, T6, T7, T8, T9; T10);
impl_action!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10; T11);
impl_action!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11; T12);
