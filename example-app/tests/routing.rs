//! The routing showcase over HTTP: every case of SvelteKit's advanced-routing docs, with the
//! root and the nested error pages.

mod support;

use support::*;

/// The text of `<main>` of an HTML page.
fn main_of(reply: &Reply) -> &str {
    let start = reply.body.find("<main>").map_or(0, |i| i + "<main>".len());
    let end = reply.body.find("</main>").unwrap_or(reply.body.len());
    &reply.body[start..end]
}

#[test]
fn every_showcase_route() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let cases: &[(&str, u16, &str)] = &[
        ("/", 200, "Welcome to the routekit example"),
        // Rest params.
        (
            "/sveltejs/kit/tree/main/documentation/docs/a.md",
            200,
            "<code class=\"file\">documentation&#x2f;docs&#x2f;a.md</code>",
        ),
        (
            "/sveltejs/kit/tree/v2",
            200,
            "<code class=\"branch\">v2</code>, file <code class=\"file\"></code>",
        ),
        // A typed param: `integer` parses it to a u32, and rejects what is not one.
        ("/archive/1", 200, "<h1>Archive page 1</h1>"),
        ("/archive/2", 404, "No archive page 2"),
        ("/archive/abc", 404, "Not Found"),
        ("/archive/99999999999", 404, "Not Found"),
        // An optional param.
        ("/home", 200, "<h1 lang=\"en\">Welcome home</h1>"),
        (
            "/fr/home",
            200,
            "<h1 lang=\"fr\">Bienvenue à la maison</h1>",
        ),
        ("/xx/home", 404, "No `xx` version"),
        // Groups with their own layouts.
        ("/about", 200, "<div class=\"marketing\"><h1>About</h1>"),
        ("/item/2", 200, "<section class=\"item\">"),
        // Breaking out of the item layout, back to (app)'s.
        ("/item/2/embed", 200, "<div class=\"app\">"),
        ("/item/3", 404, "No item 3"),
        // A subtree's own 404, from a catch-all route whose load fails.
        (
            "/marx-brothers/groucho",
            200,
            "<h1 class=\"brother\">Groucho</h1>",
        ),
        (
            "/marx-brothers/zeppo",
            404,
            "<h1 class=\"status\">404: not a Marx brother</h1>",
        ),
        (
            "/marx-brothers/karl/das-kapital",
            404,
            "No brother called `karl&#x2f;das-kapital`",
        ),
        // Escaped characters.
        ("/smileys/:-)", 200, "<p class=\"smiley\">"),
        // `)` may come percent-encoded; `:` is reserved, so `%3a` stays encoded and does not match.
        ("/smileys/:-%29", 200, "<p class=\"smiley\">"),
        ("/smileys/%3a-)", 404, "Not Found"),
        // The sort order: the most specific route wins.
        ("/sort/foo-abc", 200, "&#x2f;sort&#x2f;foo-abc"),
        ("/sort/foo-def", 200, "&#x2f;sort&#x2f;foo-[c]"),
        ("/sort/0xff", 200, "&#x2f;sort&#x2f;[[a=x]]"),
        ("/sort", 200, "&#x2f;sort&#x2f;[[a=x]]"),
        ("/sort/def", 200, "&#x2f;sort&#x2f;[b]"),
        ("/sort/a/b/c", 200, "&#x2f;sort&#x2f;[...catchall]"),
        // The root error page, inside the root layout.
        (
            "/no/such/page",
            404,
            "<h1 class=\"status\">404</h1>\n<p class=\"error\">Not Found</p>",
        ),
        ("/%c0", 400, "Malformed URI"),
    ];
    for (path, status, text) in cases {
        let reply = get_html(&app, path, None);
        assert_eq!(reply.status, *status, "{path}: {}", reply.body);
        assert!(
            main_of(&reply).contains(text),
            "{path}: {text} not in {}",
            main_of(&reply)
        );
    }
    // The embed page does not have the item layout's tabs.
    assert!(get_html(&app, "/item/2", None).body.contains("item-tabs"));
    assert!(
        !get_html(&app, "/item/2/embed", None)
            .body
            .contains("item-tabs")
    );
    // `[x+2e]well-known` is `/.well-known`.
    let security = send(&app, "GET", "/.well-known/security.txt", &[], None);
    assert_eq!(security.status, 200);
    assert!(
        security
            .body
            .starts_with("Contact: mailto:security@example.com")
    );
    // A JSON client gets JSON errors.
    let missing = get_json(&app, "/no/such/page", None);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json(), serde_json::json!({"message": "Not Found"}));
    app.stop();
}
