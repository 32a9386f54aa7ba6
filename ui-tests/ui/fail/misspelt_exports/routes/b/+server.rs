pub async fn get() -> &'static str {
    "b"
}
