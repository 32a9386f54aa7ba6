//! The conformance file's `dispatch_facts` (request-level behaviour from SvelteKit's own
//! integration tests, `tests/data/routekit-vectors.json`), each checked against the endpoints
//! fixture app (`tests/fixtures/endpoints`, whose folders are the vectors' `setup` paths).
//! Every vector must have a check: a vector added to the file without one fails the test.

#[path = "support/oneshot.rs"]
mod oneshot;

use axum::http::StatusCode;
use oneshot::header_of;
use serde_json::Value;

#[derive(routekit::Routes)]
#[routes(dir = "fixtures/endpoints/src/routes")]
struct App;

#[derive(routekit::Routes)]
#[routes(dir = "fixtures/catchall/src/routes")]
struct CatchAll;

const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");
const SAME_ORIGIN: (&str, &str) = ("origin", "http://localhost");

async fn send(
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
) -> (axum::response::Response, String) {
    oneshot::send(App::router(), method, uri, headers, "").await
}

fn vectors() -> Vec<Value> {
    let text = include_str!("../data/routekit-vectors.json");
    let all: Value = serde_json::from_str(text).expect("the vectors are JSON");
    all["dispatch_facts"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn every_dispatch_fact_holds() {
    let mut unchecked = Vec::new();
    for vector in vectors() {
        let name = vector["name"].as_str().unwrap_or_default();
        match name {
            "HEAD falls back to GET handler" => head_falls_back_to_get().await,
            "405 with Allow for a missing method" => missing_method_is_405().await,
            "Allow header has no duplicates when HEAD is exported" => {
                allow_has_no_duplicates().await
            }
            "HEAD content negotiation between page and endpoint" => head_negotiates().await,
            "explicit OPTIONS handler" => explicit_options().await,
            "fallback handler catches every method without its own handler" => fallback().await,
            "handler must return a Response" => handler_returns_a_response().await,
            "malformed URI" => malformed_uri().await,
            "error() in an endpoint: HTML vs JSON" => endpoint_error_by_accept().await,
            "POST to a page without actions" => post_without_actions().await,
            "OPTIONS on a page route" => options_on_pages().await,
            "action returning undefined (fetch/enhance style request)" => {
                action_returning_nothing().await
            }
            "page and +server.js side by side" => page_and_endpoint().await,
            "content negotiation table (route with both +page and +server, not prerendering)" => {
                negotiation_table(&vector).await
            }
            "trailing slash redirect" => trailing_slash().await,
            other => unchecked.push(other.to_owned()),
        }
    }
    assert!(
        unchecked.is_empty(),
        "dispatch facts without a check: {unchecked:?}"
    );
}

async fn head_falls_back_to_get() {
    let (get, _) = send("GET", "/endpoint-output/body", &[]).await;
    let (head, body) = send("HEAD", "/endpoint-output/body", &[]).await;
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(body, "");
    for name in ["content-type", "content-length"] {
        assert_eq!(header_of(&head, name), header_of(&get, name), "{name}");
    }
}

async fn missing_method_is_405() {
    let (response, _) = send("POST", "/endpoint-output/body", &[]).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET, HEAD"));
}

async fn allow_has_no_duplicates() {
    // v2: the POST goes to the endpoint (Accept */*), which exports GET and HEAD.
    let (response, _) = send(
        "POST",
        "/endpoint-output/head-handler",
        &[("accept", "*/*")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET, HEAD"));
}

async fn head_negotiates() {
    let path = "/endpoint-output/head-handler";
    let (page, body) = send("HEAD", path, &[("accept", "text/html")]).await;
    assert_eq!((page.status(), body.as_str()), (StatusCode::OK, ""));
    assert_eq!(header_of(&page, "x-sveltekit-head-endpoint"), None);
    assert_eq!(
        header_of(&page, "content-type"),
        Some("text/html; charset=utf-8")
    );
    let (endpoint, body) = send("HEAD", path, &[("accept", "application/json")]).await;
    assert_eq!((endpoint.status(), body.as_str()), (StatusCode::OK, ""));
    assert_eq!(
        header_of(&endpoint, "x-sveltekit-head-endpoint"),
        Some("true")
    );
}

async fn explicit_options() {
    let (response, body) = send("OPTIONS", "/endpoint-output", &[]).await;
    assert_eq!((response.status(), body.as_str()), (StatusCode::OK, "ok"));
}

async fn fallback() {
    for (method, expected) in [
        ("GET", "ok"),
        ("MOVE", "catch-all"),
        ("OPTIONS", "catch-all"),
    ] {
        let (response, body) = send(method, "/endpoint-output/fallback", &[]).await;
        assert_eq!(
            (response.status(), body.as_str()),
            (StatusCode::OK, expected),
            "{method}"
        );
    }
}

async fn handler_returns_a_response() {
    // A handler that returns no response cannot compile in routekit (`IntoResponse`): the
    // string is a response. The 405 half of the vector holds as in SvelteKit.
    let (response, body) = send("GET", "/errors/invalid-route-response", &[]).await;
    assert_eq!(
        (response.status(), body.as_str()),
        (StatusCode::OK, "a string is a response")
    );
    let (response, body) = send("PUT", "/errors/invalid-route-response", &[]).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(body.contains("PUT method not allowed"), "{body}");
}

async fn malformed_uri() {
    let (response, body) = send(
        "GET",
        "/%c0%ae%c0%ae/etc/passwd",
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(body.contains("Malformed URI"), "{body}");
}

async fn endpoint_error_by_accept() {
    let path = "/errors/endpoint-throw-error";
    let (response, body) = send("GET", path, &[("accept", "text/html")]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        body.starts_with("<!doctype html>") && body.contains("You shall not pass"),
        "{body}"
    );
    // SvelteKit's test client (Playwright) sends `Accept: */*` when the test names none.
    let (response, body) = send("GET", path, &[("accept", "*/*")]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body, r#"{"message":"You shall not pass"}"#);
}

async fn post_without_actions() {
    let path = "/errors/missing-actions";
    let headers = [("accept", "text/html"), FORM, SAME_ORIGIN];
    let (response, _) = send("POST", path, &headers).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET"));
    let headers = [("accept", "application/json"), FORM, SAME_ORIGIN];
    let (response, body) = send("POST", path, &headers).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header_of(&response, "allow"), Some("GET"));
    // Without the SvelteKit test app's handleError suffix.
    assert_eq!(
        body,
        r#"{"type":"error","error":{"message":"POST method not allowed. No form actions exist for this page"}}"#
    );
}

async fn options_on_pages() {
    for (path, allow) in [
        ("/load", "GET, HEAD, OPTIONS"),
        ("/actions/enhance", "GET, HEAD, OPTIONS, POST"),
    ] {
        let (response, body) = send("OPTIONS", path, &[]).await;
        assert_eq!(
            (response.status(), body.as_str()),
            (StatusCode::NO_CONTENT, "")
        );
        assert_eq!(header_of(&response, "allow"), Some(allow), "{path}");
    }
}

async fn action_returning_nothing() {
    let headers = [("accept", "application/json"), FORM, SAME_ORIGIN];
    let (response, body) = send("POST", "/shadowed/simple/post", &headers).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, r#"{"type":"success","status":204,"data":"-1"}"#);
}

async fn page_and_endpoint() {
    let path = "/routing/content-negotiation";
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let (response, body) = send("GET", path, &[("accept", browser)]).await;
    assert_eq!(body, "<p>content negotiation page</p>");
    assert_eq!(header_of(&response, "vary"), Some("Accept"));
    for method in ["GET", "PUT", "PATCH", "POST", "DELETE"] {
        let (_, body) = send(method, path, &[("accept", "*/*")]).await;
        assert_eq!(body, method);
    }
    let headers = [
        ("accept", "application/json"),
        ("x-sveltekit-action", "true"),
        FORM,
        SAME_ORIGIN,
    ];
    let (_, body) = send("POST", path, &headers).await;
    assert!(body.starts_with(r#"{"type":"success""#), "{body}");
}

async fn negotiation_table(vector: &Value) {
    let path = "/routing/content-negotiation";
    let rows = vector["rows"].as_array().cloned().unwrap_or_default();
    assert!(rows.len() >= 10, "the table has its rows");
    for row in rows {
        let accept = row["accept"].as_str();
        let mut headers: Vec<(&str, &str)> =
            accept.map(|a| vec![("accept", a)]).unwrap_or_default();
        let goes_to = row["GET_or_HEAD_or_POST_goes_to"]
            .as_str()
            .unwrap_or_default();
        for method in ["GET", "HEAD"] {
            let (response, body) = send(method, path, &headers).await;
            let reached = if method == "HEAD" {
                // The page answers HTML; the endpoint's GET plain text.
                if header_of(&response, "content-type") == Some("text/html; charset=utf-8") {
                    "page"
                } else {
                    "endpoint"
                }
            } else if body == "GET" {
                "endpoint"
            } else {
                "page"
            };
            assert_eq!(reached, goes_to, "{method} with Accept {accept:?}");
        }
        // A POST: the endpoint's POST, or the page's action (HTML or ActionResult JSON).
        headers.extend([FORM, SAME_ORIGIN]);
        let (_, body) = send("POST", path, &headers).await;
        let expected = row["POST_to_page_returns"].as_str().unwrap_or_default();
        let reached = if body == "POST" {
            "endpoint"
        } else if body.starts_with('{') {
            "ActionResult JSON"
        } else {
            "HTML page"
        };
        if goes_to == "endpoint" {
            assert_eq!(reached, "endpoint", "POST with Accept {accept:?}");
        } else {
            assert_eq!(reached, expected, "POST with Accept {accept:?}");
        }
        // With `x-sveltekit-action: true` the POST always reaches the page's action.
        headers.push(("x-sveltekit-action", "true"));
        let (_, body) = send("POST", path, &headers).await;
        assert_ne!(body, "POST", "x-sveltekit-action with Accept {accept:?}");
        assert_eq!(
            if body.starts_with('{') {
                "ActionResult JSON"
            } else {
                "HTML page"
            },
            expected,
            "x-sveltekit-action POST with Accept {accept:?}"
        );
    }
    for method in ["PUT", "PATCH", "DELETE"] {
        let (_, body) = send(method, path, &[("accept", "text/html")]).await;
        assert_eq!(body, method, "{method} always goes to the endpoint");
    }
}

async fn trailing_slash() {
    let (response, _) = send("GET", "/endpoint-output/body/?a=1", &[]).await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        header_of(&response, "location"),
        Some("/endpoint-output/body?a=1")
    );
    assert_eq!(header_of(&response, "x-sveltekit-normalize"), Some("1"));
    let (response, _) = send("GET", "/slash/always", &[]).await;
    assert_eq!(header_of(&response, "location"), Some("/slash/always/"));
    let (response, _) = send("GET", "/slash/ignore/", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (response, _) = oneshot::send(CatchAll::router(), "GET", "//foo/", &[], "").await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(header_of(&response, "location"), Some("/.//foo"));
    let (response, _) = send("GET", "/", &[("accept", "text/html")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Data requests are never redirected.
    let (response, _) = send("GET", "/load/__data.json", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Only matched routes are normalised; unmatched paths 404.
    let (response, _) = send("GET", "/no/such/path/", &[("accept", "application/json")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
