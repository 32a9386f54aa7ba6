//! routekit's example application.
//!
//! At this stage of the project the app does not serve HTTP yet (the axum runtime is the next
//! milestone). `#[derive(Routes)]` compiles its routes folder into a dispatch table; the app
//! prints that table in priority order and shows which route each path given on the command
//! line reaches, with its typed params:
//!
//! ```text
//! cargo run -p example-app -- /blog/hello /archive/3 /fr/home /smileys/:-)
//! ```

/// The app: its routes are `src/routes`, its param matchers `src/params`.
#[derive(routekit::Routes)]
#[routes(dir = "src/routes")]
struct App;

fn main() {
    println!("routes, in priority order:");
    for (rank, route) in App::routes().iter().enumerate() {
        println!("{:>4}  {}", rank + 1, route.id);
    }
    for path in std::env::args().skip(1) {
        match App::resolve(&path) {
            Some(found) => println!("{path} -> {} {:?}", found.route.id, found.params),
            None if routekit::decode_pathname(&path).is_err() => {
                println!("{path} -> malformed (400)")
            }
            None => println!("{path} -> no route (404)"),
        }
    }
    // `[page=integer]` is typed by `src/params/integer.rs` (`parse -> Option<u32>`), and `href`
    // builds a link that routes back to the same params.
    let page = app_routes::archive_page_integer::Params { page: 3 };
    if let Ok(link) = page.href() {
        println!("href of archive page {}: {link}", page.page);
    }
}
