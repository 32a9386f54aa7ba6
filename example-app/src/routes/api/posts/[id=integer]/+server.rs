//! `/api/posts/[id]`: one post as JSON (`GET`), and changing (`PUT`) or deleting (`DELETE`) it
//! for its author. An id that is not a number does not match this route (404).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;

use crate::server::body;
use crate::server::posts::{self, Post, PostInput};
use crate::server::users::User;
use crate::state::AppState;

type MaybeUser = Option<routekit::Locals<User>>;

/// The post, if it is published or the signed-in user wrote it; 404 otherwise.
async fn visible_post(state: &AppState, id: u32, user: &MaybeUser) -> Result<Post, routekit::Error> {
    let viewer = user.as_ref().map(|user| user.id);
    let post = posts::visible_by_id(&state.db, id.into(), viewer).await?;
    post.ok_or_else(|| routekit::error(404, format!("No post {id}")))
}

/// The post the signed-in user may change: 401 signed out, 404 missing, 403 someone else's.
async fn own_post(state: &AppState, id: u32, user: MaybeUser) -> Result<Post, routekit::Error> {
    let Some(routekit::Locals(user)) = user else {
        return Err(routekit::error(401, "Sign in to change posts"));
    };
    let viewer = Some(routekit::Locals(user.clone()));
    let post = visible_post(state, id, &viewer).await?;
    if post.author_id != user.id {
        return Err(routekit::error(403, "Only its author may change this post"));
    }
    Ok(post)
}

/// The post.
pub async fn GET(
    State(state): State<AppState>,
    params: super::Params,
    user: MaybeUser,
) -> Result<Json<Post>, routekit::Error> {
    visible_post(&state, params.id, &user).await.map(Json)
}

/// Replaces the post's title, body and published state: the post as it is now.
pub async fn PUT(
    State(state): State<AppState>,
    params: super::Params,
    user: MaybeUser,
    bytes: Bytes,
) -> Result<Json<Post>, routekit::Error> {
    let post = own_post(&state, params.id, user).await?;
    let input = body::json::<PostInput>(&bytes)?
        .validate()
        .map_err(|message| routekit::error(400, message))?;
    posts::update(&state.db, post.id, input)
        .await?
        .map(Json)
        .ok_or_else(|| routekit::error(404, format!("No post {}", params.id)))
}

/// Deletes the post: 204.
pub async fn DELETE(
    State(state): State<AppState>,
    params: super::Params,
    user: MaybeUser,
) -> Result<StatusCode, routekit::Error> {
    let post = own_post(&state, params.id, user).await?;
    if posts::delete(&state.db, post.id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(routekit::error(404, format!("No post {}", params.id)))
    }
}
