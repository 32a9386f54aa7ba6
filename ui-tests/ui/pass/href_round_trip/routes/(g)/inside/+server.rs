//! A static route whose handler takes its (empty) params.

/// Answers the route's own path.
pub async fn GET(params: super::Params) -> String {
    params.href().unwrap_or_default()
}
