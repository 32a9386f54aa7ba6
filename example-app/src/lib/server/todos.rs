//! The shared todo list, read by the `/todos` page and written by its form actions and its
//! JSON endpoint.

use serde::Serialize;

use super::db::{Db, DbError};

/// A todo.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Todo {
    /// Its id.
    pub id: i64,
    /// What to do.
    pub text: String,
    /// Whether it is done.
    pub done: bool,
}

/// The longest todo accepted, in characters.
pub const MAX_TEXT: usize = 500;

/// Checks a todo's text: trimmed, not empty, not too long.
pub fn validate(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("A todo needs some text".to_owned());
    }
    if text.chars().count() > MAX_TEXT {
        return Err(format!("A todo is at most {MAX_TEXT} characters"));
    }
    Ok(text.to_owned())
}

/// Every todo, oldest first.
pub async fn all(db: &Db) -> Result<Vec<Todo>, DbError> {
    db.call(|conn| {
        let mut statement = conn.prepare_cached("SELECT id, text, done FROM todos ORDER BY id")?;
        let todos = statement.query_map([], |row| {
            Ok(Todo {
                id: row.get(0)?,
                text: row.get(1)?,
                done: row.get(2)?,
            })
        })?;
        todos.collect()
    })
    .await
}

/// Adds a todo (its text already validated).
pub async fn add(db: &Db, text: String) -> Result<Todo, DbError> {
    db.call(move |conn| {
        conn.execute("INSERT INTO todos (text) VALUES (?1)", [&text])?;
        Ok(Todo {
            id: conn.last_insert_rowid(),
            text,
            done: false,
        })
    })
    .await
}

/// Flips the todo `id` between done and not done; whether it exists.
pub async fn toggle(db: &Db, id: i64) -> Result<bool, DbError> {
    let changed = db
        .call(move |conn| conn.execute("UPDATE todos SET done = NOT done WHERE id = ?1", [id]))
        .await?;
    Ok(changed > 0)
}

/// Deletes the todo `id`; whether it existed.
pub async fn remove(db: &Db, id: i64) -> Result<bool, DbError> {
    let deleted = db
        .call(move |conn| conn.execute("DELETE FROM todos WHERE id = ?1", [id]))
        .await?;
    Ok(deleted > 0)
}
