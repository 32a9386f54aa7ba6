//! `Params::href` builds a path that `App::resolve` brings back to the same route and params,
//! whatever the values hold (spaces, `/`, `%`, `?`, `#`, non-ASCII).
#![allow(deprecated)]

#[derive(routekit::Routes)]
#[routes(dir = "./href_round_trip/routes")]
struct App;

use app_routes::{about_us, blog_slug, files_path, g_inside, lang_home, root};

/// Resolves `href` and returns the route id and its params.
fn back(href: &str) -> (&'static str, Vec<(&'static str, String)>) {
    let found = App::resolve(href).unwrap_or_else(|| panic!("{href} reaches no route"));
    (found.route.id, found.params)
}

fn main() {
    assert_eq!(root::Params::new().href().as_deref(), Ok("/"));
    assert_eq!(back("/").0, "/");

    // Routes without params: routekit's `NoParams`, each with its own path.
    let about = about_us::Params::new();
    assert_eq!(about.href().as_deref(), Ok("/about%20us"));
    assert_eq!(back("/about us").0, "/about us");
    assert_eq!(about, about_us::Params::default());
    assert_eq!(format!("{about:?}"), "Params");
    assert_eq!(g_inside::Params::new().href().as_deref(), Ok("/inside"));
    assert_eq!(back("/inside").0, "/(g)/inside");

    for slug in [
        "hello",
        "a b",
        "a/b",
        "100%",
        "what?",
        "#1",
        "ünïcödé",
        "x+2f",
        "[x]",
    ] {
        let href = blog_slug::Params {
            slug: slug.to_owned(),
        }
        .href()
        .expect("a valid slug");
        assert_eq!(
            back(&href),
            ("/blog/[slug]", vec![("slug", slug.to_owned())]),
            "{href}"
        );
        // The typed params come back equal too.
        let decoded = routekit::decode_pathname(&href).expect("href is well-formed");
        let raw = App::lookup(&decoded);
        let params = blog_slug::Params::from_values(&raw.values().collect::<Vec<_>>()).expect("decodes");
        assert_eq!(params.slug, slug);
    }
    assert!(
        blog_slug::Params {
            slug: String::new()
        }
        .href()
        .is_err(),
        "a required param is empty"
    );

    let href = lang_home::Params {
        lang: Some("fr".to_owned()),
    }
    .href()
    .expect("valid");
    assert_eq!(href, "/fr/home");
    assert_eq!(
        back(&href),
        ("/[[lang]]/home", vec![("lang", "fr".to_owned())])
    );
    let href = lang_home::Params { lang: None }.href().expect("valid");
    assert_eq!(href, "/home");
    assert_eq!(back(&href), ("/[[lang]]/home", vec![]));

    let href = files_path::Params {
        path: "docs/a b/c.txt".to_owned(),
    }
    .href()
    .expect("valid");
    assert_eq!(href, "/files/docs/a%20b/c.txt");
    assert_eq!(
        back(&href),
        (
            "/files/[...path]",
            vec![("path", "docs/a b/c.txt".to_owned())]
        )
    );
    let href = files_path::Params {
        path: String::new(),
    }
    .href()
    .expect("a rest may be empty");
    assert_eq!(href, "/files");
    assert_eq!(back(&href).0, "/files/[...path]");

    // The escaped static text `:-)` is written so that it routes back here.
    let smiley = App::routes()
        .iter()
        .find(|route| route.id.starts_with("/smileys/"))
        .expect("the smileys route");
    let found = App::resolve("/smileys/:-)/bob").expect("reaches the smileys route");
    assert_eq!(found.route.id, smiley.id);
    assert_eq!(found.param("name"), Some("bob"));
}
