//! Sessions: a random token in a cookie, the user it signs in in the database.

use password_hash::rand_core::{OsRng, RngCore};
use rusqlite::OptionalExtension;

use super::db::{Db, DbError};
use super::users::User;

/// The name of the session cookie.
pub const COOKIE: &str = "session";

/// How long a session lasts, in seconds (a week).
pub const LIFETIME_SECS: i64 = 7 * 24 * 60 * 60;

/// Starts a session for `user_id`; returns its token, for the cookie.
pub async fn create(db: &Db, user_id: i64) -> Result<String, DbError> {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let stored = token.clone();
    db.call(move |conn| {
        // Expired sessions go when new ones come, so the table does not grow forever.
        conn.execute("DELETE FROM sessions WHERE expires_at <= unixepoch()", [])?;
        conn.execute(
            "INSERT INTO sessions (token, user_id, expires_at) VALUES (?1, ?2, unixepoch() + ?3)",
            (stored, user_id, LIFETIME_SECS),
        )
    })
    .await?;
    Ok(token)
}

/// The user a session token signs in, if the session exists and has not expired.
pub async fn user_of(db: &Db, token: &str) -> Result<Option<User>, DbError> {
    let token = token.to_owned();
    db.call(move |conn| {
        conn.query_row(
            "SELECT users.id, users.email, users.name FROM sessions
             JOIN users ON users.id = sessions.user_id
             WHERE sessions.token = ?1 AND sessions.expires_at > unixepoch()",
            [token],
            |row| {
                Ok(User {
                    id: row.get(0)?,
                    email: row.get(1)?,
                    name: row.get(2)?,
                })
            },
        )
        .optional()
    })
    .await
}

/// Ends the session `token` (signing out).
pub async fn delete(db: &Db, token: &str) -> Result<(), DbError> {
    let token = token.to_owned();
    db.call(move |conn| conn.execute("DELETE FROM sessions WHERE token = ?1", [token]))
        .await?;
    Ok(())
}
