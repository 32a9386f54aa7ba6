//! A throwaway crate with `routekit_codegen::track` in its build.rs: adding a route folder and
//! building again serves the new route, with no other change. Runs real `cargo` builds (a
//! minute the first time; the build folder is kept under the workspace's `target/`).

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

/// `cargo run` in the crate; returns its standard output.
fn run(crate_dir: &Path, target_dir: &Path) -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline"])
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .output()
        .expect("run cargo");
    assert!(
        out.status.success(),
        "cargo run failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn adding_a_route_folder_triggers_a_rebuild() {
    let root = tempfile::tempdir().expect("a temporary folder");
    let app = root.path();
    let workspace = workspace();
    write(
        &app.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "track-rebuild-app"
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
    // The workspace's lock file pins the same versions, so the build needs no network.
    std::fs::copy(workspace.join("Cargo.lock"), app.join("Cargo.lock")).expect("copy Cargo.lock");
    write(
        &app.join("build.rs"),
        "fn main() { routekit_codegen::track(\"src/routes\"); }\n",
    );
    write(
        &app.join("src/main.rs"),
        r#"#[derive(routekit::Routes)]
struct App;

fn main() {
    for path in ["/", "/fresh"] {
        println!("{path} -> {:?}", App::resolve(path).map(|m| m.route.id));
    }
    for route in App::routes() {
        println!("{} serves {:?}", route.id, route.methods);
    }
}
"#,
    );
    write(&app.join("src/routes/+page.html"), "home\n");
    let target = workspace.join("target/track-rebuild-test");

    let before = run(app, &target);
    assert!(before.contains("/fresh -> None"), "{before}");

    // Nothing changed: nothing is rebuilt (a watched path that does not exist, such as a
    // missing `params/` folder, would make cargo rerun the build script every time).
    assert!(
        builds_app(app, &target).is_none(),
        "a build with no change rebuilt the app"
    );

    write(&app.join("src/routes/fresh/+page.html"), "fresh\n");
    let after = run(app, &target);
    assert!(
        after.contains("/fresh -> Some(\"/fresh\")"),
        "the new route is not served:\n{after}"
    );

    // A hooks file that did not exist before is seen too.
    write(
        &app.join("src/hooks.server.rs"),
        "pub async fn handle_error(_: routekit::UnexpectedError<'_>) -> Option<String> {\n    None\n}\n",
    );
    let rebuilt = builds_app(app, &target);
    assert!(
        rebuilt.is_some(),
        "adding hooks.server.rs did not rebuild the app"
    );

    // The items come from the build script's output (`track` generates them; the derive only
    // declares the modules): an export added to a file is seen, and an edit inside a
    // handler's body generates nothing again.
    let handler = app.join("src/routes/api/+server.rs");
    write(
        &handler,
        "pub async fn GET() -> &'static str {\n    \"one\"\n}\n",
    );
    let served = run(app, &target);
    assert!(served.contains("/api serves [\"GET\"]"), "{served}");
    let generated = generated_items(&target);
    let written = std::fs::metadata(&generated).and_then(|m| m.modified());
    write(
        &handler,
        "pub async fn GET() -> &'static str {\n    \"two\"\n}\n",
    );
    let served = run(app, &target);
    assert!(served.contains("/api serves [\"GET\"]"), "{served}");
    assert_eq!(
        std::fs::metadata(&generated)
            .and_then(|m| m.modified())
            .ok(),
        written.ok(),
        "an edit inside a handler generated the items again"
    );
    write(
        &handler,
        "pub async fn GET() -> &'static str {\n    \"two\"\n}\n\npub async fn POST() {}\n",
    );
    let served = run(app, &target);
    assert!(
        served.contains("/api serves [\"GET\", \"POST\"]"),
        "a new export was not seen:\n{served}"
    );

    // A mistake in a file: `track` leaves the derive to report it, naming the file, and a
    // fixed file builds again.
    write(&handler, "pub async fn Get() {}\n");
    let failed = Command::new(env!("CARGO"))
        .args(["build", "--offline"])
        .current_dir(app)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(!failed.status.success(), "a misspelt export built");
    assert!(
        stderr.contains("src/routes/api/+server.rs:1:14") && stderr.contains("`GET`"),
        "the error does not name the file and the fix:\n{stderr}"
    );
    write(&handler, "pub async fn GET() {}\n");
    let served = run(app, &target);
    assert!(served.contains("/api serves [\"GET\"]"), "{served}");
}

/// The items `track` generated for the app: the newest, should the build folder hold older
/// builds of it.
fn generated_items(target_dir: &Path) -> PathBuf {
    let build = target_dir.join("debug/build");
    std::fs::read_dir(&build)
        .expect("the build folder")
        .filter_map(|entry| {
            let out = entry.ok()?.path().join("out/routekit");
            let file = std::fs::read_dir(out)
                .ok()?
                .filter_map(Result::ok)
                .find(|entry| entry.path().extension().is_some_and(|ext| ext == "rs"))?;
            let modified = file.metadata().and_then(|m| m.modified()).ok()?;
            Some((modified, file.path()))
        })
        .max()
        .map(|(_, path)| path)
        .expect("the build script wrote the generated items")
}

/// `cargo build -v` in the crate: `Some(cargo's output)` when it compiled the app crate,
/// `None` when the app was fresh.
fn builds_app(crate_dir: &Path, target_dir: &Path) -> Option<String> {
    let out = Command::new(env!("CARGO"))
        .args(["build", "--offline", "-v"])
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "cargo build failed:\n{stderr}");
    stderr
        .contains("Compiling track-rebuild-app")
        .then_some(stderr)
}
