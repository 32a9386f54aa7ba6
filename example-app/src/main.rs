//! routekit's example application: a blog, a todo list and a dashboard behind a login, on an
//! SQLite file, with every routing case of SvelteKit's docs.
//!
//! ```text
//! cargo run -p example-app                       # http://127.0.0.1:3000, data in example-app.db
//! PORT=8080 DATABASE_URL=/tmp/demo.db cargo run -p example-app
//! ```
//!
//! The routes are `src/routes` (see the README for the tour), the data access they share is
//! `src/lib/server` (SvelteKit's `$lib/server`), and `src/hooks.server.rs` signs requests in.

mod config;
#[path = "lib/server/mod.rs"]
mod server;
mod shutdown;
mod state;

use std::io::IsTerminal;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;
use tracing_subscriber::EnvFilter;

use config::Config;
use server::db::Db;
use state::AppState;

/// The app: its routes are `src/routes`, its param matchers `src/params`, its hooks
/// `src/hooks.server.rs`.
#[derive(routekit::Routes)]
// A path from the crate root: the derive's modules cannot see names imported here.
#[routes(dir = "src/routes", state = crate::state::AppState)]
struct App;

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to stderr: stdout only says where the app listens, for scripts and tests.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("example-app: {message}");
            return ExitCode::from(2);
        }
    };
    match serve(&config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "example-app stopped");
            ExitCode::FAILURE
        }
    }
}

/// Opens the database, then serves the app until a shutdown signal.
async fn serve(config: &Config) -> Result<(), Box<dyn std::error::Error>> {
    let db = Db::open(&config.database)
        .map_err(|error| format!("cannot open {}: {error}", config.database.display()))?;
    tracing::info!(database = %config.database.display(), "database ready");
    if config.test_routes {
        tracing::warn!("EXAMPLE_APP_TEST_ROUTES=1: /api/test/panic panics on purpose");
    }
    let state = AppState {
        db: db.clone(),
        test_routes: config.test_routes,
    };
    let app = App::router()
        .with_state(state)
        // Bodies larger than this are answered 413 by the extractors that read them.
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        );
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
    let address = listener.local_addr()?;
    println!("listening on http://{address}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown::signal())
    .await?;
    // Every request has finished; once the connection tasks have dropped their copies of the
    // state, closing the last connection checkpoints the WAL into the file and removes it.
    db.close(Duration::from_secs(5)).await?;
    tracing::info!("database closed");
    Ok(())
}
