pub async fn GET() -> &'static str {
    "range"
}
