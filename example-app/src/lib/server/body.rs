//! JSON request bodies for the API routes, read by hand so that every mistake is a 400 with a
//! message saying what is wrong (axum's `Json` answers 415 or 422 for some of them).

use serde::de::DeserializeOwned;

/// `body` as a `T`, or a 400 whose message names the problem (bad JSON, a missing or unknown
/// field, a wrong type).
pub fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, routekit::Error> {
    if body.is_empty() {
        return Err(routekit::error(400, "Expected a JSON body"));
    }
    serde_json::from_slice(body)
        .map_err(|error| routekit::error(400, format!("Invalid request body: {error}")))
}
