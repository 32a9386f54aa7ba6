pub async fn DELETE() -> &'static str {
    "deleted"
}

pub async fn GET() -> &'static str {
    "list"
}

pub async fn POST() -> &'static str {
    "created"
}

pub async fn fallback() -> &'static str {
    "other"
}
