//! `/todos` for JSON clients: a request that prefers JSON (or a `POST` that is not a form
//! action) reaches these handlers instead of the page.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::server::body;
use crate::server::todos::{self, Todo};
use crate::state::AppState;

/// The todos.
pub async fn GET(State(state): State<AppState>) -> Result<Json<Vec<Todo>>, routekit::Error> {
    Ok(Json(todos::all(&state.db).await?))
}

/// A new todo, as JSON.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTodo {
    text: String,
}

/// Adds a todo: 201 with it; 400 for a bad body.
pub async fn POST(
    State(state): State<AppState>,
    bytes: Bytes,
) -> Result<(StatusCode, Json<Todo>), routekit::Error> {
    let NewTodo { text } = body::json(&bytes)?;
    let text = todos::validate(&text).map_err(|message| routekit::error(400, message))?;
    let todo = todos::add(&state.db, text).await?;
    Ok((StatusCode::CREATED, Json(todo)))
}
