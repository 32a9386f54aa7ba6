pub async fn GET() -> &'static str {
    "ok"
}

pub async fn load() -> &'static str {
    "data"
}
