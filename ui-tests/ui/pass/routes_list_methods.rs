//! `App::routes()` lists every route in priority order, with the methods its `+server.rs`
//! exports (in SvelteKit's order, whatever the file's order), `fallback`, and its files.
#![allow(deprecated)]

#[derive(routekit::Routes)]
#[routes(dir = "./routes_list_methods/routes")]
struct App;

fn main() {
    let ids: Vec<&str> = App::routes().iter().map(|route| route.id).collect();
    assert_eq!(ids, ["/", "/api/posts", "/health", "/posts"]);
    let route = |id: &str| {
        App::routes()
            .iter()
            .find(|route| route.id == id)
            .unwrap_or_else(|| panic!("no route {id}"))
    };

    let posts_api = route("/api/posts");
    assert_eq!(posts_api.methods, ["GET", "POST", "DELETE"]);
    assert!(posts_api.fallback);
    assert!(!posts_api.page);
    assert_eq!(posts_api.files, ["api/posts/+server.rs"]);
    assert_eq!(posts_api.params, [] as [&str; 0]);

    let health = route("/health");
    assert_eq!(health.methods, ["GET", "HEAD"]);
    assert!(!health.fallback);

    let posts = route("/posts");
    assert!(posts.page);
    assert!(posts.methods.is_empty());
    assert_eq!(posts.files, ["posts/+page.html", "posts/+page.server.rs"]);

    let home = route("/");
    assert!(home.page && home.methods.is_empty() && !home.fallback);
    assert_eq!(home.files, ["+page.html"]);
}
