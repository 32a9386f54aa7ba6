//! The app's hooks, beside route folders named `params` and `hooks`.

/// The message clients see for an unexpected error.
pub async fn handle_error(error: routekit::UnexpectedError<'_>) -> Option<String> {
    Some(format!("Sorry: {}", error.error))
}
