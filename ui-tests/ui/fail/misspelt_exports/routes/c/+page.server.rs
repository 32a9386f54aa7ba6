pub async fn Load() -> &'static str {
    "c"
}
