//! The servers of the end-to-end benchmark (`scripts/bench-e2e`), each on 127.0.0.1 with a
//! single-threaded tokio runtime (the script pins each to one core):
//! `bench_servers ENGINE [PORT]`, ENGINE one of `router` (routekit's `App::router()`), `service`
//! (`App::service(())`), `axum` (the hand-written router of the in-process benchmarks) or
//! `hyper` (raw hyper with the three routes matched by hand: the ceiling). PORT 0 (the default)
//! picks a free port; the first line on stdout says `listening on http://…`.

#[path = "../benches/support/apps.rs"]
#[allow(dead_code)] // The in-process helpers are not used here.
mod apps;

use std::convert::Infallible;

use axum::body::Bytes;
use http_body_util::Full;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (engine, port) = match args.as_slice() {
        [engine] => (engine.as_str(), 0),
        [engine, port] => (engine.as_str(), port.parse().unwrap_or(0)),
        _ => {
            eprintln!("usage: bench_servers router|service|axum|hyper [PORT]");
            std::process::exit(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind 127.0.0.1");
        println!(
            "listening on http://{}",
            listener.local_addr().expect("an address")
        );
        match engine {
            "router" => axum::serve(listener, apps::routekit()).await,
            "service" => {
                let service = apps::routekit_service();
                let make = axum::ServiceExt::<axum::extract::Request>::into_make_service(service);
                axum::serve(listener, make).await
            }
            "axum" => axum::serve(listener, apps::hand_written()).await,
            "hyper" => serve_hyper(listener).await,
            other => {
                eprintln!("unknown engine {other:?}: router, service, axum or hyper");
                std::process::exit(2);
            }
        }
        .expect("serve");
    });
}

/// Raw hyper: an accept loop, one task per connection, and the benchmark's routes matched by
/// hand (the static pages, `/users/{id}`, `/repos/{owner}/{repo}/issues/{number}`).
async fn serve_hyper(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(async move {
            let service = hyper::service::service_fn(handle);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn handle(
    request: Request<hyper::body::Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = request.uri().path();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let body = match segments.as_slice() {
        [""] => Some("home".to_owned()),
        ["users" | "orgs" | "gists" | "teams", id] => Some((*id).to_owned()),
        ["repos", owner, repo, "issues", number] => Some(format!("{owner}/{repo}#{number}")),
        [page] if apps::STATIC_PAGES.contains(page) => Some((*page).to_owned()),
        _ => None,
    };
    let mut response = match body {
        Some(body) => Response::new(Full::new(Bytes::from(body))),
        None => {
            let mut response = Response::new(Full::new(Bytes::new()));
            *response.status_mut() = StatusCode::NOT_FOUND;
            response
        }
    };
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Ok(response)
}
