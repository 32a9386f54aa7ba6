//! `/item/[id]/embed`: `+page@(app).html` skips the item's layout, and with it that layout's
//! load (as in SvelteKit), so the page loads the item itself.

use axum::extract::State;

use crate::app_routes::app_item_id::layout_server::{Item, item};
use crate::server::users::User;
use crate::state::AppState;

/// Loads the item.
pub async fn load(
    State(state): State<AppState>,
    params: super::Params,
    user: Option<routekit::Locals<User>>,
) -> Result<Item, routekit::Error> {
    item(&state, &params.id, user).await
}
