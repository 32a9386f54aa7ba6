//! A misspelt export, reported with the folder errors.

/// Should be `GET`.
pub async fn get() -> &'static str {
    "x"
}
