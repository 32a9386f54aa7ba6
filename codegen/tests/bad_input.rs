//! Bad routes folders get clear errors naming the path, never a panic.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use routekit_codegen::{ErrorKind, Manifest};

fn errors_of(dir: &std::path::Path) -> Vec<(ErrorKind, String)> {
    match Manifest::from_dir(dir) {
        Ok(_) => panic!("{} should not build", dir.display()),
        Err(errors) => errors.iter().map(|e| (e.kind, e.to_string())).collect(),
    }
}

#[test]
fn a_missing_folder_is_named() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("src/routes");
    let errors = errors_of(&dir);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, ErrorKind::RoutesDirMissing);
    assert!(errors[0].1.contains(dir.to_str().unwrap()));
}

#[test]
fn a_file_instead_of_a_folder_is_named() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("routes");
    std::fs::write(&file, "").unwrap();
    let errors = errors_of(&file);
    assert_eq!(errors[0].0, ErrorKind::RoutesDirMissing);
    assert!(errors[0].1.contains("is not a folder"));
}

#[test]
fn an_empty_folder_has_no_routes() {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("routes/a/b")).unwrap();
    let errors = errors_of(&root.path().join("routes"));
    assert_eq!(errors[0].0, ErrorKind::NoRoutes);
}

#[test]
fn non_utf8_names_are_reported_with_their_path() {
    let root = tempfile::tempdir().unwrap();
    let routes = root.path().join("routes");
    std::fs::create_dir_all(&routes).unwrap();
    std::fs::write(routes.join("+page.html"), "").unwrap();
    let bad = routes.join(OsStr::from_bytes(b"caf\xe9"));
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("+page.html"), "").unwrap();
    let errors = errors_of(&routes);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, ErrorKind::NonUtf8Name);
    assert!(errors[0].1.contains("caf"), "{}", errors[0].1);
}

#[test]
fn unreadable_entries_are_reported_with_their_path() {
    let root = tempfile::tempdir().unwrap();
    let routes = root.path().join("routes");
    std::fs::create_dir_all(&routes).unwrap();
    std::fs::write(routes.join("+page.html"), "").unwrap();
    // A dangling symlink cannot be read (file permissions do not stop root, who runs CI).
    std::os::unix::fs::symlink("/nonexistent/target", routes.join("+server.rs")).unwrap();
    let errors = errors_of(&routes);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, ErrorKind::Io);
    assert!(errors[0].1.contains("+server.rs"), "{}", errors[0].1);
}

#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let root = tempfile::tempdir().unwrap();
    let routes = root.path().join("routes");
    std::fs::create_dir_all(routes.join("a")).unwrap();
    std::fs::write(routes.join("+page.html"), "").unwrap();
    std::os::unix::fs::symlink("..", routes.join("a/loop")).unwrap();
    let errors = errors_of(&routes);
    assert!(
        errors
            .iter()
            .any(|(kind, text)| *kind == ErrorKind::Io && text.contains("loop")),
        "{errors:?}"
    );
}

#[test]
fn every_error_of_a_tree_is_reported_at_once() {
    let root = tempfile::tempdir().unwrap();
    let routes = root.path().join("routes");
    for file in [
        "+page.html",
        "[a][b]/+page.html",
        "x/+foo.html",
        "y/+page@nope.html",
        "[p=missing]/+page.html",
    ] {
        let path = routes.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "").unwrap();
    }
    let kinds: Vec<ErrorKind> = errors_of(&routes)
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    for kind in [
        ErrorKind::ParamsNotSeparated,
        ErrorKind::ReservedFileName,
        ErrorKind::MissingLayoutSegment,
        ErrorKind::UnknownMatcher,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
    }
}
