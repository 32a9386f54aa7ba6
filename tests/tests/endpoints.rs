//! `+server.rs` endpoints served by `App::router()`, request by request through the
//! `tower::Service` (no network): SvelteKit 2's dispatch facts for endpoints (the conformance
//! file's `dispatch_facts`), the status paths, and the error rules.

#[path = "support/oneshot.rs"]
mod oneshot;

use axum::http::StatusCode;
use axum::response::Response;
use oneshot::header_of;

/// The fixture app: `tests/fixtures/endpoints/src/routes`.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/endpoints/src/routes")]
struct App;

/// A catch-all app: `tests/fixtures/catchall/src/routes` (only `[...rest]`).
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/catchall/src/routes")]
struct CatchAll;

async fn send(
    router: axum::Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
) -> (Response, String) {
    oneshot::send(router, method, uri, headers, "").await
}

async fn request(method: &str, uri: &str, headers: &[(&str, &str)]) -> (Response, String) {
    send(App::router(), method, uri, headers).await
}

#[tokio::test]
async fn get_runs_the_handler() {
    let (response, body) = request("GET", "/endpoint-output/body", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("application/json")
    );
    assert_eq!(body, "{}");
}

#[tokio::test]
async fn head_falls_back_to_get_without_a_body() {
    let (get, _) = request("GET", "/endpoint-output/body", &[]).await;
    let (head, body) = request("HEAD", "/endpoint-output/body", &[]).await;
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(body, "");
    assert_eq!(head.headers(), get.headers());
}

#[tokio::test]
async fn a_method_without_a_handler_is_405_with_allow() {
    let (response, body) = request("POST", "/endpoint-output/body", &[]).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET, HEAD"));
    assert_eq!(body, "POST method not allowed");
}

#[tokio::test]
async fn allow_has_no_duplicates_when_head_is_exported() {
    let (response, _) = request(
        "POST",
        "/endpoint-output/head-handler",
        &[("accept", "*/*")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET, HEAD"));
}

#[tokio::test]
async fn head_goes_to_the_endpoint_when_it_accepts_json() {
    let (response, body) = request(
        "HEAD",
        "/endpoint-output/head-handler",
        &[("accept", "application/json")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "x-sveltekit-head-endpoint"),
        Some("true")
    );
    assert_eq!(body, "");
}

#[tokio::test]
async fn an_explicit_options_handler_answers() {
    let (response, body) = request("OPTIONS", "/endpoint-output", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "ok");
}

#[tokio::test]
async fn fallback_catches_every_method_without_its_own_handler() {
    for (method, expected) in [
        ("GET", "ok"),
        ("MOVE", "catch-all"),
        ("OPTIONS", "catch-all"),
        ("DELETE", "catch-all"),
    ] {
        let (response, body) = request(method, "/endpoint-output/fallback", &[]).await;
        assert_eq!(response.status(), StatusCode::OK, "{method}");
        assert_eq!(body, expected, "{method}");
    }
}

#[tokio::test]
async fn error_in_an_endpoint_is_html_or_json_by_accept() {
    let (html, body) = request(
        "GET",
        "/errors/endpoint-throw-error",
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(html.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header_of(&html, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        body.contains("<h1>401</h1>") && body.contains("You shall not pass"),
        "{body}"
    );

    let (json, body) = request("GET", "/errors/endpoint-throw-error", &[("accept", "*/*")]).await;
    assert_eq!(json.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(header_of(&json, "content-type"), Some("application/json"));
    assert_eq!(body, r#"{"message":"You shall not pass"}"#);
}

#[tokio::test]
async fn unexpected_errors_are_500_without_details() {
    let (response, body) =
        request("GET", "/errors/internal", &[("accept", "application/json")]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(body, r#"{"message":"Internal Error"}"#);
    assert!(!body.contains("secret-path"));
}

#[tokio::test]
async fn a_panicking_handler_is_a_500_and_the_router_keeps_serving() {
    let router = App::router();
    let (response, body) = send(
        router.clone(),
        "GET",
        "/errors/panic",
        &[("accept", "application/json")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(body, r#"{"message":"Internal Error"}"#);
    let (response, body) = send(router, "GET", "/endpoint-output/fallback", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "ok");
}

#[tokio::test]
async fn redirect_sets_status_and_location() {
    let (response, _) = request("GET", "/redirect", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(header_of(&response, "location"), Some("/elsewhere"));
}

#[tokio::test]
async fn created_and_no_content() {
    let (response, body) = request("POST", "/items", &[]).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(body, "created ");
    let (response, body) = request("DELETE", "/items", &[]).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(body, "");
}

#[tokio::test]
async fn params_are_an_extractor_decoded_after_matching() {
    let (response, body) = request("GET", "/users/42/files/a%20b/c.txt", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "42 a b/c.txt");
}

#[tokio::test]
async fn malformed_percent_encoding_is_400() {
    let (response, body) = request(
        "GET",
        "/%c0%ae%c0%ae/etc/passwd",
        &[("accept", "application/json")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body, r#"{"message":"Malformed URI"}"#);
}

#[tokio::test]
async fn an_unmatched_path_is_404() {
    let (response, body) = request("GET", "/nowhere", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(body.contains("<h1>404</h1>"), "{body}");
}

#[tokio::test]
async fn trailing_slashes_follow_the_route_policy() {
    // `never` (the default) removes it, keeping the query.
    let (response, _) = request("GET", "/endpoint-output/body/?a=1", &[]).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        header_of(&response, "location"),
        Some("/endpoint-output/body?a=1")
    );
    assert_eq!(header_of(&response, "x-sveltekit-normalize"), Some("1"));
    // `always` adds it.
    let (response, _) = request("GET", "/slash/always", &[]).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(header_of(&response, "location"), Some("/slash/always/"));
    let (response, body) = request("GET", "/slash/always/", &[]).await;
    assert_eq!((response.status(), body.as_str()), (StatusCode::OK, "ok"));
    // `ignore` takes both.
    for path in ["/slash/ignore", "/slash/ignore/"] {
        let (response, body) = request("GET", path, &[]).await;
        assert_eq!(
            (response.status(), body.as_str()),
            (StatusCode::OK, "ok"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_normalized_path_starting_with_two_slashes_stays_on_this_host() {
    let (response, _) = send(CatchAll::router(), "GET", "//foo/", &[]).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    // SvelteKit 2 makes it absolute with the origin; a path that cannot be read as a host
    // serves the same purpose without knowing the origin.
    assert_eq!(header_of(&response, "location"), Some("/.//foo"));
}

#[tokio::test]
async fn page_and_endpoint_side_by_side_negotiate_on_accept() {
    for method in ["GET", "PUT", "PATCH", "POST", "DELETE"] {
        let (response, body) =
            request(method, "/routing/content-negotiation", &[("accept", "*/*")]).await;
        assert_eq!(response.status(), StatusCode::OK, "{method}");
        assert_eq!(body, method);
    }
    let (response, _) = request("GET", "/routing/content-negotiation", &[("accept", "*/*")]).await;
    assert_eq!(header_of(&response, "vary"), Some("Accept"));
    // No Accept header at all goes to the endpoint too.
    let (_, body) = request("GET", "/routing/content-negotiation", &[]).await;
    assert_eq!(body, "GET");
    // A browser navigation goes to the page.
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let (response, body) = request(
        "GET",
        "/routing/content-negotiation",
        &[("accept", browser)],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "<p>content negotiation page</p>");
    assert_eq!(header_of(&response, "vary"), Some("Accept"));
    // A form action request goes to the page's action, not the endpoint's POST.
    let (response, body) = request(
        "POST",
        "/routing/content-negotiation",
        &[
            ("accept", "application/json"),
            ("x-sveltekit-action", "true"),
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", "http://localhost"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        body,
        r#"{"type":"success","status":200,"data":"[\"page action\"]"}"#
    );
    // PUT always goes to the endpoint, whatever it accepts.
    let (_, body) = request(
        "PUT",
        "/routing/content-negotiation",
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(body, "PUT");
}

#[tokio::test]
async fn routes_lists_endpoint_methods_in_sveltekit_order() {
    let route = App::routes()
        .iter()
        .find(|r| r.id == "/routing/content-negotiation")
        .expect("the route");
    assert_eq!(route.methods, ["GET", "POST", "PUT", "PATCH", "DELETE"]);
    assert!(route.endpoint && route.page && !route.fallback);
}

#[tokio::test]
async fn the_router_is_a_plain_axum_router() {
    // Routes added with axum take precedence; the rest still reaches routekit.
    let router = App::router().route(
        "/endpoint-output/body",
        axum::routing::get(|| async { "axum" }),
    );
    let (_, body) = send(router.clone(), "GET", "/endpoint-output/body", &[]).await;
    assert_eq!(body, "axum");
    let (_, body) = send(router, "GET", "/endpoint-output/fallback", &[]).await;
    assert_eq!(body, "ok");
}

#[tokio::test]
async fn a_streamed_response_is_sent_as_it_comes() {
    let (response, body) = request("GET", "/endpoint-output/stream", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("text/event-stream")
    );
    assert_eq!(body, "data: one\n\ndata: two\n\ndata: three\n\n");
}

#[tokio::test]
async fn a_matching_if_none_match_is_304() {
    let (response, body) = request("GET", "/etag", &[("if-none-match", "W/\"v1\"")]).await;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(body, "");
    assert_eq!(header_of(&response, "etag"), Some("\"v1\""));
    assert_eq!(header_of(&response, "cache-control"), Some("max-age=60"));
    assert_eq!(header_of(&response, "content-type"), None);
    let (response, body) = request("GET", "/etag", &[("if-none-match", "\"v0\"")]).await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "tagged body")
    );
}

#[tokio::test]
async fn the_app_serves_as_a_service_of_its_own() {
    use tower::ServiceExt;
    let service = App::service(());
    let request = axum::http::Request::get("/endpoint-output/body")
        .body(axum::body::Body::empty())
        .expect("a request");
    let response = service.clone().oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::OK);
    // Any body type that axum accepts, and the rules of the router: 404, panics.
    let request = axum::http::Request::get("/no/such/path")
        .header("accept", "application/json")
        .body(String::new())
        .expect("a request");
    let response = service.clone().oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let request = axum::http::Request::get("/errors/panic")
        .body(axum::body::Body::empty())
        .expect("a request");
    let response = service.clone().oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    // It plugs into `axum::serve` like a router does (bound, not run).
    let make = axum::ServiceExt::<axum::extract::Request>::into_make_service(service);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    drop(axum::serve(listener, make));
}

/// A state type named through a `use` where the derive is.
mod app_state {
    /// The state.
    #[derive(Clone)]
    pub struct AppState;
}

use app_state::AppState;

/// An app whose `state` is a name imported at the derive site.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/pages/src/routes", state = AppState)]
struct WithState;

#[tokio::test]
async fn the_state_type_resolves_where_the_derive_is() {
    let router = WithState::router().with_state(AppState);
    let (response, _) = send(router, "GET", "/plain", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
}
