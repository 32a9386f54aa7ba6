//! The request context of routekit's handlers, request by request through the
//! `tower::Service` (no network): cookies, the CSRF check, `RequestEvent`, locals and
//! `event.fetch`. The fixture app is `tests/fixtures/request_context/src/routes`.

#[path = "support/oneshot.rs"]
mod oneshot;

use std::net::SocketAddr;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;

/// The fixture app.
#[derive(routekit::Routes)]
#[routes(dir = "fixtures/request_context/src/routes")]
struct App;

/// The signed-in user, a local that a layer sets.
#[derive(Clone)]
pub struct User(pub String);

use oneshot::{header_of, send};

async fn get(uri: &str, headers: &[(&str, &str)]) -> (Response, String) {
    send(App::router(), "GET", uri, headers, "").await
}

fn set_cookies(response: &Response) -> Vec<&str> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect()
}

// Cookies

#[tokio::test]
async fn cookies_are_set_with_safe_defaults_and_their_own_options() {
    let (response, body) = get("/cookies/set", &[("host", "example.com")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "set");
    assert_eq!(
        set_cookies(&response),
        [
            "session=a%20b%3Bc; HttpOnly; SameSite=Lax; Secure; Path=/",
            "theme=dark; SameSite=Strict; Secure; Path=/cookies; Max-Age=86400",
        ]
    );
}

#[tokio::test]
async fn cookies_are_not_secure_on_plain_http_to_the_local_machine() {
    for host in ["localhost:5173", "127.0.0.1", "[::1]:3000"] {
        let (response, _) = get("/cookies/set", &[("host", host)]).await;
        assert_eq!(
            set_cookies(&response)[0],
            "session=a%20b%3Bc; HttpOnly; SameSite=Lax; Path=/",
            "{host}"
        );
    }
    // Behind a TLS proxy, localhost is HTTPS: Secure again.
    let (response, _) = get(
        "/cookies/set",
        &[("host", "localhost"), ("x-forwarded-proto", "https")],
    )
    .await;
    assert_eq!(
        set_cookies(&response)[0],
        "session=a%20b%3Bc; HttpOnly; SameSite=Lax; Secure; Path=/"
    );
}

#[tokio::test]
async fn delete_expires_the_cookie_at_its_path() {
    let (response, body) = get("/cookies/delete", &[("host", "example.com")]).await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "deleted")
    );
    assert_eq!(
        set_cookies(&response),
        ["session=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0"]
    );
}

#[tokio::test]
async fn get_sees_the_request_cookies_then_those_set_in_the_request() {
    let (response, body) = get(
        "/cookies/read",
        &[
            ("host", "example.com"),
            ("cookie", "session=old%20value; other=1"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        body,
        r#"Some("old value") Some("new value") None [("other", "1")]"#
    );
    // Only the last change of a cookie is sent.
    assert_eq!(
        set_cookies(&response),
        ["session=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0"]
    );
}

#[tokio::test]
async fn cookies_set_before_an_error_are_sent_with_it() {
    let (response, body) = get(
        "/cookies/error",
        &[("host", "example.com"), ("accept", "application/json")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("application/json")
    );
    assert_eq!(body, r#"{"message":"Sign in first"}"#);
    assert_eq!(
        set_cookies(&response),
        ["attempt=1; HttpOnly; SameSite=Lax; Secure; Path=/"]
    );
}

#[tokio::test]
async fn head_keeps_the_cookies_of_get() {
    let (response, body) = send(
        App::router(),
        "HEAD",
        "/cookies/set",
        &[("host", "example.com")],
        "",
    )
    .await;
    assert_eq!((response.status(), body.as_str()), (StatusCode::OK, ""));
    assert_eq!(set_cookies(&response).len(), 2);
}

#[tokio::test]
async fn the_extractors_refuse_handlers_routekit_did_not_call() {
    let router = App::router().route(
        "/plain",
        axum::routing::get(|_: routekit::Cookies| async { "unreachable" }),
    );
    let (response, body) = send(router, "GET", "/plain", &[], "").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body,
        "routekit's Cookies and RequestEvent are only available in the handlers of routekit's routes"
    );
}

// CSRF

const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

#[tokio::test]
async fn cross_site_form_submissions_are_403() {
    for method in ["POST", "PUT", "PATCH", "DELETE"] {
        let (response, body) = send(
            App::router(),
            method,
            "/form",
            &[
                ("host", "example.com"),
                ("origin", "https://evil.com"),
                FORM,
            ],
            "a=1",
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method}");
        assert_eq!(
            header_of(&response, "content-type"),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(
            body,
            format!("Cross-site {method} form submissions are forbidden")
        );
    }
}

#[tokio::test]
async fn the_403_is_json_when_accept_is_exactly_json() {
    let headers = [
        ("host", "example.com"),
        ("origin", "https://evil.com"),
        ("content-type", "multipart/form-data; boundary=x"),
        ("accept", "application/json"),
    ];
    let (response, body) = send(App::router(), "POST", "/form", &headers, "").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        header_of(&response, "content-type"),
        Some("application/json")
    );
    assert_eq!(
        body,
        r#"{"message":"Cross-site POST form submissions are forbidden"}"#
    );
    // Anything else gets plain text.
    let mut headers = headers;
    headers[3] = ("accept", "application/json, text/html");
    let (response, body) = send(App::router(), "POST", "/form", &headers, "").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(body, "Cross-site POST form submissions are forbidden");
}

#[tokio::test]
async fn every_form_type_is_checked_and_a_missing_origin_is_refused() {
    for content_type in [
        "text/plain;charset=UTF-8",
        "Application/X-WWW-Form-Urlencoded",
    ] {
        let headers = [
            ("host", "example.com"),
            ("origin", "null"),
            ("content-type", content_type),
        ];
        let (response, _) = send(App::router(), "POST", "/form", &headers, "").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{content_type}");
    }
    let (response, _) = send(
        App::router(),
        "POST",
        "/form",
        &[("host", "example.com"), FORM],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn same_origin_form_submissions_pass() {
    for (headers, why) in [
        (
            vec![
                ("host", "example.com"),
                ("origin", "http://example.com"),
                FORM,
            ],
            "plain HTTP",
        ),
        (
            vec![
                ("host", "example.com:443"),
                ("x-forwarded-proto", "https"),
                ("origin", "https://example.com"),
                FORM,
            ],
            "behind a TLS proxy, default port",
        ),
        (vec![("origin", "http://localhost"), FORM], "no Host"),
    ] {
        let (response, body) = send(App::router(), "POST", "/form", &headers, "a=1").await;
        assert_eq!(
            (response.status(), body.as_str()),
            (StatusCode::OK, "POST"),
            "{why}"
        );
    }
    // The scheme counts: an HTTPS page posting to plain HTTP is another origin.
    let headers = [
        ("host", "example.com"),
        ("origin", "https://example.com"),
        FORM,
    ];
    let (response, _) = send(App::router(), "POST", "/form", &headers, "").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn trusted_origins_pass() {
    let router =
        || App::router_with(routekit::Options::default().trusted_origins(["https://pay.example/"]));
    let headers = [
        ("host", "example.com"),
        ("origin", "https://pay.example"),
        FORM,
    ];
    let (response, body) = send(router(), "PUT", "/form", &headers, "").await;
    assert_eq!((response.status(), body.as_str()), (StatusCode::OK, "PUT"));
    let headers = [
        ("host", "example.com"),
        ("origin", "https://evil.example"),
        FORM,
    ];
    let (response, _) = send(router(), "PUT", "/form", &headers, "").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_check_can_be_turned_off() {
    let router = App::router_with(routekit::Options::default().csrf_check(false));
    let headers = [
        ("host", "example.com"),
        ("origin", "https://evil.com"),
        FORM,
    ];
    let (response, body) = send(router, "DELETE", "/form", &headers, "").await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "DELETE")
    );
}

#[tokio::test]
async fn other_bodies_and_methods_pass() {
    let cross_site = [("host", "example.com"), ("origin", "https://evil.com")];
    for content_type in ["application/json", "application/octet-stream"] {
        let mut headers = cross_site.to_vec();
        headers.push(("content-type", content_type));
        let (response, body) = send(App::router(), "POST", "/form", &headers, "{}").await;
        assert_eq!(
            (response.status(), body.as_str()),
            (StatusCode::OK, "POST"),
            "{content_type}"
        );
    }
    // No content type at all (SvelteKit 2; 3 refuses it too).
    let (response, _) = send(App::router(), "POST", "/form", &cross_site, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    // GET is never checked.
    let mut headers = cross_site.to_vec();
    headers.push(FORM);
    let (response, _) = send(App::router(), "GET", "/cookies/delete", &headers, "").await;
    assert_eq!(response.status(), StatusCode::OK);
}

// RequestEvent and locals

async fn sign_in(mut request: Request, next: Next) -> Response {
    request.extensions_mut().insert(User("ada".to_owned()));
    next.run(request).await
}

#[tokio::test]
async fn the_request_event_has_every_field() {
    let client: SocketAddr = "203.0.113.7:52100".parse().expect("an address");
    let router = App::router()
        .layer(middleware::from_fn(sign_in))
        .layer(axum::extract::connect_info::MockConnectInfo(client));
    let (response, body) = send(
        router,
        "GET",
        "/event/a%20b/fr?q=1",
        &[
            ("host", "example.com:8080"),
            ("user-agent", "test"),
            ("cookie", "c=%E2%9C%93"),
        ],
        "",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({
            "method": "GET",
            "url": "http://example.com:8080/event/a%20b/fr?q=1",
            "route_id": "/event/[id]/[[lang]]",
            "params": [["id", "a b"], ["lang", "fr"]],
            "id": "a b",
            "user_agent": "test",
            "client_address": "203.0.113.7:52100",
            "user": "ada",
            "cookie": "✓",
        })
    );
}

#[tokio::test]
async fn absent_optional_params_locals_and_client_address_are_none() {
    let (response, body) = get(
        "/event/7",
        &[("host", "example.com"), ("x-forwarded-proto", "https")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["url"], "https://example.com/event/7");
    assert_eq!(json["params"], serde_json::json!([["id", "7"]]));
    assert_eq!(json["client_address"], serde_json::Value::Null);
    assert_eq!(json["user"], serde_json::Value::Null);
}

#[tokio::test]
async fn locals_come_from_a_layer() {
    let router = App::router().layer(middleware::from_fn(sign_in));
    let (response, body) = send(router.clone(), "GET", "/locals/required", &[], "").await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "hello ada")
    );
    let (_, body) = send(router, "GET", "/locals/optional", &[], "").await;
    assert_eq!(body, "hello ada");
}

#[tokio::test]
async fn missing_locals_are_a_500_naming_the_type_unless_optional() {
    let (response, body) = get("/locals/required", &[("accept", "application/json")]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        body,
        r#"{"message":"no locals of type `request_context::User` in this request: a hook or layer must insert them"}"#
    );
    let (response, body) = get("/locals/optional", &[]).await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "hello nobody")
    );
}

// event.fetch

#[tokio::test]
async fn fetch_calls_a_route_in_process_with_the_cookies() {
    let (response, body) = get(
        "/fetch/forward",
        &[
            ("host", "example.com"),
            ("cookie", "sent=s; gone=g; parent=old"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    // The sub-request gets the cookies sent, overridden by those set since (`gone` deleted,
    // `parent` changed, encoded as a browser would have it), on the same host.
    assert_eq!(
        body,
        r#"200 OK cookie=Some("sent=s; parent=p%201") origin=None accept=Some("*/*") host=Some("example.com") set-cookie-left=false from_sub=Some("yes")"#
    );
    // What the sub-request set is sent with the final response.
    assert_eq!(
        set_cookies(&response),
        [
            "parent=p%201; HttpOnly; SameSite=Lax; Secure; Path=/",
            "gone=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0",
            "from_sub=yes; HttpOnly; SameSite=Lax; Secure; Path=/",
        ]
    );
}

#[tokio::test]
async fn a_form_posted_with_fetch_is_same_origin() {
    let (response, body) = get(
        "/fetch/post",
        &[("host", "example.com"), ("x-forwarded-proto", "https")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        body,
        r#"200 OK cookie=None origin=Some("https://example.com") accept=Some("*/*") host=Some("example.com") body=a=1"#
    );
}

#[tokio::test]
async fn fetch_ends_a_request_loop() {
    let (response, body) = get("/fetch/loop", &[]).await;
    // The request and 10 nested calls run; the 11th call is refused.
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(body, format!("{}Not found: /fetch/loop", ".".repeat(11)));
}

#[tokio::test]
async fn fetch_takes_absolute_urls_of_this_origin_only() {
    let headers = [("host", "example.com")];
    let (_, body) = get("/fetch/absolute?http://example.com/fetch/target", &headers).await;
    assert!(body.starts_with("200 OK cookie=None"), "{body}");
    let (response, body) = get("/fetch/absolute?https://other.com/x?key=secret", &headers).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        body,
        r#"500 Internal Server Error {"message":"event.fetch reaches only this app's own routes, not https://other.com"}"#
    );
}
