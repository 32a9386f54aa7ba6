//! A route folder named like the container's hooks module.

/// Answers.
pub async fn GET() -> &'static str {
    "hooks route"
}
