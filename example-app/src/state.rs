//! The state every handler, load, action and hook can take with `State<AppState>`.

use crate::server::db::Db;

/// The app's shared state.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Whether the routes under `/api/test/` misbehave on purpose (`EXAMPLE_APP_TEST_ROUTES=1`
    /// in a debug build); otherwise they answer 404.
    pub test_routes: bool,
}
