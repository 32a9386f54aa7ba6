//! routekit's example application.
//!
//! At this stage of the project the app does not serve HTTP yet (the derive macro and the axum
//! runtime are the next milestones). It loads its own routes folder with routekit's route model,
//! prints the route table in SvelteKit's priority order, and shows which route each path given
//! on the command line reaches:
//!
//! ```text
//! cargo run -p example-app -- /blog/hello /archive/3 /fr/home /smileys/:-)
//! ```

use std::path::Path;
use std::process::ExitCode;

use routekit_codegen::Manifest;
use routekit_codegen::reference::{self, ReferenceRoute};

fn main() -> ExitCode {
    let routes_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
    let manifest = match Manifest::from_dir(&routes_dir) {
        Ok(manifest) => manifest,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    println!("routes of {}, in priority order:", routes_dir.display());
    for (rank, route) in manifest.servable_routes().enumerate() {
        println!("{:>4}  {}", rank + 1, route.id);
    }

    let routes: Vec<ReferenceRoute> = manifest
        .servable_routes()
        .filter_map(|route| ReferenceRoute::new(&route.id).ok())
        .collect();
    // The app's only matcher, `integer`, accepts what `src/params/integer.rs` accepts.
    let matcher = |name: &str, value: &str| name != "integer" || value.parse::<u32>().is_ok();
    for path in std::env::args().skip(1) {
        match reference::decode_pathname(&path)
            .and_then(|p| reference::find_route(&p, &routes, &matcher))
        {
            Ok(Some((route, params))) => println!("{path} -> {} {params:?}", route.id),
            Ok(None) => println!("{path} -> no route (404)"),
            Err(error) => println!("{path} -> {error} (400)"),
        }
    }
    ExitCode::SUCCESS
}
