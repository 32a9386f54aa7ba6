//! `src/hooks.server.rs`: the `handle` hook around every request (typed locals, short-circuit,
//! changing the response, setting cookies) and `handle_error` for unexpected errors.

#[path = "support/oneshot.rs"]
mod oneshot;

use axum::http::StatusCode;
use axum::response::Response;
use oneshot::header_of;

/// The fixture app: `tests/fixtures/hooks/src/routes`, with `hooks.server.rs` beside it.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/hooks/src/routes")]
struct HooksApp;

async fn send(uri: &str, headers: &[(&str, &str)]) -> (Response, String) {
    oneshot::send(HooksApp::router(), "GET", uri, headers, "").await
}

#[tokio::test]
async fn handle_sets_typed_locals_and_cookies_and_marks_the_response() {
    let (response, body) = send("/whoami", &[("x-user", "ann")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "ann");
    assert_eq!(header_of(&response, "x-hooked"), Some("1"));
    assert_eq!(
        header_of(&response, "set-cookie"),
        Some("seen=1; HttpOnly; SameSite=Lax; Path=/")
    );
    let (response, body) = send("/whoami", &[]).await;
    assert_eq!(body, "anonymous");
    assert_eq!(header_of(&response, "set-cookie"), None);
}

/// `/crash` is an endpoint whose handler takes nothing: with a `handle` hook it still gets the
/// request's context, and the hook's cookie is sent.
#[tokio::test]
async fn cookies_set_by_handle_are_sent_for_a_handler_that_takes_nothing() {
    let (response, _) = send("/crash", &[("x-user", "ann")]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        header_of(&response, "set-cookie"),
        Some("seen=1; HttpOnly; SameSite=Lax; Path=/")
    );
}

#[tokio::test]
async fn handle_can_answer_without_resolving() {
    let (response, body) = send("/blocked", &[]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body, "Sign in first");
    assert_eq!(header_of(&response, "x-hooked"), None);
}

#[tokio::test]
async fn handle_runs_for_unmatched_paths_too() {
    let (response, body) = send("/nowhere", &[("accept", "text/html")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header_of(&response, "x-hooked"), Some("1"));
    assert_eq!(body, "<p class=\"error\">404: Not Found</p>");
}

#[tokio::test]
async fn handle_error_words_unexpected_errors_of_endpoints() {
    let (response, body) = send("/crash", &[("accept", "application/json")]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body,
        r#"{"message":"Sorry (500) on GET /crash: disk on fire"}"#
    );
}

#[tokio::test]
async fn handle_error_words_unexpected_errors_of_loads() {
    let (response, body) = send("/page-crash", &[("accept", "text/html")]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body,
        "<p class=\"error\">500: Sorry (500) on GET &#x2f;page-crash: table missing</p>"
    );
}
