pub async fn load() -> Result<serde_json::Value, routekit::Error> {
    Ok(serde_json::json!({ "posts": [] }))
}

pub mod actions {
    pub async fn default() -> Result<&'static str, routekit::Error> {
        Ok("saved")
    }
}
