//! In-process dispatch through the `tower::Service`: a routekit app against a hand-written
//! axum `Router` with equivalent handlers, on prebuilt requests for a static route, a route
//! with one param and a route with three params.
//!
//! Run with `cargo bench -p routekit-tests --bench runtime`.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::Request;
use axum::routing::get;
use tower::{Service, ServiceExt};

/// The routekit app: `tests/fixtures/bench_app/src/routes`.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/bench_app/src/routes")]
struct App;

fn main() {
    divan::main();
}

const STATIC_PAGES: [&str; 12] = [
    "about", "blog", "docs", "pricing", "status", "team", "careers", "press", "legal", "terms",
    "privacy", "security",
];

/// The same routes, written by hand with axum.
fn hand_written() -> Router {
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
    router
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

fn serve(router: &mut Router, path: &'static str) -> u16 {
    let request = Request::builder()
        .uri(path)
        .body(Body::empty())
        .expect("a request");
    let service =
        run(<Router as ServiceExt<Request<Body>>>::ready(router)).expect("the router is ready");
    run(service.call(request))
        .expect("infallible")
        .status()
        .as_u16()
}

const PATHS: [(&str, &str); 3] = [
    ("static", "/pricing"),
    ("one_param", "/users/octocat"),
    ("three_params", "/repos/rust-lang/rust/issues/12345"),
];

#[divan::bench(args = PATHS.map(|(name, _)| name))]
fn routekit(bencher: divan::Bencher, case: &str) {
    let path = PATHS
        .iter()
        .find(|(name, _)| *name == case)
        .expect("a case")
        .1;
    let mut router: Router = App::router().with_state(());
    assert_eq!(serve(&mut router, path), 200);
    bencher.bench_local(|| serve(&mut router, path));
}

#[divan::bench(args = PATHS.map(|(name, _)| name))]
fn axum_by_hand(bencher: divan::Bencher, case: &str) {
    let path = PATHS
        .iter()
        .find(|(name, _)| *name == case)
        .expect("a case")
        .1;
    let mut router = hand_written();
    assert_eq!(serve(&mut router, path), 200);
    bencher.bench_local(|| serve(&mut router, path));
}

/// The floor for any fallback-based dispatch: axum with only a fallback handler.
#[divan::bench]
fn axum_fallback_only(bencher: divan::Bencher) {
    let mut router = Router::new().fallback(|| async { "home" });
    assert_eq!(serve(&mut router, "/pricing"), 200);
    bencher.bench_local(|| serve(&mut router, "/pricing"));
}
