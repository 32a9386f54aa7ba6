//! `/blog`: the published posts with their authors' names, the same list `/api/posts` answers.

use axum::extract::State;
use serde::Serialize;

use crate::server::posts::{self, Post};
use crate::state::AppState;

/// The page's data.
#[derive(Serialize)]
pub struct Blog {
    posts: Vec<Post>,
}

/// The first page of published posts, newest first.
pub async fn load(State(state): State<AppState>) -> Result<Blog, routekit::Error> {
    let posts = posts::published(&state.db, posts::PAGE_SIZE, 0).await?;
    Ok(Blog { posts })
}
