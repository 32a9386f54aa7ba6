//! Generates the route trees that routekit's tests and benchmarks compile with
//! `#[derive(Routes)]`: seeded random trees for the differential test, and the dispatch
//! benchmark's trees.
//! Each writes its trees under `$OUT_DIR` and a Rust file of derives to `include!`.

#[path = "build/diff.rs"]
mod diff;
#[path = "build/rng.rs"]
mod rng;
#[path = "build/scale.rs"]
mod scale;

fn main() {
    let out_dir =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    diff::generate(&out_dir);
    scale::generate(&out_dir);
    // The fixture apps that tests and benchmarks derive: rebuild when their routes change.
    for fixture in [
        "endpoints",
        "catchall",
        "bench_app",
        "pages",
        "request_context",
        "hooks",
        "no_templates",
    ] {
        routekit_codegen::track(format!("fixtures/{fixture}/src/routes"));
    }
    // The fuzz targets' tree, which `tests/fuzz_replay.rs` derives through `fuzz/src/lib.rs`.
    routekit_codegen::track("../fuzz/tree/src/routes");
}
