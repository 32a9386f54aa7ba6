use super::Params;

pub async fn load() -> &'static str {
    "post"
}

/// A helper that takes the route's own params (`super::Params`).
pub fn title(params: &Params) -> String {
    format!("Post: {}", params.slug)
}
