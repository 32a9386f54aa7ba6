//! `App::service(state)`: the app as a `tower::Service` of its own, without an axum `Router`
//! in front. `App::router()` is the composable form (merge, nest, `.route`, fallbacks); this is
//! the lean one, for an app that routekit serves alone: it skips the router's own per-request
//! work (its path lookup, the fallback route, the `OriginalUri` and URL-params extensions).
//!
//! ```rust,ignore
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
//! let service = axum::ServiceExt::<axum::extract::Request>::into_make_service(App::service(state));
//! axum::serve(listener, service).await?;
//! ```

use std::convert::Infallible;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::response::Response;

use super::{Options, Responding, RouteTable, respond};

/// An app's routes as a `tower::Service` (see [`service`]).
pub struct RouteService<A: RouteTable> {
    state: A::State,
    options: Arc<Options>,
    app: PhantomData<fn() -> A>,
}

impl<A: RouteTable> Clone for RouteService<A> {
    fn clone(&self) -> Self {
        RouteService {
            state: self.state.clone(),
            options: self.options.clone(),
            app: PhantomData,
        }
    }
}

/// The app `A` with `state` as a `tower::Service`, with default [`Options`].
pub fn service<A: RouteTable>(state: A::State) -> RouteService<A> {
    service_with::<A>(state, Options::default())
}

/// [`service`] with `options`: trusted origins, the CSRF check.
pub fn service_with<A: RouteTable>(state: A::State, options: Options) -> RouteService<A> {
    RouteService {
        state,
        options: Arc::new(options),
        app: PhantomData,
    }
}

impl<A, B> tower_service::Service<axum::http::Request<B>> for RouteService<A>
where
    A: RouteTable,
    B: HttpBody<Data = axum::body::Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ServiceFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: axum::http::Request<B>) -> ServiceFuture {
        let request: Request = request.map(Body::new);
        ServiceFuture(respond::<A>(
            self.state.clone(),
            self.options.clone(),
            request,
        ))
    }
}

/// The future of [`RouteService`]: a request's response, which never fails.
pub struct ServiceFuture(Responding);

impl Future for ServiceFuture {
    type Output = Result<Response, Infallible>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let response = ready!(Pin::new(&mut self.get_mut().0).poll(cx));
        Poll::Ready(Ok(response))
    }
}
