pub async fn HEAD() {}

pub async fn GET() -> &'static str {
    "up"
}
