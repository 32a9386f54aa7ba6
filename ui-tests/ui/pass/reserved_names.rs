//! Route folders named `params` and `hooks`, in a tree that has matchers (`params/`) and a
//! hooks file: their modules get names of their own (`r_params`, `r_hooks`), apart from the
//! container's `params` and `hooks` modules. A folder and a param named `gen` (a keyword from
//! edition 2024 on, which syn takes for an identifier) get `r_gen` and a field `r#gen`.
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
    // A typed `Params` compares field by field.
    assert_eq!(
        app_routes::params_n_integer::Params { n: 7 },
        app_routes::params_n_integer::Params { n: 7 }
    );
    assert_ne!(
        app_routes::params_n_integer::Params { n: 7 },
        app_routes::params_n_integer::Params { n: 8 }
    );
    assert_eq!(id("/gen"), Some("/gen"));
    assert_eq!(id("/gen/x"), Some("/gen/[gen]"));
    assert_eq!(app_routes::r_gen::ID, "/gen");
    let params = app_routes::gen_gen::Params { r#gen: "x y".to_owned() };
    assert_eq!(params.href().as_deref(), Ok("/gen/x%20y"));
}
