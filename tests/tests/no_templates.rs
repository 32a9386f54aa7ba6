//! An app with pages but no templates at all (a layout load, a page load, an endpoint; no
//! `.html`): its pages, error pages and data requests are served without a template engine,
//! from routekit's built-in layout and error page.

#[path = "support/oneshot.rs"]
mod oneshot;

use axum::http::StatusCode;
use axum::response::Response;
use oneshot::header_of;

/// The fixture app: `tests/fixtures/no_templates/src/routes`.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/no_templates/src/routes")]
struct App;

async fn get(uri: &str, accept: &str) -> (Response, String) {
    oneshot::send(App::router(), "GET", uri, &[("accept", accept)], "").await
}

#[tokio::test]
async fn a_page_without_a_template_renders_empty() {
    let (response, body) = get("/posts/hello", "text/html").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(body, "");
}

#[tokio::test]
async fn its_data_request_carries_the_loads_data() {
    let (response, body) = get("/posts/hello/__data.json", "*/*").await;
    assert_eq!(response.status(), StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let text = data.to_string();
    assert!(text.contains("ann"), "the layout's data: {text}");
    assert!(text.contains("Post hello"), "the page's data: {text}");
}

#[tokio::test]
async fn a_load_error_renders_the_built_in_error_page_escaped() {
    let (response, body) = get("/posts/teapot", "text/html").await;
    assert_eq!(response.status().as_u16(), 418);
    assert_eq!(
        body,
        "<h1>418</h1>\n<p>&lt;b&gt;short &amp; stout&lt;/b&gt;</p>\n"
    );
}

#[tokio::test]
async fn an_unmatched_path_is_the_built_in_404_page_or_json() {
    let (response, body) = get("/nowhere", "text/html").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(body, "<h1>404</h1>\n<p>Not Found</p>\n");
    let (response, body) = get("/nowhere", "application/json").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(body, r#"{"message":"Not Found"}"#);
    let (response, body) = get("/%ff", "text/html").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body, "<h1>400</h1>\n<p>Malformed URI</p>\n");
}

#[tokio::test]
async fn the_endpoint_beside_the_pages_answers() {
    let (response, body) = get("/api", "*/*").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "api");
}
