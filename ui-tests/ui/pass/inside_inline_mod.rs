//! The derive inside an inline `mod` block: rustc reads a relative `#[path]` there from a folder
//! named after the block, so the container's `#[path]` names the routes folder in full and the
//! route files are still found.
#![allow(deprecated)]

mod web {
    mod inner {
        #[derive(routekit::Routes)]
        #[routes(dir = "./inside_inline_mod/routes")]
        pub struct App;

        pub use app_routes::api_id::Params;
    }

    pub use inner::{App, Params};
}

fn main() {
    let found = web::App::resolve("/api/7").expect("the route");
    assert_eq!(found.route.id, "/api/[id]");
    let params = web::Params { id: "7".into() };
    assert_eq!(params.href().as_deref(), Ok("/api/7"));
    let _router = web::App::router();
}
