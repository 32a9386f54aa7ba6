//! Users and their passwords (argon2 hashes, never the passwords themselves).

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use password_hash::rand_core::OsRng;
use rusqlite::OptionalExtension;
use serde::Serialize;

use super::db::{Db, DbError};

/// A signed-in user: what the `handle` hook puts into the request's locals.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct User {
    /// The user's id.
    pub id: i64,
    /// The address they sign in with.
    pub email: String,
    /// Their display name.
    pub name: String,
}

/// The argon2 hash of `password`, with a fresh salt, in PHC string format.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// A hash to check unknown addresses against, so that answering "no such user" takes as long as
/// "wrong password" and does not tell which addresses exist.
static DUMMY_HASH: LazyLock<Option<String>> =
    LazyLock::new(|| hash_password("not a real password").ok());

/// The user whose address is `email` and password `password`, if they match.
pub async fn find_by_credentials(
    db: &Db,
    email: &str,
    password: &str,
) -> Result<Option<User>, DbError> {
    let email = email.trim().to_lowercase();
    let found = db
        .call(move |conn| {
            conn.query_row(
                "SELECT id, email, name, password_hash FROM users WHERE email = ?1",
                [email],
                |row| {
                    let user = User {
                        id: row.get(0)?,
                        email: row.get(1)?,
                        name: row.get(2)?,
                    };
                    Ok((user, row.get::<_, String>(3)?))
                },
            )
            .optional()
        })
        .await?;
    let password = password.to_owned();
    // Hashing is slow on purpose: keep it off the async workers.
    tokio::task::spawn_blocking(move || {
        let hash = match &found {
            Some((_, hash)) => Some(hash.as_str()),
            None => DUMMY_HASH.as_deref(),
        };
        let matches = hash
            .and_then(|hash| PasswordHash::new(hash).ok())
            .is_some_and(|hash| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            });
        found.filter(|_| matches).map(|(user, _)| user)
    })
    .await
    .map_err(DbError::Task)
}
