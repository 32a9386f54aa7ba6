//! The app's settings, from the environment: `PORT` (default 3000; 0 picks a free port),
//! `DATABASE_URL` (default `example-app.db`; `sqlite://path`, `sqlite:path` or a plain path),
//! `BODY_LIMIT` (the largest request body read, in bytes; default 1 MiB) and, in debug builds
//! only, `EXAMPLE_APP_TEST_ROUTES=1` (routes that misbehave on purpose, for the tests).

use std::path::PathBuf;

/// Where the app listens and keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The port on 127.0.0.1.
    pub port: u16,
    /// The SQLite database file.
    pub database: PathBuf,
    /// The largest request body a handler reads (axum's `DefaultBodyLimit`); larger ones are
    /// answered 413.
    pub body_limit: usize,
    /// Whether the routes under `/api/test/` misbehave on purpose (a panic…) instead of
    /// answering 404. Only a debug build can turn them on.
    pub test_routes: bool,
}

/// `BODY_LIMIT`'s default: 1 MiB, far more than a post or a form needs.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

impl Config {
    /// The settings of this process's environment.
    pub fn from_env() -> Result<Config, String> {
        let var = |name| std::env::var(name).ok();
        let mut config = Config::from_vars(
            var("PORT").as_deref(),
            var("DATABASE_URL").as_deref(),
            var("BODY_LIMIT").as_deref(),
        )?;
        config.test_routes = cfg!(debug_assertions)
            && var("EXAMPLE_APP_TEST_ROUTES").is_some_and(|value| value.trim() == "1");
        Ok(config)
    }

    /// The settings for these values of `PORT`, `DATABASE_URL` and `BODY_LIMIT` (the test
    /// routes off).
    pub fn from_vars(
        port: Option<&str>,
        database_url: Option<&str>,
        body_limit: Option<&str>,
    ) -> Result<Config, String> {
        let port = match port.map(str::trim).filter(|p| !p.is_empty()) {
            None => 3000,
            Some(port) => port
                .parse()
                .map_err(|_| format!("PORT must be a number from 0 to 65535, not `{port}`"))?,
        };
        let database = match database_url.map(str::trim).filter(|u| !u.is_empty()) {
            None => PathBuf::from("example-app.db"),
            Some(url) => {
                let path = url
                    .strip_prefix("sqlite://")
                    .or_else(|| url.strip_prefix("sqlite:"))
                    .unwrap_or(url);
                if path.is_empty() || path.starts_with(':') {
                    return Err(format!("DATABASE_URL must name a file, not `{url}`"));
                }
                PathBuf::from(path)
            }
        };
        let body_limit = match body_limit.map(str::trim).filter(|l| !l.is_empty()) {
            None => DEFAULT_BODY_LIMIT,
            Some(limit) => limit
                .parse()
                .map_err(|_| format!("BODY_LIMIT must be a number of bytes, not `{limit}`"))?,
        };
        Ok(Config {
            port,
            database,
            body_limit,
            test_routes: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let config = Config::from_vars(None, None, None).unwrap();
        assert_eq!(config.port, 3000);
        assert_eq!(config.database, PathBuf::from("example-app.db"));
        assert_eq!(config.body_limit, DEFAULT_BODY_LIMIT);
        assert!(!config.test_routes);
        let config =
            Config::from_vars(Some("0"), Some("sqlite:///tmp/a.db"), Some("4096")).unwrap();
        assert_eq!(config.port, 0);
        assert_eq!(config.database, PathBuf::from("/tmp/a.db"));
        assert_eq!(config.body_limit, 4096);
        let config = Config::from_vars(Some(""), Some("data/b.db"), Some(" ")).unwrap();
        assert_eq!(config.port, 3000);
        assert_eq!(config.database, PathBuf::from("data/b.db"));
        assert_eq!(config.body_limit, DEFAULT_BODY_LIMIT);
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(Config::from_vars(Some("http"), None, None).is_err());
        assert!(Config::from_vars(Some("70000"), None, None).is_err());
        assert!(Config::from_vars(None, Some("sqlite::memory:"), None).is_err());
        assert!(Config::from_vars(None, Some("sqlite://"), None).is_err());
        assert!(Config::from_vars(None, None, Some("1MB")).is_err());
        assert!(Config::from_vars(None, None, Some("-1")).is_err());
    }
}
