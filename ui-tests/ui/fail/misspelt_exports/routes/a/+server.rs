pub async fn Get() -> &'static str {
    "a"
}
