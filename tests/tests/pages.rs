//! Pages served by `App::router()` (no network): templates inside their layouts, server loads
//! and their merged data, typed parent data, form actions in HTML and JSON mode, error
//! boundaries, `__data.json`, and the page's method rules (SvelteKit 2 §6–7).

#[path = "support/oneshot.rs"]
mod oneshot;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use oneshot::header_of;

/// The fixture app: `tests/fixtures/pages/src/routes`.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/pages/src/routes")]
struct App;

const FORM: &str = "application/x-www-form-urlencoded";
const HTML: &str = "text/html";
const JSON: &str = "application/json";

async fn send(method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> (Response, String) {
    // A same-origin form, as a browser sends it: CSRF protection refuses any other.
    let mut headers = headers.to_vec();
    if !headers.iter().any(|(name, _)| *name == "origin") {
        headers.push(("origin", "http://localhost"));
    }
    oneshot::send(App::router(), method, uri, &headers, body).await
}

/// A form POST that accepts `accept`.
async fn post(uri: &str, accept: &str, body: &str) -> (Response, String) {
    send(
        "POST",
        uri,
        &[("accept", accept), ("content-type", FORM)],
        body,
    )
    .await
}

async fn get(uri: &str) -> (Response, String) {
    send("GET", uri, &[("accept", HTML)], "").await
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test]
async fn a_page_renders_inside_its_layouts_with_merged_data() {
    let (response, body) = get("/blog/hello?x=1").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><section class=\"blog\"><h1>Post hello</h1>\
         <div>&lt;script&gt;alert(1)&lt;&#x2f;script&gt;</div>\
         <p>hello ann / hello / &#x2f;blog&#x2f;[slug] / ?x=1</p></section></body></html>"
    );
}

#[tokio::test]
async fn the_home_page_uses_the_root_layout() {
    let (response, body) = get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><p>home of routekit</p></body></html>"
    );
}

#[tokio::test]
async fn a_load_error_renders_the_nearest_boundary_inside_the_loaded_layouts() {
    let (response, body) = get("/blog/missing").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><section class=\"blog\">\
         <div class=\"blog-error\">404 No such post</div></section></body></html>"
    );
}

#[tokio::test]
async fn an_unexpected_load_error_is_a_500_without_its_details() {
    let (response, body) = get("/blog/broken").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        body.contains("<div class=\"blog-error\">500 Internal Error</div>"),
        "{body}"
    );
    assert!(!body.contains("hunter2"));
}

#[tokio::test]
async fn a_load_redirect_redirects() {
    let (response, body) = get("/blog/moved").await;
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(header_of(&response, "location"), Some("/blog/hello"));
    assert_eq!(body, "");
}

#[tokio::test]
async fn the_boundary_beside_a_failing_layout_is_skipped() {
    let (response, body) = get("/layout-fails/inner").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><div class=\"root-error\">503: Layout is down (user ann)</div></body></html>"
    );
}

#[tokio::test]
async fn a_failing_root_layout_gives_the_static_error_page() {
    let (response, body) = send("GET", "/", &[("accept", HTML), ("x-fail-root", "1")], "").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.starts_with("<!doctype html>"), "{body}");
    assert!(body.contains("<p>Root is down</p>"), "{body}");
}

#[tokio::test]
async fn an_unmatched_path_renders_the_root_error_in_the_root_layout() {
    let (response, body) = get("/no/such/page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><div class=\"root-error\">404: Not Found (user ann)</div></body></html>"
    );
    // Nested boundaries never apply to unmatched paths.
    let (response, body) = get("/blog/a/b/c").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body.contains("root-error"), "{body}");
    let (response, body) = send("GET", "/no/such/page", &[("accept", JSON)], "").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(&body), serde_json::json!({"message": "Not Found"}));
}

#[tokio::test]
async fn a_malformed_path_is_a_400_error_page() {
    let (response, body) = get("/blog/%c0%ae").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        body.contains("<div class=\"root-error\">400: Malformed URI"),
        "{body}"
    );
}

#[tokio::test]
async fn a_template_that_fails_to_render_gives_the_root_error_page() {
    let (response, body) = get("/template-error").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        body.contains("<div class=\"root-error\">500: Internal Error"),
        "{body}"
    );
}

#[tokio::test]
async fn groups_and_layout_resets() {
    let (_, body) = get("/item/7").await;
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><main class=\"app\"><div class=\"item\"><p>item 7</p></div></main></body></html>"
    );
    // `+page@(app).html` skips the item layout.
    let (_, body) = get("/item/7/embed").await;
    assert_eq!(
        body,
        "<html><body data-user=\"ann\"><main class=\"app\"><p>embed 7</p></main></body></html>"
    );
}

#[tokio::test]
async fn options_on_a_page_is_204_with_allow() {
    let (response, body) = send("OPTIONS", "/plain", &[], "").await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(header_of(&response, "allow"), Some("GET, HEAD, OPTIONS"));
    assert_eq!(body, "");
    let (response, _) = send("OPTIONS", "/todos", &[], "").await;
    assert_eq!(
        header_of(&response, "allow"),
        Some("GET, HEAD, OPTIONS, POST")
    );
}

#[tokio::test]
async fn other_methods_on_a_page_are_405() {
    let (response, body) = send("PUT", "/plain", &[], "").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET, OPTIONS, HEAD"));
    assert_eq!(body, "PUT method not allowed");
    let (response, _) = send("DELETE", "/todos", &[], "").await;
    assert_eq!(
        header_of(&response, "allow"),
        Some("GET, POST, OPTIONS, HEAD")
    );
}

#[tokio::test]
async fn head_on_a_page_has_no_body() {
    let (response, body) = send("HEAD", "/plain", &[("accept", HTML)], "").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(body, "");
}

#[tokio::test]
async fn post_to_a_page_without_actions_is_405() {
    // HTML mode: the page's boundary renders the 405.
    let (response, body) = post("/plain", HTML, "a=1").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET"));
    assert!(
        body.contains("405: POST method not allowed. No form actions exist for this page"),
        "{body}"
    );
    // JSON mode (and no Accept at all).
    for headers in [&[("accept", JSON)][..], &[][..]] {
        let (response, body) = send("POST", "/plain", headers, "a=1").await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(header_of(&response, "allow"), Some("GET"));
        assert_eq!(
            json(&body),
            serde_json::json!({"type": "error", "error": {"message": "POST method not allowed. No form actions exist for this page"}})
        );
    }
}

#[tokio::test]
async fn a_failing_action_renders_the_page_with_form_and_its_status() {
    let (response, body) = post("/login", HTML, "user=bob&password=nope").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        body.contains("<p class=\"message\">Wrong credentials</p>"),
        "{body}"
    );
}

#[tokio::test]
async fn a_redirecting_action_is_303_in_html_mode_and_json_in_json_mode() {
    let form = "user=ann&password=secret";
    let (response, _) = post("/login", HTML, form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(header_of(&response, "location"), Some("/blog/welcome"));
    let (response, body) = post("/login", JSON, form).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "redirect", "status": 303, "location": "/blog/welcome"})
    );
}

#[tokio::test]
async fn action_results_in_json_mode_are_devalue_encoded() {
    let (response, body) = send(
        "POST",
        "/login",
        &[("content-type", FORM)],
        "user=bob&password=x",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("application/json")
    );
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "failure", "status": 400, "data": r#"[{"message":1,"user":2},"Wrong credentials","bob"]"#})
    );
    let (_, body) = send(
        "POST",
        "/todos?/create",
        &[("content-type", FORM)],
        "text=milk",
    )
    .await;
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "success", "status": 200, "data": r#"[{"created":1},"milk"]"#})
    );
    // An action returning nothing: SvelteKit's `undefined`.
    let (_, body) = send("POST", "/todos?/clear", &[("content-type", FORM)], "").await;
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "success", "status": 204, "data": "-1"})
    );
}

#[tokio::test]
async fn a_named_action_renders_the_page_with_form_in_html_mode() {
    let (response, body) = post("/todos?/create", HTML, "text=milk").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        body.contains("<li>write tests</li><li>ship</li></ul><p class=\"created\">milk</p>"),
        "{body}"
    );
}

#[tokio::test]
async fn an_action_error_replaces_the_leaf_load() {
    let (response, body) = post("/todos?/create", HTML, "text=").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("<div class=\"root-error\">422: A todo needs text (user ann)</div>"),
        "{body}"
    );
    let (response, body) = post("/todos?/create", JSON, "text=").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "error", "error": {"message": "A todo needs text"}})
    );
}

#[tokio::test]
async fn an_unknown_action_is_404_and_a_reserved_name_500() {
    let (response, body) = send("POST", "/todos?/nope", &[("content-type", FORM)], "").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "error", "error": {"message": "No action with name 'nope' found"}})
    );
    // The default action of a page with named actions does not exist either.
    let (response, _) = send("POST", "/todos", &[("content-type", FORM)], "").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (response, body) = send("POST", "/login?/default", &[("content-type", FORM)], "").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "error", "error": {"message": "Internal Error"}})
    );
}

#[tokio::test]
async fn an_action_with_a_body_that_is_not_a_form_is_415() {
    let (response, body) = send("POST", "/login", &[("content-type", JSON)], "{}").await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "error", "error": {"message": "Form actions expect form-encoded data — received application/json"}})
    );
    // The action name is checked first.
    let (response, _) = send("POST", "/login?/nope", &[("content-type", JSON)], "{}").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_action_whose_form_does_not_parse_is_a_client_error() {
    let (response, body) = send("POST", "/login", &[("content-type", FORM)], "user=ann").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(&body);
    assert_eq!(body["type"], "error");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("password"),
        "{body}"
    );
}

#[tokio::test]
async fn data_requests_answer_each_nodes_data() {
    let (response, body) = send("GET", "/blog/hello/__data.json", &[], "").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("application/json")
    );
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "data", "nodes": [
            {"type": "data", "data": [{"user": 1, "site": 2}, "ann", "routekit"], "uses": {}},
            {"type": "data", "data": [{"section": 1, "greeting": 2}, "blog", "hello ann"], "uses": {}},
            {"type": "data", "data": [{"title": 1, "body": 2, "section": 3}, "Post hello", "<script>alert(1)</script>", "post"], "uses": {}}
        ]})
    );
    // Nodes without a load are null; `x-sveltekit-invalidated` skips nodes.
    let (_, body) = send(
        "GET",
        "/plain/__data.json?x-sveltekit-invalidated=01",
        &[],
        "",
    )
    .await;
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "data", "nodes": [{"type": "skip"}, null]})
    );
}

#[tokio::test]
async fn data_requests_report_errors_and_redirects_as_json() {
    let (response, body) = send("GET", "/blog/missing/__data.json", &[], "").await;
    assert_eq!(response.status(), StatusCode::OK);
    let nodes = &json(&body)["nodes"];
    assert_eq!(
        nodes[2],
        serde_json::json!({"type": "error", "error": {"message": "No such post"}, "status": 404})
    );
    let (response, body) = send("GET", "/blog/moved/__data.json", &[], "").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        json(&body),
        serde_json::json!({"type": "redirect", "location": "/blog/hello"})
    );
    // No page at the path: 404 without a body.
    let (response, body) = send("GET", "/nowhere/at/all/__data.json", &[], "").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(body, "");
    // The root page's data: `/__data.json`.
    let (response, _) = send("GET", "/__data.json", &[], "").await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[test]
fn the_manifest_lists_actions_and_nodes() {
    let routes = App::routes();
    let todos = routes
        .iter()
        .position(|r| r.id == "/todos")
        .expect("the todos route");
    let page = <App as routekit::RouteTable>::page(todos).expect("a page");
    assert_eq!(page.actions, ["create", "clear"]);
}

/// Every request moves the dispatcher's future into a box: it must stay small (the rare,
/// large futures of pages and error pages are boxed on their own).
#[test]
fn the_dispatch_future_stays_small() {
    let request = Request::builder()
        .uri("/")
        .body(Body::empty())
        .expect("a request");
    let options = std::sync::Arc::new(routekit::Options::default());
    let future = routekit::__private::respond::<App>((), options, request);
    let size = std::mem::size_of_val(&future);
    assert!(size <= 1024, "the respond future is {size} bytes");
    eprintln!("respond future: {size} bytes");
}

#[tokio::test]
async fn independent_loads_run_concurrently() {
    let (response, body) = get("/concurrent").await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    assert!(
        body.contains("<p>met the page / met the layout</p>"),
        "{body}"
    );
}

#[tokio::test]
async fn a_panicking_load_is_a_500_and_the_app_keeps_serving() {
    let (response, body) = get("/blog/panic").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("Internal Error"), "{body}");
    let (response, _) = get("/blog/hello").await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_oversized_form_is_413_with_axums_body_limit_layer() {
    let router = App::router().layer(axum::extract::DefaultBodyLimit::max(64));
    let body = format!("user=ann&password={}", "x".repeat(100));
    let headers = [
        ("accept", JSON),
        ("content-type", FORM),
        ("origin", "http://localhost"),
    ];
    let (response, text) = oneshot::send(router, "POST", "/login", &headers, &body).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let text = json(&text);
    assert_eq!(text["type"], "error");
    assert!(
        text["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("length limit exceeded"),
        "{text}"
    );
}
