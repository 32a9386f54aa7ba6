//! Pages over HTTP: loads, the login and logout form actions (HTML and JSON mode), the
//! dashboard behind the session, todos with content negotiation, and the streamed response.

mod support;

use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

use support::*;

#[test]
fn login_sets_a_session_and_the_dashboard_shows_the_user() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    // Signed out, the dashboard sends you to the login page.
    let away = get_html(&app, "/dashboard", None);
    assert_eq!(away.status, 303);
    assert_eq!(away.header("location"), Some("/login"));
    let login = get_html(&app, "/login", None);
    assert_eq!(login.status, 200);
    assert!(login.body.contains("<form method=\"post\">"));

    // Wrong credentials: the form again, with fail(400)'s message and the email kept.
    let wrong = post_form(
        &app,
        "/login",
        "email=ann%40example.com&password=nope",
        "text/html",
        None,
    );
    assert_eq!(wrong.status, 400);
    assert!(
        wrong
            .body
            .contains("<p class=\"error\">Wrong email or password</p>"),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains("value=\"ann@example.com\""));
    assert_eq!(wrong.cookie("session"), None);
    let empty = post_form(&app, "/login", "email=", "text/html", None);
    assert_eq!(empty.status, 400);
    assert!(empty.body.contains("Enter your email and password"));

    // Right ones: a session cookie with safe defaults, and 303 to the dashboard.
    let right = post_form(
        &app,
        "/login",
        "email=ann%40example.com&password=ann-password",
        "text/html",
        None,
    );
    assert_eq!(right.status, 303);
    assert_eq!(right.header("location"), Some("/dashboard"));
    let set = right.headers_named("set-cookie").join("\n");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"),
        "{set}"
    );
    assert!(set.contains("Max-Age=604800"), "{set}");
    let session = right.cookie("session").unwrap();
    let dashboard = get_html(&app, "/dashboard", Some(&session));
    assert_eq!(dashboard.status, 200);
    assert!(
        dashboard
            .body
            .contains("Signed in as <strong>Ann Archer</strong> (ann@example.com)")
    );
    assert!(
        dashboard.body.contains("Draft ideas</a> (draft)"),
        "her drafts are listed"
    );
    assert!(
        dashboard
            .body
            .contains("<a href=\"/dashboard\">Ann Archer</a>"),
        "the root layout's load sees the user"
    );
    // Signed in, the login page sends you on.
    assert_eq!(
        get_html(&app, "/login", Some(&session)).header("location"),
        Some("/dashboard")
    );
    // A form post from another site is refused (CSRF).
    let cross = send(
        &app,
        "POST",
        "/login",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", "https://evil.example"),
        ],
        Some("email=ann%40example.com&password=ann-password"),
    );
    assert_eq!(cross.status, 403);

    // Signing out ends the session in the database too.
    let out = post_form(&app, "/logout", "", "text/html", Some(&session));
    assert_eq!(out.status, 303);
    assert_eq!(out.header("location"), Some("/"));
    assert_eq!(out.cookie("session").as_deref(), Some(""));
    assert_eq!(get_html(&app, "/dashboard", Some(&session)).status, 303);
    app.stop();
}

#[test]
fn form_actions_answer_json_to_fetch_requests() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let wrong = post_form(
        &app,
        "/login",
        "email=bob%40example.com&password=x",
        "application/json",
        None,
    );
    assert_eq!(wrong.status, 200, "ActionResult JSON is sent with 200");
    let result = wrong.json();
    assert_eq!(result["type"], "failure");
    assert_eq!(result["status"], 400);
    // `data` is devalue-encoded, as SvelteKit's client reads it.
    let data: serde_json::Value = serde_json::from_str(result["data"].as_str().unwrap()).unwrap();
    assert!(
        data.to_string().contains("Wrong email or password"),
        "{data}"
    );
    let right = post_form(
        &app,
        "/login",
        "email=bob%40example.com&password=bob-password",
        "application/json",
        None,
    );
    assert_eq!(
        right.json(),
        serde_json::json!({"type": "redirect", "status": 303, "location": "/dashboard"})
    );
    let session = right.cookie("session").unwrap();
    assert!(!session.is_empty());

    // The dashboard's named action: a post written through the form, in both modes.
    let created = post_form(
        &app,
        "/dashboard?/create",
        "title=Via+the+form&body=Text&published=on",
        "application/json",
        Some(&session),
    );
    let result = created.json();
    assert_eq!(result["type"], "success", "{result}");
    assert!(result["data"].as_str().unwrap().contains("via-the-form"));
    let failed = post_form(
        &app,
        "/dashboard?/create",
        "title=&body=Text",
        "text/html",
        Some(&session),
    );
    assert_eq!(failed.status, 400);
    assert!(
        failed
            .body
            .contains("<p class=\"error\">`title` must not be empty</p>")
    );
    assert!(
        failed
            .body
            .contains("<textarea name=\"body\">Text</textarea>"),
        "the text is kept"
    );
    let blog = get_html(&app, "/blog/via-the-form", None);
    assert_eq!(blog.status, 200);
    assert!(
        blog.body
            .contains("by <span class=\"author\">Bob Baker</span>")
    );
    // Signed out, the action redirects to the login page like the load does.
    let anonymous = post_form(
        &app,
        "/dashboard?/create",
        "title=x&body=y",
        "text/html",
        None,
    );
    assert_eq!(anonymous.status, 303);
    assert_eq!(
        post_form(&app, "/dashboard?/nope", "", "text/html", Some(&session)).status,
        404
    );
    app.stop();
}

#[test]
fn blog_posts_and_their_errors() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let post = get_html(&app, "/blog/hello-world", None);
    assert_eq!(post.status, 200);
    assert!(post.body.contains("<h1>Hello, world</h1>"));
    assert!(
        post.body
            .contains("The first post of the routekit example app.")
    );
    // A draft is a 404 for others, rendered by the blog's own error page.
    let draft = get_html(&app, "/blog/draft-ideas", None);
    assert_eq!(draft.status, 404);
    assert!(
        draft
            .body
            .contains("The blog cannot show this: No such post."),
        "{}",
        draft.body
    );
    let ann = sign_in_ann(&app);
    let own = get_html(&app, "/blog/draft-ideas", Some(&ann));
    assert_eq!(own.status, 200);
    assert!(own.body.contains("(draft)"));
    // `__data.json`: the loads' data, for SvelteKit's client.
    let data = send(&app, "GET", "/blog/hello-world/__data.json", &[], None);
    assert_eq!(data.status, 200);
    assert!(data.body.contains("Hello, world"), "{}", data.body);
    app.stop();
}

#[test]
fn todos_negotiate_between_the_page_and_the_endpoint() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let page = get_html(&app, "/todos", None);
    assert_eq!(page.status, 200);
    assert_eq!(page.header("vary"), Some("Accept"));
    assert!(
        page.body
            .contains("<span class=\"text\">Run the tests</span>")
    );
    assert!(
        page.body.contains("<div class=\"app\">"),
        "inside the (app) layout"
    );
    let json = get_json(&app, "/todos", None);
    assert_eq!(json.status, 200);
    assert_eq!(json.header("content-type"), Some("application/json"));
    assert_eq!(json.json()[1]["text"], "Run the tests");

    // A JSON POST reaches `+server.rs`.
    let created = send_json(&app, "POST", "/todos", r#"{"text": "From JSON"}"#, None);
    assert_eq!(created.status, 201);
    assert_eq!(created.json()["text"], "From JSON");
    let bad = send_json(&app, "POST", "/todos", r#"{"txt": "typo"}"#, None);
    assert_eq!(bad.status, 400);
    assert!(
        bad.json()["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `txt`")
    );
    // A form POST from a browser reaches the page's action.
    let added = post_form(
        &app,
        "/todos?/create",
        "text=From+the+form",
        "text/html",
        None,
    );
    assert_eq!(added.status, 200);
    assert!(
        added
            .body
            .contains("<p class=\"added\">Added “From the form”</p>")
    );
    assert!(added.body.contains("<span class=\"text\">From JSON</span>"));
    let empty = post_form(&app, "/todos?/create", "text=+", "text/html", None);
    assert_eq!(empty.status, 400);
    assert!(empty.body.contains("A todo needs some text"));
    // SvelteKit's client marks its action fetches; they reach the action, in JSON mode.
    let headers = [
        ("accept", "application/json"),
        ("content-type", "application/x-www-form-urlencoded"),
        ("origin", app.base.as_str()),
        ("x-sveltekit-action", "true"),
    ];
    let toggled = send(&app, "POST", "/todos?/toggle", &headers, Some("id=2"));
    assert_eq!(toggled.json()["type"], "success", "{}", toggled.body);
    let missing = send(&app, "POST", "/todos?/delete", &headers, Some("id=999"));
    assert_eq!(missing.json()["type"], "failure");
    assert_eq!(missing.json()["status"], 404);
    let todos = get_json(&app, "/todos", None).json();
    let texts: Vec<&str> = todos
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Read the README",
            "Run the tests",
            "From JSON",
            "From the form"
        ]
    );
    assert_eq!(todos[1]["done"], true);
    app.stop();
}

#[test]
fn the_stream_sends_events_as_they_happen() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let mut response = agent()
        .get(app.url("/api/stream?count=4&interval=150"))
        .call()
        .expect("the stream");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap()),
        Some("text/event-stream")
    );
    let started = Instant::now();
    let reader = BufReader::new(response.body_mut().as_reader());
    let mut events = Vec::new();
    for line in reader.lines() {
        let line = line.expect("a line");
        if let Some(data) = line.strip_prefix("data: ") {
            events.push((data.to_owned(), started.elapsed()));
        }
    }
    let data: Vec<&str> = events.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(
        data,
        [
            r#"{"n":1,"left":1}"#,
            r#"{"n":2,"left":1}"#,
            r#"{"n":3,"left":1}"#,
            r#"{"n":4,"left":1}"#,
            "done"
        ]
    );
    // Streamed: the first event came long before the last one was produced.
    let (first, last) = (events[0].1, events[4].1);
    assert!(
        last - first >= Duration::from_millis(400),
        "{first:?} .. {last:?}"
    );
    assert_eq!(get_json(&app, "/api/stream?count=0", None).status, 400);
    app.stop();
}
