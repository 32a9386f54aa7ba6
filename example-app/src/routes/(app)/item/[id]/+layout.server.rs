//! `/item/[id]` and everything under it: the item is the post with that id (a draft only for
//! its author). The embed page breaks out of this layout, so this load does not run for it:
//! it loads the item itself, with [`item`].

use axum::extract::State;
use serde::Serialize;

use crate::server::posts::{self, Post};
use crate::server::users::User;
use crate::state::AppState;

/// The item.
#[derive(Serialize)]
pub struct Item {
    item: Post,
}

/// Loads the item.
pub async fn load(
    State(state): State<AppState>,
    params: super::Params,
    user: Option<routekit::Locals<User>>,
) -> Result<Item, routekit::Error> {
    item(&state, &params.id, user).await
}

/// The item `id` as `user` may see it: 404 when the id is not a number or names no post they
/// may read.
pub async fn item(
    state: &AppState,
    id: &str,
    user: Option<routekit::Locals<User>>,
) -> Result<Item, routekit::Error> {
    let missing = || routekit::error(404, format!("No item {id}"));
    let id: i64 = id.parse().map_err(|_| missing())?;
    let viewer = user.map(|user| user.id);
    let post = posts::visible_by_id(&state.db, id, viewer).await?;
    post.map(|item| Item { item }).ok_or_else(missing)
}
