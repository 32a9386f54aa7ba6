//! `/api/test/panic`: a handler that panics on purpose, to show that a panic costs only its own
//! request (routekit answers it 500 and the server goes on). Off unless the app is a debug build
//! started with `EXAMPLE_APP_TEST_ROUTES=1`; otherwise a 404 like any unknown path.

use axum::extract::State;

use crate::state::AppState;

/// Panics when the test routes are on.
pub async fn GET(State(state): State<AppState>) -> Result<&'static str, routekit::Error> {
    if !state.test_routes {
        return Err(routekit::error(404, "Not Found"));
    }
    panic!("a panic on purpose (EXAMPLE_APP_TEST_ROUTES=1)")
}
