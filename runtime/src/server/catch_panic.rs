//! A handler that panics answers 500 for its own request; the router keeps serving.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::http::StatusCode;
use axum::response::Response;

use crate::server::ResponseFuture;
use crate::server::error::error_response;

/// Runs `future`, turning a panic while it is polled into a 500 (the panic is logged).
pub fn catch_panic(future: ResponseFuture) -> CatchPanic {
    CatchPanic { future }
}

/// The future [`catch_panic`] returns.
pub struct CatchPanic {
    future: ResponseFuture,
}

impl Future for CatchPanic {
    type Output = Response;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Response> {
        let future = self.future.as_mut();
        match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(poll) => poll,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(panic = %message, "routekit: a handler panicked");
                Poll::Ready(error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal Error".to_owned(),
                ))
            }
        }
    }
}
