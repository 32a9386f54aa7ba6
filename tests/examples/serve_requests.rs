//! Serves one request path many times in process, for instruction counts under cachegrind:
//! `serve_requests ENGINE CASE COUNT`, ENGINE one of `routekit` (`App::router()`), `service`
//! (`App::service()`), `axum`, `fallback`, CASE one
//! of `static`, `one_param`, `three_params`. `scripts/cachegrind-runtime` runs it with COUNT 0
//! and COUNT N and reports the difference per request.

#[path = "../benches/support/apps.rs"]
mod apps;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [engine, case, count] = args.as_slice() else {
        eprintln!(
            "usage: serve_requests routekit|axum|fallback static|one_param|three_params COUNT"
        );
        std::process::exit(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("COUNT must be a number, not {count:?}");
        std::process::exit(2);
    };
    let path = apps::path_of(case);
    match engine.as_str() {
        "routekit" => serve_many(&mut apps::routekit(), engine, path, count),
        "service" => serve_many(&mut apps::routekit_service(), engine, path, count),
        "axum" => serve_many(&mut apps::hand_written(), engine, path, count),
        "fallback" => serve_many(&mut apps::fallback_only(), engine, path, count),
        other => {
            eprintln!("unknown engine {other:?}: routekit, service, axum or fallback");
            std::process::exit(2);
        }
    }
}

fn serve_many<S>(service: &mut S, engine: &str, path: &'static str, count: usize)
where
    S: tower::Service<
            axum::http::Request<axum::body::Body>,
            Response = axum::response::Response,
            Error = std::convert::Infallible,
        >,
{
    // One request outside the count: lazy initialisation is setup, not per-request cost.
    let status = apps::serve(service, path);
    if status != 200 {
        eprintln!("{engine} answered {status} for {path}");
        std::process::exit(1);
    }
    for _ in 0..count {
        std::hint::black_box(apps::serve(service, path));
    }
}
