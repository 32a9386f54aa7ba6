//! Rebuild the fuzz targets when the fuzz route tree changes.

fn main() {
    routekit_codegen::track("tree/src/routes");
}
