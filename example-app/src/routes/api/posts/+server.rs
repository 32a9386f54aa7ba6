//! `/api/posts`: the published posts as JSON (`GET ?limit=&offset=`), and writing a new one
//! (`POST`, signed in). The same data as `/blog`, from the same module.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

use crate::server::body;
use crate::server::posts::{self, Post, PostInput};
use crate::server::users::User;
use crate::state::AppState;

/// The largest page a client may ask for.
const MAX_LIMIT: u32 = 100;

/// A page of the list.
#[derive(Deserialize)]
pub struct Paging {
    #[serde(default = "default_limit")]
    limit: u32,
    #[serde(default)]
    offset: u32,
}

fn default_limit() -> u32 {
    posts::PAGE_SIZE
}

/// The published posts, newest first: `limit` (1–100, default 10) after `offset`.
pub async fn GET(
    State(state): State<AppState>,
    paging: Result<Query<Paging>, QueryRejection>,
) -> Result<Json<Vec<Post>>, routekit::Error> {
    let Query(paging) = paging.map_err(|rejection| routekit::error(400, rejection.body_text()))?;
    if !(1..=MAX_LIMIT).contains(&paging.limit) {
        return Err(routekit::error(
            400,
            format!("`limit` must be from 1 to {MAX_LIMIT}"),
        ));
    }
    let list = posts::published(&state.db, paging.limit, paging.offset).await?;
    Ok(Json(list))
}

/// Writes a post by the signed-in user: 201 with the post; 401 signed out, 400 for a bad body.
pub async fn POST(
    State(state): State<AppState>,
    user: Option<routekit::Locals<User>>,
    bytes: Bytes,
) -> Result<(StatusCode, Json<Post>), routekit::Error> {
    let routekit::Locals(user) = user.ok_or_else(|| routekit::error(401, "Sign in to write posts"))?;
    let input = body::json::<PostInput>(&bytes)?
        .validate()
        .map_err(|message| routekit::error(400, message))?;
    let post = posts::create(&state.db, user.id, input).await?;
    Ok((StatusCode::CREATED, Json(post)))
}
