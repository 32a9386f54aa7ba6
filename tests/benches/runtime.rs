//! In-process dispatch through the `tower::Service`: a routekit app against a hand-written
//! axum `Router` with equivalent handlers, on prebuilt requests for a static route, a route
//! with one param and a route with three params.
//!
//! Run with `cargo bench -p routekit-tests --bench runtime`; instruction counts (steadier than
//! wall time on a busy machine) with `scripts/cachegrind-runtime`.

#[path = "support/apps.rs"]
mod apps;

use apps::{PATHS, path_of, serve};

fn main() {
    divan::main();
}

#[divan::bench(args = PATHS.map(|(name, _)| name))]
fn routekit(bencher: divan::Bencher, case: &str) {
    let path = path_of(case);
    let mut router = apps::routekit();
    assert_eq!(serve(&mut router, path), 200);
    bencher.bench_local(|| serve(&mut router, path));
}

#[divan::bench(args = PATHS.map(|(name, _)| name))]
fn routekit_service(bencher: divan::Bencher, case: &str) {
    let path = path_of(case);
    let mut service = apps::routekit_service();
    assert_eq!(serve(&mut service, path), 200);
    bencher.bench_local(|| serve(&mut service, path));
}

#[divan::bench(args = PATHS.map(|(name, _)| name))]
fn axum_by_hand(bencher: divan::Bencher, case: &str) {
    let path = path_of(case);
    let mut router = apps::hand_written();
    assert_eq!(serve(&mut router, path), 200);
    bencher.bench_local(|| serve(&mut router, path));
}

/// The floor for any fallback-based dispatch: axum with only a fallback handler.
#[divan::bench]
fn axum_fallback_only(bencher: divan::Bencher) {
    let mut router = apps::fallback_only();
    assert_eq!(serve(&mut router, "/pricing"), 200);
    bencher.bench_local(|| serve(&mut router, "/pricing"));
}
