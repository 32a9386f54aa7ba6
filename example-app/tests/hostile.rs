//! Hostile requests against the running app: each gets the right status and a clear message,
//! nothing panics (but the one route that panics on purpose), and the server keeps serving.
//!
//! Covered elsewhere, so not repeated here: a path that is not UTF-8 (`/%c0`, 400, in
//! `routing.rs`), bad JSON bodies and fields (400, in `api.rs`), a known method an endpoint
//! does not have (`PATCH`, 405 with `Allow`, in `api.rs`) and a cross-site form post to a form
//! action (403, in `pages.rs`).

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use support::*;

/// The app still answers a plain request, on a new connection.
fn still_serving(app: &App) {
    let home = get_html(app, "/", None);
    assert_eq!(home.status, 200, "the server still serves: {}", home.body);
    assert!(home.body.contains("Welcome to the routekit example"));
}

/// The app logged no panic.
fn no_panic_logged(app: &App) {
    let log = app.log();
    assert!(!log.contains("panicked"), "a panic in the log:\n{log}");
}

/// After a hostile request: the app still serves, logged no panic, and stops cleanly.
fn survived(app: App) {
    still_serving(&app);
    no_panic_logged(&app);
    assert!(app.stop().success());
}

/// Sends `head` (a request head, `\r\n\r\n` included) on a new connection as is, and reads the
/// whole answer: for what an HTTP client library refuses to build (a URI over 64 KiB).
fn raw(app: &App, head: &[u8]) -> String {
    let address = app.base.strip_prefix("http://").expect("an http base");
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head).expect("send the request");
    let mut answer = Vec::new();
    // The server closes the connection after such an answer.
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// The status line of a raw answer.
fn status_line(answer: &str) -> &str {
    answer.lines().next().unwrap_or_default()
}

#[test]
fn malformed_percent_encoding_is_a_400() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    // Not hexadecimal, cut short, at the end of a param: SvelteKit's `decodeURI` throws.
    for path in [
        "/blog/%zz",
        "/api/posts/%",
        "/sort/%e",
        "/sveltejs/kit/tree/main/a%2",
    ] {
        let json = get_json(&app, path, None);
        assert_eq!(json.status, 400, "{path}: {}", json.body);
        assert_eq!(
            json.json(),
            serde_json::json!({"message": "Malformed URI"}),
            "{path}"
        );
        let html = get_html(&app, path, None);
        assert_eq!(html.status, 400, "{path}");
        assert!(
            html.body.contains("<p class=\"error\">Malformed URI</p>"),
            "{path}: {}",
            html.body
        );
    }
    survived(app);
}

#[test]
fn overlong_paths_and_headers_meet_hypers_limits() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    // A URI longer than 65,534 bytes: 414 from hyper, before any routing.
    let long_path = format!("/blog/{}", "a".repeat(70_000));
    let answer = raw(
        &app,
        format!("GET {long_path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(status_line(&answer), "HTTP/1.1 414 URI Too Long");
    // Over 100 headers: 431.
    let many: String = (0..120).map(|i| format!("x-h{i}: y\r\n")).collect();
    let answer = raw(
        &app,
        format!("GET / HTTP/1.1\r\nhost: x\r\n{many}connection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(
        status_line(&answer),
        "HTTP/1.1 431 Request Header Fields Too Large"
    );
    // A head larger than hyper's read buffer (about 400 KiB): 431 too.
    let big = "a".repeat(500_000);
    let answer = raw(
        &app,
        format!("GET / HTTP/1.1\r\nhost: x\r\nx-big: {big}\r\nconnection: close\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(
        status_line(&answer),
        "HTTP/1.1 431 Request Header Fields Too Large"
    );
    // Long but within the limits: served (a 404 for a 60 KB slug, a page with a 100 KB header).
    let slug = "a".repeat(60_000);
    let reply = get_json(&app, &format!("/blog/{slug}"), None);
    assert_eq!(reply.status, 404, "{}", reply.body);
    let header = "b".repeat(100_000);
    let reply = send(&app, "GET", "/", &[("x-big", header.as_str())], None);
    assert_eq!(reply.status, 200);
    survived(app);
}

#[test]
fn dot_dot_in_rest_params_is_data() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    // `[...file]` of `/[org]/[repo]/tree/[branch]/[...file]` (a page with no server code) shows
    // the param: it arrives decoded, `..` and all, and is only ever text.
    for path in [
        "/sveltejs/kit/tree/main/../../etc/passwd",
        "/sveltejs/kit/tree/main/%2e%2e/%2e%2e/etc/passwd",
        "/sveltejs/kit/tree/main/%2E%2E/%2E%2E/etc/passwd",
        "/sveltejs/kit/tree/main/..%2f..%2fetc%2fpasswd",
    ] {
        let reply = get_html(&app, path, None);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        assert!(
            reply
                .body
                .contains("<code class=\"file\">..&#x2f;..&#x2f;etc&#x2f;passwd</code>"),
            "{path}: {}",
            reply.body
        );
        assert!(!reply.body.contains("root:"), "{path}: a file was read");
    }
    // The catch-all of `/marx-brothers` looks the value up in a list: an unknown brother.
    let reply = get_html(&app, "/marx-brothers/%2e%2e/%2e%2e/etc/passwd", None);
    assert_eq!(reply.status, 404);
    assert!(
        reply
            .body
            .contains("No brother called `..&#x2f;..&#x2f;etc&#x2f;passwd`"),
        "{}",
        reply.body
    );
    // `..` as a plain param: a post slug that does not exist.
    let reply = get_json(&app, "/blog/%2e%2e", None);
    assert_eq!(reply.status, 404, "{}", reply.body);
    survived(app);
}

#[test]
fn oversized_bodies_are_a_413_at_the_configured_limit() {
    let db = TempDb::new();
    let app = App::start_with(&db.path(), &[("BODY_LIMIT", "65536")]);
    let ann = sign_in_ann(&app);
    // Just under the limit: read and stored.
    let text = "x".repeat(60_000);
    let post = format!(r#"{{"title": "Long", "body": "{text}", "published": true}}"#);
    let created = send_json(&app, "POST", "/api/posts", &post, Some(&ann));
    assert_eq!(created.status, 201, "{}", created.body);
    // Over it, to an endpoint (JSON) and to a form action: 413, and nothing stored.
    let text = "x".repeat(70_000);
    let post = format!(r#"{{"title": "Too long", "body": "{text}", "published": true}}"#);
    let refused = send_json(&app, "POST", "/api/posts", &post, Some(&ann));
    assert_eq!(refused.status, 413, "{}", refused.body);
    assert!(
        refused.body.contains("length limit exceeded"),
        "{}",
        refused.body
    );
    let form = format!("email=ann%40example.com&password={text}");
    let refused = post_form(&app, "/login", &form, "text/html", None);
    assert_eq!(refused.status, 413, "{}", refused.body);
    let titles = get_json(&app, "/api/posts?limit=100", None).json();
    assert!(
        titles
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["title"] != "Too long")
    );
    survived(app);

    // Without `BODY_LIMIT`, the default is 1 MiB.
    let app = App::start(&db.path());
    let ann = sign_in_ann(&app);
    let text = "x".repeat(1024 * 1024);
    let post = format!(r#"{{"title": "Too long", "body": "{text}", "published": true}}"#);
    let refused = send_json(&app, "POST", "/api/posts", &post, Some(&ann));
    assert_eq!(refused.status, 413, "{}", refused.body);
    survived(app);
}

#[test]
fn deeply_nested_json_is_a_400_not_a_stack_overflow() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let ann = sign_in_ann(&app);
    // 50,000 levels, at the top and inside a field: the typed bodies refuse them at the first
    // bracket (and serde_json stops at 128 levels anyway), so the stack never grows with them.
    let nested = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    let in_field = format!(r#"{{"title": {nested}, "body": "x"}}"#);
    for (path, body) in [
        ("/api/posts", &nested),
        ("/api/posts", &in_field),
        ("/todos", &nested),
    ] {
        let reply = send_json(&app, "POST", path, body, Some(&ann));
        assert_eq!(reply.status, 400, "{path}: {}", reply.body);
        assert!(
            reply.json()["message"]
                .as_str()
                .unwrap()
                .starts_with("Invalid request body: invalid type"),
            "{path}: {}",
            reply.body
        );
    }
    survived(app);
}

#[test]
fn form_actions_refuse_other_content_types() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let origin = app.base.clone();
    // A script's `fetch` (JSON mode): an `ActionResult` error with the status.
    let reply = send(
        &app,
        "POST",
        "/login",
        &[
            ("content-type", "application/json"),
            ("accept", "application/json"),
            ("origin", &origin),
        ],
        Some(r#"{"email": "ann@example.com"}"#),
    );
    assert_eq!(reply.status, 415, "{}", reply.body);
    assert_eq!(
        reply.json()["error"]["message"],
        "Form actions expect form-encoded data — received application/json"
    );
    // A browser-like request (HTML): the error page, with the same message.
    let reply = send(
        &app,
        "POST",
        "/login",
        &[
            ("content-type", "application/xml"),
            ("accept", "text/html"),
            ("origin", &origin),
        ],
        Some("<login/>"),
    );
    assert_eq!(reply.status, 415, "{}", reply.body);
    assert!(
        reply
            .body
            .contains("Form actions expect form-encoded data — received application&#x2f;xml"),
        "{}",
        reply.body
    );
    survived(app);
}

#[test]
fn cross_site_form_posts_to_endpoints_are_refused() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let ann = format!("session={}", sign_in_ann(&app));
    // Every content type a plain HTML form can send, to a `+server.rs` endpoint, with Ann's
    // cookie riding along: 403 before the handler runs.
    for (method, path) in [
        ("POST", "/api/posts"),
        ("PUT", "/api/posts/1"),
        ("DELETE", "/api/posts/1"),
    ] {
        for content_type in [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/plain",
        ] {
            let reply = send(
                &app,
                method,
                path,
                &[
                    ("content-type", content_type),
                    ("origin", "https://evil.example"),
                    ("cookie", &ann),
                ],
                Some("title=Pwned&body=x"),
            );
            assert_eq!(reply.status, 403, "{method} {path} {content_type}");
            assert_eq!(
                reply.body,
                format!("Cross-site {method} form submissions are forbidden")
            );
        }
    }
    // A form post with no `Origin` at all is refused too.
    let reply = send(
        &app,
        "POST",
        "/login",
        &[("content-type", "application/x-www-form-urlencoded")],
        Some("email=ann%40example.com&password=ann-password"),
    );
    assert_eq!(reply.status, 403);
    // Nothing changed.
    let first = get_json(&app, "/api/posts/1", None);
    assert_eq!(first.json()["title"], "Hello, world");
    assert_eq!(
        get_json(&app, "/api/posts", None).json()[0]["title"],
        "Routing like SvelteKit"
    );
    survived(app);
}

#[test]
fn unknown_methods_are_a_405() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    // Sent raw: ureq only sends the methods it knows.
    for (method, path, allow) in [
        ("BREW", "/api/posts", "GET, POST, HEAD"),
        ("PROPFIND", "/api/posts/2", "GET, PUT, DELETE, HEAD"),
        ("BREW", "/about", "GET, OPTIONS, HEAD"),
        ("PROPFIND", "/login", "GET, POST, OPTIONS, HEAD"),
    ] {
        let answer = raw(
            &app,
            format!("{method} {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(
            status_line(&answer),
            "HTTP/1.1 405 Method Not Allowed",
            "{method} {path}: {answer}"
        );
        assert!(
            answer
                .lines()
                .any(|line| line.eq_ignore_ascii_case(&format!("allow: {allow}"))),
            "{method} {path}: {answer}"
        );
        assert!(
            answer.ends_with(&format!("{method} method not allowed")),
            "{method} {path}: {answer}"
        );
    }
    survived(app);
}

#[test]
fn a_panicking_handler_costs_only_its_own_request() {
    let db = TempDb::new();
    // Off by default: the test route is a 404 like any unknown path.
    let app = App::start(&db.path());
    assert_eq!(get_json(&app, "/api/test/panic", None).status, 404);
    no_panic_logged(&app);
    assert!(app.stop().success());

    let app = App::start_with(&db.path(), &[("EXAMPLE_APP_TEST_ROUTES", "1")]);
    // One client, so the requests after the panic may reuse its connection.
    let agent = agent();
    for _ in 0..3 {
        let response = agent
            .get(app.url("/api/test/panic"))
            .header("accept", "application/json")
            .call()
            .expect("an answer, not a dropped connection");
        let reply = read(response);
        assert_eq!(reply.status, 500, "{}", reply.body);
        assert_eq!(
            reply.json(),
            serde_json::json!({"message": "Internal Error"})
        );
        let response = agent
            .get(app.url("/api/posts/1"))
            .call()
            .expect("the next request");
        let reply = read(response);
        assert_eq!(reply.status, 200, "the next request works");
        assert_eq!(reply.json()["title"], "Hello, world");
    }
    still_serving(&app);
    let log = app.log();
    assert!(log.contains("a handler panicked"), "{log}");
    assert!(app.stop().success(), "the process survived the panics");
}
