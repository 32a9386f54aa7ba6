pub async fn load() -> &'static str {
    "layout"
}
