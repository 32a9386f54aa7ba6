//! `/logout`: a form action (a `POST`, so that a link or a prefetch cannot sign anyone out)
//! that ends the session and goes home.

use axum::extract::State;

use crate::server::sessions;
use crate::state::AppState;

/// The form actions.
pub mod actions {
    use super::*;

    /// Signs out: deletes the session and its cookie.
    pub async fn default(
        State(state): State<AppState>,
        cookies: routekit::Cookies,
    ) -> Result<(), routekit::Error> {
        if let Some(token) = cookies.get(sessions::COOKIE) {
            sessions::delete(&state.db, &token).await?;
        }
        cookies.delete(sessions::COOKIE);
        Err(routekit::redirect(303, "/"))
    }
}
