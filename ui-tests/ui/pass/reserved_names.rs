//! Route folders named `params` and `hooks`, in a tree that has matchers (`params/`) and a
//! hooks file: their modules get names of their own (`r_params`, `r_hooks`), apart from the
//! container's `params` and `hooks` modules.
#![allow(deprecated)]

#[derive(routekit::Routes)]
#[routes(dir = "./reserved_names/routes")]
struct App;

fn main() {
    let id = |path: &str| App::resolve(path).map(|found| found.route.id);
    assert_eq!(id("/params/7"), Some("/params/[n=integer]"));
    assert_eq!(id("/params/x"), None);
    assert_eq!(id("/params"), Some("/params"));
    assert_eq!(id("/hooks"), Some("/hooks"));
    // The container's own modules and the routes' are all there.
    let _: Option<u32> = app_routes::params::integer::parse("7");
    assert_eq!(app_routes::r_params::ID, "/params");
    assert_eq!(app_routes::params_n_integer::ID, "/params/[n=integer]");
    assert_eq!(app_routes::r_hooks::ID, "/hooks");
    let _ = app_routes::hooks::handle_error;
    assert_eq!(
        app_routes::params_n_integer::Params { n: 7 }.href().as_deref(),
        Ok("/params/7")
    );
}
