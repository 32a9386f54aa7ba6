pub async fn GET() -> &'static str {
    let body = "ok"
    body
}
