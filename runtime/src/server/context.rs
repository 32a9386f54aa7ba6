//! What every handler of one request shares: its cookie jar, its route, and the app itself
//! (for `event.fetch`). The dispatcher puts one [`Context`] into the request's extensions
//! before calling a handler and writes the jar's `Set-Cookie`s on the response afterwards,
//! whatever the handler returned, errors included. The exception is an endpoint handler that
//! cannot read it (it takes nothing, or only its route's `Params`), when no `handle` hook
//! runs: it is served without one, and no cookie can be set.

use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::extract::Request;
use axum::http::Extensions;
use axum::response::Response;

use super::jar::Jar;
use super::options::Options;
use super::route_match::RouteMatch;
use super::{ResponseFuture, RouteTable};
use crate::route::RouteInfo;

/// How deep `event.fetch` may nest: SvelteKit's `MAX_DEPTH`, past which it assumes a loop.
pub(crate) const MAX_DEPTH: u8 = 10;

/// One request's shared context, cheap to clone (one `Arc`).
#[derive(Clone)]
pub(crate) struct Context(Arc<Shared>);

/// The context behind the `Arc`: one allocation per request, the app erased behind `dyn`.
struct Shared<R: ?Sized = dyn Respond> {
    jar: Mutex<Jar>,
    route: Option<&'static RouteInfo>,
    rank: usize,
    /// The route the path matched, with its param values (for a data request, its page's).
    found: Option<RouteMatch>,
    depth: u8,
    app: R,
}

/// Serves a request with the app, its state and its options: `respond::<A>`, type-erased.
trait Respond: Send + Sync + 'static {
    fn respond(&self, request: Request, depth: u8) -> ResponseFuture;
}

struct App<A: RouteTable> {
    state: A::State,
    options: Arc<Options>,
    app: PhantomData<fn() -> A>,
}

impl<A: RouteTable> Respond for App<A> {
    fn respond(&self, request: Request, depth: u8) -> ResponseFuture {
        Box::pin(super::respond_at::<A>(
            self.state.clone(),
            self.options.clone(),
            request,
            depth,
        ))
    }
}

impl Context {
    /// Creates the context of a request to `route` (`None` when it matched none), whose path
    /// matched `found`, made `depth` calls of `event.fetch` deep, and puts it into the
    /// request's extensions.
    pub(crate) fn install<A: RouteTable>(
        request: &mut Request,
        state: &A::State,
        options: Arc<Options>,
        route: Option<&'static RouteInfo>,
        rank: usize,
        found: Option<RouteMatch>,
        depth: u8,
    ) -> Context {
        let app = App::<A> {
            state: state.clone(),
            options,
            app: PhantomData,
        };
        let context = Context(Arc::new(Shared {
            jar: Mutex::new(Jar::default()),
            route,
            rank,
            found,
            depth,
            app,
        }));
        context.attach(request)
    }

    /// Puts the context in `request`'s extensions. Not generic (nor inlined into `install`),
    /// so that the extension's code is compiled once, in routekit.
    #[inline(never)]
    fn attach(self, request: &mut Request) -> Context {
        request.extensions_mut().insert(self.clone());
        self
    }

    /// The context the dispatcher put into a request, if it went through routekit.
    pub(crate) fn of(extensions: &Extensions) -> Option<&Context> {
        extensions.get::<Context>()
    }

    /// The request's cookie jar. A handler that panicked while holding it leaves it usable.
    pub(crate) fn jar(&self) -> MutexGuard<'_, Jar> {
        self.0.jar.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The route the request reached (`None` for an unmatched path).
    pub(crate) fn route(&self) -> Option<&'static RouteInfo> {
        self.0.route
    }

    /// That route's rank in priority order.
    pub(crate) fn rank(&self) -> usize {
        self.0.rank
    }

    /// The route the path matched and its raw param values: the route's own, or for a data
    /// request its page's (`None` when the path matched none).
    pub(crate) fn found(&self) -> Option<&RouteMatch> {
        self.0.found.as_ref()
    }

    /// How deep in `event.fetch` calls this request is (0 for one from outside).
    pub(crate) fn depth(&self) -> u8 {
        self.0.depth
    }

    /// Serves `request`, made by `event.fetch` in this request, with the same app, state and
    /// options, in process, one level deeper.
    pub(crate) fn respond(&self, request: Request) -> ResponseFuture {
        self.0.app.respond(request, self.0.depth + 1)
    }

    /// Adds a `Set-Cookie` for every cookie set during the request to its response. The
    /// dispatcher usually holds the last reference by then: no lock to take.
    pub(crate) fn write_cookies(mut self, response: &mut Response) {
        let headers = response.headers_mut();
        match Arc::get_mut(&mut self.0) {
            Some(shared) => shared
                .jar
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .write_set_cookies(headers),
            None => self.jar().write_set_cookies(headers),
        }
    }
}
