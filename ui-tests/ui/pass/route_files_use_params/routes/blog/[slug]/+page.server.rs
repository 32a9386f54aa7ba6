use super::Params;

pub async fn load(params: Params) -> Result<serde_json::Value, routekit::Error> {
    Ok(serde_json::json!({ "title": title(&params) }))
}

/// A helper that takes the route's own params (`super::Params`).
pub fn title(params: &Params) -> String {
    format!("Post: {}", params.slug)
}
