//! `/todos` as a page: the list, and form actions to add, tick and delete todos. The same
//! route's `+server.rs` answers JSON clients (content negotiation on `Accept`).

use axum::Form;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use crate::server::todos::{self, Todo};
use crate::state::AppState;

/// The page's data.
#[derive(Serialize)]
pub struct Todos {
    todos: Vec<Todo>,
}

/// Lists the todos.
pub async fn load(State(state): State<AppState>) -> Result<Todos, routekit::Error> {
    Ok(Todos {
        todos: todos::all(&state.db).await?,
    })
}

/// The new-todo form.
#[derive(Deserialize)]
pub struct NewTodo {
    #[serde(default)]
    text: String,
}

/// The forms that act on one todo.
#[derive(Deserialize)]
pub struct Which {
    id: i64,
}

/// The page's form actions.
pub mod actions {
    use super::*;

    /// Adds a todo: `{added: text}`, or `fail(400)` with a message and the text sent.
    pub async fn create(
        State(state): State<AppState>,
        Form(form): Form<NewTodo>,
    ) -> Result<serde_json::Value, routekit::Error> {
        let text = todos::validate(&form.text).map_err(|message| {
            routekit::fail(
                400,
                serde_json::json!({ "message": message, "text": form.text }),
            )
        })?;
        let todo = todos::add(&state.db, text).await?;
        Ok(serde_json::json!({ "added": todo.text }))
    }

    /// Ticks or unticks a todo.
    pub async fn toggle(
        State(state): State<AppState>,
        Form(which): Form<Which>,
    ) -> Result<(), routekit::Error> {
        if todos::toggle(&state.db, which.id).await? {
            Ok(())
        } else {
            Err(routekit::fail(404, serde_json::json!({ "message": "No such todo" })))
        }
    }

    /// Deletes a todo.
    pub async fn delete(
        State(state): State<AppState>,
        Form(which): Form<Which>,
    ) -> Result<(), routekit::Error> {
        if todos::remove(&state.db, which.id).await? {
            Ok(())
        } else {
            Err(routekit::fail(404, serde_json::json!({ "message": "No such todo" })))
        }
    }
}
