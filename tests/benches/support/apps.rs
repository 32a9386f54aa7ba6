//! The apps the runtime benchmarks compare, and how they serve one request: a routekit app
//! and a hand-written axum `Router` with the same handlers. Shared by `benches/runtime.rs`
//! (wall time) and `examples/serve_requests.rs` (instruction counts under cachegrind).

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use std::convert::Infallible;

use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::Request;
use axum::response::Response;
use axum::routing::get;
use tower::{Service, ServiceExt};

/// The routekit app: `tests/fixtures/bench_app/src/routes`.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/bench_app/src/routes")]
pub struct App;

/// The static pages, `/about` … `/security`.
pub const STATIC_PAGES: [&str; 12] = [
    "about", "blog", "docs", "pricing", "status", "team", "careers", "press", "legal", "terms",
    "privacy", "security",
];

/// The routekit app's router.
pub fn routekit() -> Router {
    App::router().with_state(())
}

/// The routekit app as a service of its own, without an axum `Router` in front.
pub fn routekit_service() -> routekit::RouteService<App> {
    App::service(())
}

/// The same routes, written by hand with axum.
pub fn hand_written() -> Router {
    let mut router = Router::new()
        .route("/", get(|| async { "home" }))
        .route(
            "/users/{id}",
            get(|Path(id): Path<String>| async move { id }),
        )
        .route(
            "/repos/{owner}/{repo}/issues/{number}",
            get(
                |Path((owner, repo, number)): Path<(String, String, String)>| async move {
                    format!("{owner}/{repo}#{number}")
                },
            ),
        );
    for page in STATIC_PAGES {
        router = router.route(&format!("/{page}"), get(move || async move { page }));
    }
    for kind in ["orgs", "gists", "teams"] {
        router = router.route(
            &format!("/{kind}/{{id}}"),
            get(|Path(id): Path<String>| async move { id }),
        );
    }
    router.with_state(())
}

/// axum with only a fallback handler: the floor of any fallback-based dispatch.
pub fn fallback_only() -> Router {
    Router::new().fallback(|| async { "home" }).with_state(())
}

/// The benchmark cases: a static route, one param, three params.
pub const PATHS: [(&str, &str); 3] = [
    ("static", "/pricing"),
    ("one_param", "/users/octocat"),
    ("three_params", "/repos/rust-lang/rust/issues/12345"),
];

/// The path of case `name`.
pub fn path_of(name: &str) -> &'static str {
    PATHS
        .iter()
        .find(|(case, _)| *case == name)
        .map(|(_, path)| *path)
        .unwrap_or("/")
}

/// Drives a future that never waits on I/O (these handlers don't) to completion.
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

/// Serves one GET of `path` through a `tower::Service` (a router or a routekit service);
/// returns the status.
pub fn serve<S>(service: &mut S, path: &'static str) -> u16
where
    S: Service<Request<Body>, Response = Response, Error = Infallible>,
{
    let request = Request::builder()
        .uri(path)
        .body(Body::empty())
        .expect("a request");
    let service = run(ServiceExt::<Request<Body>>::ready(service)).expect("the service is ready");
    run(service.call(request))
        .expect("infallible")
        .status()
        .as_u16()
}
