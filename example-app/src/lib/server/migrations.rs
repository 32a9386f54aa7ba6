//! The schema, versioned with SQLite's `user_version`: each step runs once, in order, and the
//! first run seeds the demo data. Steps run inside one `IMMEDIATE` transaction, so two
//! instances starting together on a new file do not both migrate it.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::users;

/// One schema step.
type Step = fn(&Transaction<'_>) -> rusqlite::Result<()>;

/// Every step, oldest first; step `n` brings the database to `user_version = n + 1`.
const STEPS: &[Step] = &[create_tables, seed];

/// Brings the database up to date.
pub(super) fn run(connection: &mut Connection) -> rusqlite::Result<()> {
    let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: u32 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (version, step) in (1u32..).zip(STEPS).skip(version as usize) {
        step(&tx)?;
        tx.pragma_update(None, "user_version", version)?;
        tracing::info!(version, "database migrated");
    }
    tx.commit()
}

fn create_tables(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            password_hash TEXT NOT NULL
        );
        CREATE TABLE sessions (
            token TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            expires_at INTEGER NOT NULL
        );
        CREATE TABLE posts (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            published INTEGER NOT NULL DEFAULT 0,
            author_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX posts_published ON posts(published, id);
        CREATE TABLE todos (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0
        );",
    )
}

/// The demo data: two users (their passwords are in the README), a few posts and todos.
fn seed(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    for (email, name, password) in [
        ("ann@example.com", "Ann Archer", "ann-password"),
        ("bob@example.com", "Bob Baker", "bob-password"),
    ] {
        let hash = users::hash_password(password)
            .map_err(|error| rusqlite::Error::ToSqlConversionFailure(error.into()))?;
        tx.execute(
            "INSERT INTO users (email, name, password_hash) VALUES (?1, ?2, ?3)",
            (email, name, hash),
        )?;
    }
    let posts = [
        (
            "hello-world",
            "Hello, world",
            "The first post of the routekit example app.",
            true,
            "ann@example.com",
        ),
        (
            "routing-like-sveltekit",
            "Routing like SvelteKit",
            "Folders are routes: blog/[slug] is this page.",
            true,
            "bob@example.com",
        ),
        (
            "draft-ideas",
            "Draft ideas",
            "Not published yet: only its author sees it.",
            false,
            "ann@example.com",
        ),
    ];
    for (slug, title, body, published, author) in posts {
        tx.execute(
            "INSERT INTO posts (slug, title, body, published, author_id)
             SELECT ?1, ?2, ?3, ?4, id FROM users WHERE email = ?5",
            (slug, title, body, published, author),
        )?;
    }
    tx.execute_batch(
        "INSERT INTO todos (text, done) VALUES ('Read the README', 1), ('Run the tests', 0);",
    )
}
