//! The state every handler, load, action and hook can take with `State<AppState>`.

use crate::server::db::Db;

/// The app's shared state.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
}
