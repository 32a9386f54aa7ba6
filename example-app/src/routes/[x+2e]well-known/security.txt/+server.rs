//! `/.well-known/security.txt` (RFC 9116): the folder is `[x+2e]well-known` because a folder
//! whose name starts with `.` is hidden, and SvelteKit escapes the dot.

use axum::http::header;

/// How to report a vulnerability.
pub async fn GET() -> ([(header::HeaderName, &'static str); 1], &'static str) {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Contact: mailto:security@example.com\nExpires: 2030-01-01T00:00:00Z\nPreferred-Languages: en\n",
    )
}
