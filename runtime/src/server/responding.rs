//! The future of one request: the handler's (or the `handle` hook's) boxed future, then the
//! finishing touches (cookies, `Vary`, the error body, `HEAD`). It is a named type rather
//! than an `async fn`, so that the router's fallback returns it without a box of its own:
//! serving an endpoint costs the one allocation of its handler's future, as in axum (a page,
//! a data request or an error page also allocates the app object its machinery takes).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll, ready};

use axum::body::Body;
use axum::http::{HeaderValue, Method, Uri, header};
use axum::response::Response;

use super::catch_panic::CatchPanic;
use super::context::Context;
use super::error::ErrorBody;
use super::not_modified::not_modified;
use super::{ResponseFuture, error_body};
use crate::page::app::HandleError;

/// What is left to do once the handler answered.
pub(crate) struct Finish {
    /// The request's context, whose cookies go on the response.
    pub(crate) context: Option<Context>,
    /// The request's `Accept`, for an error body.
    pub(crate) accept: Option<HeaderValue>,
    /// Whether the response must lose its body.
    pub(crate) is_head: bool,
    /// Whether the route has a page and an endpoint (`Vary: Accept` on `GET`).
    pub(crate) vary_accept: bool,
    /// The request's `If-None-Match`, for a 304.
    pub(crate) if_none_match: Option<HeaderValue>,
    /// The app's `handle_error` hook with the request's method and URI, for the message of an
    /// unexpected error (only when the app has the hook; boxed so that the future stays small
    /// for the others).
    pub(crate) error_hook: Option<Box<ErrorHook>>,
}

/// What `handle_error` is given besides the error: the request's method and URI.
pub(crate) struct ErrorHook {
    /// The app's `handle_error`.
    pub(crate) hook: HandleError,
    /// The request's method.
    pub(crate) method: Method,
    /// The request's URI.
    pub(crate) uri: Uri,
}

/// The future of a request served by routekit.
pub struct Responding {
    stage: Stage,
}

enum Stage {
    /// The handler (or hook) is running.
    Serving(CatchPanic, Finish),
    /// An error response is getting its body (which may ask `handle_error`).
    Rendering(ResponseFuture, bool),
    /// Answered before any handler ran (a 403, a 308), or done.
    Ready(Option<Response>),
}

impl Responding {
    /// A request answered without a handler.
    #[inline]
    pub(crate) fn ready(response: Response) -> Self {
        Responding {
            stage: Stage::Ready(Some(response)),
        }
    }

    /// A request whose handler (or hook) future is `future`.
    #[inline]
    pub(crate) fn serving(future: CatchPanic, finish: Finish) -> Self {
        Responding {
            stage: Stage::Serving(future, finish),
        }
    }
}

impl Future for Responding {
    type Output = Response;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Response> {
        let this = self.get_mut();
        loop {
            match &mut this.stage {
                Stage::Serving(future, finish) => {
                    let mut response = ready!(Pin::new(future).poll(cx));
                    if let Some(context) = finish.context.take() {
                        context.write_cookies(&mut response);
                    }
                    if finish.vary_accept {
                        add_vary_accept(&mut response);
                    }
                    if response.extensions().get::<ErrorBody>().is_some() {
                        let accept = finish.accept.take();
                        let error_hook = finish.error_hook.take();
                        let is_head = finish.is_head;
                        let render = Box::pin(async move {
                            let accept = accept.as_ref().and_then(|v| v.to_str().ok());
                            error_body::render(error_hook.as_deref(), response, accept).await
                        });
                        this.stage = Stage::Rendering(render, is_head);
                        continue;
                    }
                    if let Some(if_none_match) = &finish.if_none_match {
                        response = not_modified(response, if_none_match);
                    }
                    let is_head = finish.is_head;
                    this.stage = Stage::Ready(None);
                    return Poll::Ready(head(response, is_head));
                }
                Stage::Rendering(future, is_head) => {
                    let response = ready!(future.as_mut().poll(cx));
                    let is_head = *is_head;
                    this.stage = Stage::Ready(None);
                    return Poll::Ready(head(response, is_head));
                }
                Stage::Ready(response) => {
                    return Poll::Ready(response.take().unwrap_or_else(|| {
                        // Polled after completion: a bug in the caller, answered rather than
                        // panicking.
                        super::error::error_response(
                            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                            "routekit: a response future was polled after it completed".to_owned(),
                        )
                    }));
                }
            }
        }
    }
}

/// `response` without its body for a `HEAD` request: `GET`'s headers, `content-length`
/// included.
#[inline]
fn head(response: Response, is_head: bool) -> Response {
    if is_head {
        without_body(response)
    } else {
        response
    }
}

/// `response` without its body, `content-length` kept.
#[cold]
fn without_body(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    if let Some(length) = axum::body::HttpBody::size_hint(&body).exact()
        && !parts.headers.contains_key(header::CONTENT_LENGTH)
    {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    Response::from_parts(parts, Body::empty())
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
