//! An endpoint, found through the container's `#[path]` from inside `mod web { … }`.

/// Echoes the id.
pub async fn GET(params: super::Params) -> String {
    params.id
}
