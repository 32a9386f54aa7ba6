//! Serves one request path many times in process, for instruction counts under cachegrind:
//! `serve_requests ENGINE CASE COUNT`, ENGINE one of `routekit`, `axum`, `fallback`, CASE one
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
    let mut router = match engine.as_str() {
        "routekit" => apps::routekit(),
        "axum" => apps::hand_written(),
        "fallback" => apps::fallback_only(),
        other => {
            eprintln!("unknown engine {other:?}: routekit, axum or fallback");
            std::process::exit(2);
        }
    };
    let path = apps::path_of(case);
    // One request outside the count: lazy initialisation is setup, not per-request cost.
    let status = apps::serve(&mut router, path);
    if status != 200 {
        eprintln!("{engine} answered {status} for {path}");
        std::process::exit(1);
    }
    for _ in 0..count {
        std::hint::black_box(apps::serve(&mut router, path));
    }
}
