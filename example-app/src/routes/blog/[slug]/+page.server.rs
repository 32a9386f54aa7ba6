//! `/blog/[slug]`: one post; a draft only for its author, 404 for everyone else.

use axum::extract::State;
use serde::Serialize;

use crate::server::posts::{self, Post};
use crate::server::users::User;
use crate::state::AppState;

/// The page's data.
#[derive(Serialize)]
pub struct Page {
    post: Post,
}

/// Loads the post named by the slug.
pub async fn load(
    State(state): State<AppState>,
    params: super::Params,
    user: Option<routekit::Locals<User>>,
) -> Result<Page, routekit::Error> {
    let viewer = user.map(|user| user.id);
    let post = posts::visible_by_slug(&state.db, &params.slug, viewer).await?;
    post.map(|post| Page { post })
        .ok_or_else(|| routekit::error(404, "No such post"))
}
