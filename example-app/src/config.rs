//! The app's settings, from the environment: `PORT` (default 3000; 0 picks a free port) and
//! `DATABASE_URL` (default `example-app.db`; `sqlite://path`, `sqlite:path` or a plain path).

use std::path::PathBuf;

/// Where the app listens and keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The port on 127.0.0.1.
    pub port: u16,
    /// The SQLite database file.
    pub database: PathBuf,
}

impl Config {
    /// The settings of this process's environment.
    pub fn from_env() -> Result<Config, String> {
        Config::from_vars(
            std::env::var("PORT").ok().as_deref(),
            std::env::var("DATABASE_URL").ok().as_deref(),
        )
    }

    /// The settings for these values of `PORT` and `DATABASE_URL`.
    pub fn from_vars(port: Option<&str>, database_url: Option<&str>) -> Result<Config, String> {
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
        Ok(Config { port, database })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let config = Config::from_vars(None, None).unwrap();
        assert_eq!(config.port, 3000);
        assert_eq!(config.database, PathBuf::from("example-app.db"));
        let config = Config::from_vars(Some("0"), Some("sqlite:///tmp/a.db")).unwrap();
        assert_eq!(config.port, 0);
        assert_eq!(config.database, PathBuf::from("/tmp/a.db"));
        let config = Config::from_vars(Some(""), Some("data/b.db")).unwrap();
        assert_eq!(config.port, 3000);
        assert_eq!(config.database, PathBuf::from("data/b.db"));
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(Config::from_vars(Some("http"), None).is_err());
        assert!(Config::from_vars(Some("70000"), None).is_err());
        assert!(Config::from_vars(None, Some("sqlite::memory:")).is_err());
        assert!(Config::from_vars(None, Some("sqlite://")).is_err());
    }
}
