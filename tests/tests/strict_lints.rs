//! A throwaway crate with `track` in its build.rs, strict lint levels on its own code and the
//! derive in a module file of its own: `cargo clippy -- -D warnings` passes. The generated items are the derive's expansion to
//! the compiler and to clippy, so the user's `deny` and `forbid` levels (`unreachable_pub`,
//! `clippy::indexing_slicing`, `clippy::pedantic`…) do not reach them, and they carry no
//! lint-group `allow` (an error where the user forbids one of the group's lints). Runs real
//! `cargo clippy` builds (a minute the first time; the build folder is kept under the
//! workspace's `target/`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_path_buf()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
    std::fs::write(path, text).expect("write a file");
}

/// The crate root: strict levels, and code that meets them.
const MAIN: &str = r#"//! An app under strict lints.
#![deny(
    warnings,
    unreachable_pub,
    unused_qualifications,
    rust_2018_idioms,
    missing_docs,
    missing_debug_implementations,
    unused_results
)]
// Before the `forbid`s: a group that holds a forbidden lint may not be lowered after it.
#![warn(clippy::pedantic, clippy::nursery)]
#![forbid(
    unsafe_code,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::as_conversions,
    clippy::shadow_unrelated,
    clippy::needless_return,
    clippy::derive_partial_eq_without_eq
)]
// Says the opposite of `unreachable_pub` about the `pub(crate)` exports of the route files.
#![allow(clippy::redundant_pub_crate)]

mod app;

fn main() {
    for path in ["/", "/users/7", "/files/a/b", "/archive/2024"] {
        println!("{path} -> {:?}", app::App::resolve(path).map(|m| m.route.id));
    }
}
"#;

/// The derive, in a module file of its own (a "non-mod-rs" file, whose inline modules' paths
/// rustc reads differently from `main.rs`'s).
const APP: &str = r#"//! The app's routes.

/// The app.
#[derive(Debug, routekit::Routes)]
pub(crate) struct App;
"#;

#[test]
fn generated_code_passes_the_users_strictest_lints() {
    let root = tempfile::tempdir().expect("a temporary folder");
    let app = root.path();
    let workspace = workspace();
    write(
        &app.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "strict-lints-app"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
routekit = {{ path = "{runtime}" }}

[build-dependencies]
routekit-codegen = {{ path = "{codegen}", default-features = false }}
"#,
            runtime = workspace.join("runtime").display(),
            codegen = workspace.join("codegen").display(),
        ),
    );
    std::fs::copy(workspace.join("Cargo.lock"), app.join("Cargo.lock")).expect("copy Cargo.lock");
    write(
        &app.join("build.rs"),
        "//! Routes.\nfn main() {\n    routekit_codegen::track(\"src/routes\");\n}\n",
    );
    write(&app.join("src/main.rs"), MAIN);
    write(&app.join("src/app.rs"), APP);
    write(&app.join("src/routes/+page.html"), "home\n");
    write(
        &app.join("src/routes/+layout.server.rs"),
        "//! The root layout.\n\n/// Its data.\n#[allow(clippy::unused_async)]\npub(crate) async fn load() -> Result<u8, routekit::Error> {\n    Ok(1)\n}\n",
    );
    write(
        &app.join("src/routes/+page.server.rs"),
        "//! The home page.\n\n/// Its form actions.\npub(crate) mod actions {\n    /// A plain POST.\n    #[allow(clippy::unused_async)]\n    pub(crate) async fn default() -> Result<(), routekit::Error> {\n        Ok(())\n    }\n}\n",
    );
    write(
        &app.join("src/routes/users/[id]/+server.rs"),
        "//! A user.\n\n/// The user's id.\n#[allow(clippy::unused_async)]\npub(crate) async fn GET(params: super::Params) -> String {\n    params.id\n}\n",
    );
    write(
        &app.join("src/routes/files/[...path]/+server.rs"),
        "//! A file.\n\n/// The file's path.\n#[allow(clippy::unused_async)]\npub(crate) async fn GET(params: super::Params) -> String {\n    params.path\n}\n",
    );
    write(
        &app.join("src/routes/archive/[year=year]/+server.rs"),
        "//! A year.\n\n/// The year.\n#[allow(clippy::unused_async)]\npub(crate) async fn GET(params: super::Params) -> String {\n    params.year.to_string()\n}\n",
    );
    write(
        &app.join("src/params/year.rs"),
        "//! Years.\n\n/// A year of four digits.\n#[must_use]\npub(crate) fn parse(value: &str) -> Option<u16> {\n    if value.len() == 4 { value.parse().ok() } else { None }\n}\n",
    );
    let target = workspace.join("target/strict-lints-test");
    let out = Command::new(env!("CARGO"))
        .args(["clippy", "--offline", "--", "-D", "warnings"])
        .current_dir(app)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo clippy");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "cargo clippy failed:\n{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(
        wrote_items(&target.join("debug/build")),
        "the derive did not get its items from track's output"
    );
}

/// Whether a build script of the app wrote generated items (the derive then reads them).
fn wrote_items(build: &Path) -> bool {
    std::fs::read_dir(build)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("strict-lints-app-")
        })
        .filter_map(|entry| std::fs::read_dir(entry.path().join("out/routekit")).ok())
        .flatten()
        .filter_map(Result::ok)
        .any(|entry| entry.path().extension().is_some_and(|ext| ext == "bind"))
}
