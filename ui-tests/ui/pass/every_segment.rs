//! A tree with every kind of segment: static, `[param]`, two params in one segment, `[[optional]]`,
//! `[...rest]` in the middle and at the end, `(group)`s, a `+page@(group)` break-out, a matcher,
//! `[x+..]` and `[u+..]` escapes, and a file that is not a route file.
#![allow(deprecated)]

#[derive(routekit::Routes)]
#[routes(dir = "./every_segment/routes")]
struct App;

fn route(path: &str) -> Option<&'static str> {
    App::resolve(path).map(|found| found.route.id)
}

fn params(path: &str) -> Vec<(&'static str, String)> {
    App::resolve(path)
        .unwrap_or_else(|| panic!("{path} reaches no route"))
        .params
}

fn main() {
    assert_eq!(App::routes().len(), 13);
    assert_eq!(route("/"), Some("/"));
    assert_eq!(route("/about"), Some("/about"));
    assert_eq!(route("/blog/hello"), Some("/blog/[slug]"));
    assert_eq!(params("/blog/hello"), [("slug", "hello".to_owned())]);
    assert_eq!(
        route("/blog"),
        None,
        "a folder with only a layout is not a route"
    );
    assert_eq!(route("/home"), Some("/[[lang]]/home"));
    assert_eq!(params("/home"), []);
    assert_eq!(params("/fr/home"), [("lang", "fr".to_owned())]);
    assert_eq!(route("/a/x/y/z"), Some("/a/[...rest]/z"));
    assert_eq!(params("/a/x/y/z"), [("rest", "x/y".to_owned())]);
    assert_eq!(route("/a/z"), Some("/a/[...rest]/z"));
    assert_eq!(params("/files/a/b"), [("path", "a/b".to_owned())]);
    assert_eq!(route("/pricing"), Some("/(marketing)/pricing"));
    assert_eq!(route("/item/1"), Some("/(app)/item/[id]"));
    assert_eq!(route("/item/1/embed"), Some("/(app)/item/[id]/embed"));
    assert_eq!(route("/archive/3"), Some("/archive/[page=integer]"));
    assert_eq!(route("/archive/x"), None, "the matcher rejects `x`");
    assert_eq!(route("/smileys/:-)"), Some("/smileys/[x+3a]-[x+29]"));
    assert_eq!(route("/smileys/:-%29"), Some("/smileys/[x+3a]-[x+29]"));
    // SvelteKit decodes paths with `decodeURI`, which keeps reserved characters encoded.
    assert_eq!(route("/smileys/%3a-%29"), None);
    assert_eq!(route("/emoji/%F0%9F%98%80"), Some("/emoji/[u+1f600]"));
    assert_eq!(route("/range/1-5.json"), Some("/range/[from]-[to].json"));
    assert_eq!(
        params("/range/1-5.json"),
        [("from", "1".to_owned()), ("to", "5".to_owned())]
    );
    assert_eq!(route("/notes.md"), None, "`notes.md` is not a route file");
    assert_eq!(route("/%c0"), None, "a malformed path reaches no route");

    let range = App::resolve("/range/1-5.json").map(|found| found.route);
    assert!(range.is_some_and(|r| !r.page && r.methods == ["GET"]));
    let embed = App::resolve("/item/1/embed").map(|found| found.route);
    assert!(embed.is_some_and(|r| r.page && r.files == ["(app)/item/[id]/embed/+page@(app).html"]));
}
