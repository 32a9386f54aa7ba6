pub async fn GET() -> &'static str {
    "about"
}
