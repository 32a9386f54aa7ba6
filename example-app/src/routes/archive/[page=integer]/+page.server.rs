//! `/archive/[page=integer]`: the published posts, a few per page. `page` is a `u32` (the
//! `integer` matcher parses it); `/archive/abc` does not match at all.

use axum::extract::State;
use serde::Serialize;

use crate::server::posts::{self, Post};
use crate::state::AppState;

/// Posts per archive page.
const PER_PAGE: u32 = 2;

/// The page's data.
#[derive(Serialize)]
pub struct Archive {
    posts: Vec<Post>,
    /// The next page's number, when this one is full.
    next: Option<u32>,
    /// The previous page's number, after the first.
    previous: Option<u32>,
}

/// Loads page `page` (from 1): 404 past the end.
pub async fn load(
    State(state): State<AppState>,
    params: super::Params,
) -> Result<Archive, routekit::Error> {
    let page = params.page;
    let offset = page
        .checked_sub(1)
        .and_then(|index| index.checked_mul(PER_PAGE))
        .ok_or_else(|| routekit::error(404, "Pages start at 1"))?;
    // One more than a page, to know whether there is a next one.
    let mut posts = posts::published(&state.db, PER_PAGE + 1, offset).await?;
    if posts.is_empty() && page > 1 {
        return Err(routekit::error(404, format!("No archive page {page}")));
    }
    let next = (posts.len() > PER_PAGE as usize).then(|| page + 1);
    posts.truncate(PER_PAGE as usize);
    Ok(Archive {
        posts,
        next,
        previous: (page > 1).then(|| page - 1),
    })
}
