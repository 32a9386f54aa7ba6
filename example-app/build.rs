//! Tells cargo to rebuild when a route file is added, removed or renamed, and validates the
//! routes folder before the crate compiles.

fn main() {
    routekit_codegen::track("src/routes");
}
