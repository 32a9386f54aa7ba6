//! `/api/posts` and `/api/posts/[id]` over HTTP: paging, sign-in, validation, statuses, and the
//! same data as `/blog` (both read `src/lib/server/posts.rs`).

mod support;

use support::*;

#[test]
fn the_list_is_paged_and_checked() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let all = get_json(&app, "/api/posts", None);
    assert_eq!(all.status, 200);
    assert_eq!(all.header("content-type"), Some("application/json"));
    let titles: Vec<String> = all
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_owned())
        .collect();
    // Published only, newest first; the draft is left out.
    assert_eq!(titles, ["Routing like SvelteKit", "Hello, world"]);
    let page = get_json(&app, "/api/posts?limit=1&offset=1", None).json();
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(page[0]["slug"], "hello-world");
    assert_eq!(page[0]["author"], "Ann Archer");
    assert_eq!(
        get_json(&app, "/api/posts?offset=5", None).json(),
        serde_json::json!([])
    );
    for bad in [
        "/api/posts?limit=0",
        "/api/posts?limit=101",
        "/api/posts?limit=ten",
        "/api/posts?offset=-1",
    ] {
        let reply = get_json(&app, bad, None);
        assert_eq!(reply.status, 400, "{bad}");
        assert!(
            reply.json()["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{bad}"
        );
    }
    app.stop();
}

#[test]
fn writing_needs_a_session_and_a_valid_body() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let post = r#"{"title": "From the API", "body": "Hello", "published": true}"#;
    let anonymous = send_json(&app, "POST", "/api/posts", post, None);
    assert_eq!(anonymous.status, 401);
    assert_eq!(anonymous.json()["message"], "Sign in to write posts");
    let bogus = send_json(&app, "POST", "/api/posts", post, Some("not-a-session"));
    assert_eq!(bogus.status, 401);
    assert_eq!(
        bogus.cookie("session").as_deref(),
        Some(""),
        "a stale session cookie is deleted"
    );

    let ann = sign_in_ann(&app);
    let created = send_json(&app, "POST", "/api/posts", post, Some(&ann));
    assert_eq!(created.status, 201, "{}", created.body);
    let created = created.json();
    assert_eq!(created["title"], "From the API");
    assert_eq!(created["slug"], "from-the-api");
    assert_eq!(created["author"], "Ann Archer");
    assert_eq!(created["published"], true);
    let again = send_json(&app, "POST", "/api/posts", post, Some(&ann)).json();
    assert_eq!(again["slug"], "from-the-api-2", "slugs stay unique");

    for (body, message) in [
        ("{not json", "Invalid request body"),
        ("", "Expected a JSON body"),
        (r#"{"title": "No body"}"#, "missing field `body`"),
        (r#"{"body": "No title"}"#, "missing field `title`"),
        (r#"{"title": 3, "body": "x"}"#, "invalid type"),
        (
            r#"{"title": "  ", "body": "x"}"#,
            "`title` must not be empty",
        ),
        (
            r#"{"title": "t", "body": "x", "extra": 1}"#,
            "unknown field `extra`",
        ),
    ] {
        let reply = send_json(&app, "POST", "/api/posts", body, Some(&ann));
        assert_eq!(reply.status, 400, "{body}");
        let text = reply.json()["message"].as_str().unwrap().to_owned();
        assert!(text.contains(message), "{body}: {text}");
    }
    // The new post is listed first, on the blog too.
    let list = get_json(&app, "/api/posts", None).json();
    assert_eq!(list[0]["slug"], "from-the-api-2");
    app.stop();
}

#[test]
fn one_post_reads_changes_and_deletes() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let one = get_json(&app, "/api/posts/1", None);
    assert_eq!(one.status, 200);
    assert_eq!(one.json()["title"], "Hello, world");
    let missing = get_json(&app, "/api/posts/999", None);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["message"], "No post 999");
    // Not a number: the typed `[id=integer]` param does not match, so no route does.
    assert_eq!(get_json(&app, "/api/posts/abc", None).status, 404);
    // Post 3 is Ann's draft: hidden from others, visible to her.
    assert_eq!(get_json(&app, "/api/posts/3", None).status, 404);
    let ann = sign_in_ann(&app);
    let bob = sign_in_bob(&app);
    assert_eq!(get_json(&app, "/api/posts/3", Some(&bob)).status, 404);
    assert_eq!(
        get_json(&app, "/api/posts/3", Some(&ann)).json()["slug"],
        "draft-ideas"
    );

    let change = r#"{"title": "Hello again", "body": "Edited", "published": true}"#;
    assert_eq!(
        send_json(&app, "PUT", "/api/posts/1", change, None).status,
        401
    );
    assert_eq!(
        send_json(&app, "PUT", "/api/posts/1", change, Some(&bob)).status,
        403
    );
    assert_eq!(
        send_json(&app, "PUT", "/api/posts/999", change, Some(&ann)).status,
        404
    );
    let bad = send_json(&app, "PUT", "/api/posts/1", r#"{"title": "x"}"#, Some(&ann));
    assert_eq!(bad.status, 400);
    assert!(
        bad.json()["message"]
            .as_str()
            .unwrap()
            .contains("missing field `body`")
    );
    let changed = send_json(&app, "PUT", "/api/posts/1", change, Some(&ann));
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["title"], "Hello again");
    assert_eq!(
        changed.json()["slug"],
        "hello-world",
        "the slug stays, links keep working"
    );
    assert_eq!(
        get_json(&app, "/api/posts/1", None).json()["body"],
        "Edited"
    );

    assert_eq!(send(&app, "DELETE", "/api/posts/1", &[], None).status, 401);
    let cookie = format!("session={bob}");
    assert_eq!(
        send(&app, "DELETE", "/api/posts/1", &[("cookie", &cookie)], None).status,
        403
    );
    let cookie = format!("session={ann}");
    let deleted = send(&app, "DELETE", "/api/posts/1", &[("cookie", &cookie)], None);
    assert_eq!(deleted.status, 204);
    assert_eq!(deleted.body, "");
    assert_eq!(get_json(&app, "/api/posts/1", None).status, 404);
    assert_eq!(
        send(&app, "DELETE", "/api/posts/1", &[("cookie", &cookie)], None).status,
        404
    );
    // A method the endpoint does not have.
    let patch = send(&app, "PATCH", "/api/posts/2", &[], None);
    assert_eq!(patch.status, 405);
    assert_eq!(patch.header("allow"), Some("GET, PUT, DELETE, HEAD"));
    app.stop();
}

#[test]
fn the_blog_and_the_api_show_the_same_posts() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let ann = sign_in_ann(&app);
    let post = r#"{"title": "Shared data", "body": "One module", "published": true}"#;
    assert_eq!(
        send_json(&app, "POST", "/api/posts", post, Some(&ann)).status,
        201
    );
    let api = get_json(&app, "/api/posts", None).json();
    let blog = get_html(&app, "/blog", None);
    assert_eq!(blog.status, 200);
    let mut at = 0;
    for post in api.as_array().unwrap() {
        let entry = format!(
            "<a href=\"/blog/{}\">{}</a> by <span class=\"author\">{}</span>",
            post["slug"].as_str().unwrap(),
            post["title"].as_str().unwrap(),
            post["author"].as_str().unwrap(),
        );
        let found = blog.body[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry} in order in {}", blog.body));
        at += found + entry.len();
    }
    assert_eq!(
        blog.body.matches("<li><a href=\"/blog/").count(),
        api.as_array().unwrap().len()
    );
    app.stop();
}
