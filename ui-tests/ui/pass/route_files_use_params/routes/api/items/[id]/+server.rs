pub async fn GET() -> &'static str {
    "ok"
}

/// The route's params are reachable from the endpoint too.
pub fn describe(params: &super::Params) -> String {
    format!("item {}", params.id)
}
