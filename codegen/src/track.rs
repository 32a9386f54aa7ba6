//! The build-script helper: `routekit_codegen::track("src/routes")` in `build.rs`.

use std::path::{Path, PathBuf};

use crate::manifest::Manifest;
use crate::matchers::params_dir;

/// The variable through which `track` tells the derive macro which folders it watches.
const TRACKED_VAR: &str = "ROUTEKIT_TRACKED";

/// Call from `build.rs` for each routes folder (relative to the crate's manifest folder):
///
/// ```no_run
/// // in build.rs, `fn main() { ... }`:
/// routekit_codegen::track("src/routes");
/// ```
///
/// It makes cargo rebuild the crate when a file is added to, removed from or changed in the
/// routes folder, the `params/` folder beside it, or `hooks.server.rs` beside it; validates the
/// tree, failing the build with every error at once; writes the sorted route table to
/// `$OUT_DIR/routekit-routes.txt`; and tells `#[derive(Routes)]` that the folder is tracked
/// (without it the derive warns that new route files won't trigger a rebuild).
///
/// Keep the routes folder below `src/` (or another folder of its own): a `params/` folder or
/// `hooks.server.rs` that does not exist yet is watched through the folder that would hold it,
/// and the crate's own folder is not watched (it holds `target/`, so cargo would rebuild every
/// time). With `routes/` beside `Cargo.toml`, such a file created later is noticed at the next
/// change under `routes/`, or at once after `touch build.rs`.
///
/// # Errors
///
/// A tree with errors prints each one and exits the build script with status 1.
pub fn track(routes_dir: impl AsRef<Path>) {
    let relative = routes_dir.as_ref();
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
    let routes_dir = manifest_dir.join(relative);
    watch(&routes_dir, &manifest_dir);

    let manifest = match Manifest::from_dir(&routes_dir) {
        Ok(manifest) => manifest,
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!(
                "routekit: {} error(s) in `{}`",
                errors.len(),
                relative.display()
            );
            std::process::exit(1);
        }
    };
    for warning in &manifest.warnings {
        println!("cargo::warning={warning}");
    }
    if let Some(out_dir) = std::env::var_os("OUT_DIR") {
        let out_dir = Path::new(&out_dir);
        let table = crate::table::route_table(&manifest);
        let file = out_dir.join("routekit-routes.txt");
        if let Err(error) = std::fs::write(&file, table) {
            println!(
                "cargo::warning=routekit: cannot write {}: {error}",
                file.display()
            );
        }
        // Without it the derive generates the same items itself, only on every compile.
        #[cfg(feature = "emit")]
        if let Err(error) = crate::emit::prebuild(&routes_dir, out_dir) {
            println!(
                "cargo::warning=routekit: cannot write the generated routes to {}: {error}",
                out_dir.display()
            );
        }
    }

    let mut tracked = tracked_dirs();
    let canonical = std::fs::canonicalize(&routes_dir).unwrap_or(routes_dir);
    if !tracked.contains(&canonical) {
        tracked.push(canonical);
    }
    // Each call repeats the whole list: cargo keeps the last value of a variable.
    if let Ok(joined) = std::env::join_paths(&tracked) {
        println!(
            "cargo::rustc-env={TRACKED_VAR}={}",
            joined.to_string_lossy()
        );
        TRACKED.with(|list| *list.borrow_mut() = tracked);
    }
}

/// Prints `rerun-if-changed` for the routes folder, the `params/` folder and `hooks.server.rs`.
/// Cargo reruns a build script on every build while a path it watches does not exist, so a
/// missing `params/` or hooks file is watched through the folder that would hold it (cargo
/// scans a folder as a whole): creating it is still seen, and a build with no change stays a
/// no-op. That folder is not watched when it is the crate's own folder (it holds `target/`).
fn watch(routes_dir: &Path, manifest_dir: &Path) {
    let print = |path: &Path| println!("cargo::rerun-if-changed={}", path.display());
    print(routes_dir);
    let Some(parent) = routes_dir.parent() else {
        return;
    };
    let params = params_dir(routes_dir);
    let hooks = parent.join("hooks.server.rs");
    if (params.exists() && hooks.exists()) || parent == manifest_dir {
        for path in [&params, &hooks].into_iter().filter(|path| path.exists()) {
            print(path);
        }
    } else {
        print(parent);
    }
}

thread_local! {
    /// The folders `track` was called for in this build script.
    static TRACKED: std::cell::RefCell<Vec<PathBuf>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The routes folders tracked by the build script: read by the derive macro (from the
/// environment cargo gives the compiler) and by `track` itself.
pub fn tracked_dirs() -> Vec<PathBuf> {
    let from_track = TRACKED.with(|list| list.borrow().clone());
    if !from_track.is_empty() {
        return from_track;
    }
    std::env::var_os(TRACKED_VAR)
        .map(|value| std::env::split_paths(&value).collect())
        .unwrap_or_default()
}
