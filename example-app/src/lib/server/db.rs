//! The SQLite database: one file, opened in WAL mode with a busy timeout so that several
//! processes (two instances of the app, a backup tool) can use it at once without corrupting it.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rusqlite::Connection;

use super::migrations;

/// How long a statement waits for another connection's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How long to wait between two tries at switching a new file to WAL mode.
const WAL_RETRY_PAUSE: Duration = Duration::from_millis(10);

/// A handle on the database, cheap to clone. Queries run on tokio's blocking threads, one at a
/// time per process (SQLite serializes writers anyway; WAL lets readers of other processes go on).
#[derive(Clone)]
pub struct Db {
    connection: Arc<Mutex<Connection>>,
}

/// A failed database call.
#[derive(Debug)]
pub enum DbError {
    /// SQLite refused or failed.
    Sqlite(rusqlite::Error),
    /// The blocking task that ran the query panicked or was cancelled.
    Task(tokio::task::JoinError),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Sqlite(error) => write!(f, "database error: {error}"),
            DbError::Task(error) => write!(f, "database task failed: {error}"),
        }
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DbError::Sqlite(error) => Some(error),
            DbError::Task(error) => Some(error),
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(error: rusqlite::Error) -> Self {
        DbError::Sqlite(error)
    }
}

impl Db {
    /// Opens (creating it if needed) the database file at `path`, then migrates and, on first
    /// run, seeds it.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        let mut connection = Connection::open(path)?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        switch_to_wal(&connection)?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        migrations::run(&mut connection)?;
        Ok(Db {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// Closes the database: once the other handles are gone (waiting up to `wait` for them:
    /// the server drops its copies of the state as its connection tasks end), the connection
    /// itself, so that SQLite checkpoints the WAL into the file and deletes it. If a handle is
    /// still alive then, a full checkpoint instead; the connection closes with the last handle.
    pub async fn close(self, wait: Duration) -> Result<(), DbError> {
        let deadline = tokio::time::Instant::now() + wait;
        while Arc::strong_count(&self.connection) > 1 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        match Arc::try_unwrap(self.connection) {
            Ok(connection) => {
                let connection = connection
                    .into_inner()
                    .unwrap_or_else(PoisonError::into_inner);
                connection
                    .close()
                    .map_err(|(_, error)| DbError::Sqlite(error))
            }
            Err(shared) => {
                tracing::warn!("the database is still in use at shutdown: checkpointing it");
                let connection = shared.lock().unwrap_or_else(PoisonError::into_inner);
                connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
                Ok(())
            }
        }
    }

    /// Runs `query` with the connection on a blocking thread, so that a query waiting on a
    /// lock never stalls the async workers.
    pub async fn call<T, F>(&self, query: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let connection = self.connection.clone();
        tokio::task::spawn_blocking(move || {
            // A panic inside a query cannot leave SQLite half-written (the transaction rolls
            // back when dropped), so a poisoned lock is safe to take over.
            let mut connection = connection.lock().unwrap_or_else(PoisonError::into_inner);
            query(&mut connection)
        })
        .await
        .map_err(DbError::Task)?
        .map_err(DbError::Sqlite)
    }
}

/// Switches the file to WAL mode. The switch needs an exclusive lock, and SQLite reports a busy
/// file at once there instead of calling the busy handler: when two instances start together on
/// a new file, one of them retries here until the other is done (up to the busy timeout).
fn switch_to_wal(connection: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match connection.pragma_update(None, "journal_mode", "WAL") {
            Err(error)
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(WAL_RETRY_PAUSE);
            }
            result => return result,
        }
    }
}
