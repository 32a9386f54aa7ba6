//! The app's hooks: `handle` signs the request in from its session cookie (the user becomes a
//! typed local, `Locals<User>`), and `handle_error` logs unexpected errors and words them for
//! clients.

use axum::extract::{Request, State};
use axum::response::Response;

use crate::server::sessions;
use crate::state::AppState;

/// Runs around every request: looks the session cookie up in the database.
pub async fn handle(
    State(state): State<AppState>,
    cookies: routekit::Cookies,
    mut request: Request,
    resolve: routekit::Resolve,
) -> Response {
    if let Some(token) = cookies.get(sessions::COOKIE) {
        match sessions::user_of(&state.db, &token).await {
            Ok(Some(user)) => {
                request.extensions_mut().insert(user);
            }
            // Expired or signed out elsewhere: forget it.
            Ok(None) => cookies.delete(sessions::COOKIE),
            // Serving the request signed out is safe; failing it would lock everyone out.
            Err(error) => tracing::error!(%error, "cannot read the session"),
        }
    }
    resolve.run(request).await
}

/// The message clients see for an unexpected error; the error itself is only logged.
pub async fn handle_error(error: routekit::UnexpectedError<'_>) -> Option<String> {
    tracing::error!(
        error = %error.error,
        method = %error.method,
        path = error.path,
        "unexpected error"
    );
    Some("Something went wrong on our side. Please try again.".to_owned())
}
