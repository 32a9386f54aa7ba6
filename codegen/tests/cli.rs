//! The `routekit` command, run as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

fn routekit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_routekit"))
        .args(args)
        .output()
        .expect("run routekit")
}

fn write(root: &Path, files: &[&str]) {
    for file in files {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "").unwrap();
    }
}

#[test]
fn check_reports_three_unrelated_mistakes_with_their_files() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        &[
            "src/routes/+page.html",
            "src/routes/[a][b]/+page.html",    // params not separated
            "src/routes/blog/+pgae.html",      // reserved name (a typo)
            "src/routes/(x)/about/+page.html", // conflicts with …
            "src/routes/about/+server.rs",     // … this one
        ],
    );
    let routes = root.path().join("src/routes");
    let out = routekit(&["check", routes.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    let expect = [
        (routes.join("[a][b]"), "parameters must be separated"),
        (routes.join("blog/+pgae.html"), "reserved"),
        (routes.join("about/+server.rs"), "`/(x)/about` and `/about`"),
    ];
    for (path, words) in expect {
        let prefix = format!("error: {}: ", path.display());
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&prefix) && l.contains(words)),
            "no error for {} mentioning {words}:\n{stderr}",
            path.display()
        );
    }
    assert!(stderr.contains("3 errors"), "{stderr}");
}

#[test]
fn check_passes_a_valid_tree() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        &["routes/+page.html", "routes/blog/[slug]/+page.html"],
    );
    let out = routekit(&["check", root.path().join("routes").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok, 2 routes"));
}

#[test]
fn routes_prints_the_sorted_table() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        &[
            "routes/[...catchall]/+page.html",
            "routes/[b]/+page.html",
            "routes/[[a=x]]/+server.rs",
            "routes/foo-[c]/+page.html",
            "routes/foo-abc/+page.html",
            "routes/foo-abc/+page.server.rs",
            "params/x.rs",
        ],
    );
    let out = routekit(&["routes", root.path().join("routes").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ids: Vec<&str> = stdout
        .lines()
        .skip(1)
        .map(|line| line.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(
        ids,
        ["/foo-abc", "/foo-[c]", "/[[a=x]]", "/[b]", "/[...catchall]"]
    );
    assert!(
        stdout.contains("foo-abc/+page.html foo-abc/+page.server.rs"),
        "{stdout}"
    );

    let out = routekit(&[
        "routes",
        "--json",
        root.path().join("routes").to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["routes"][2]["id"], "/[[a=x]]");
    assert_eq!(json["routes"][2]["endpoint"], "[[a=x]]/+server.rs");
    assert_eq!(json["routes"][2]["params"][0]["matcher"], "x");
}

#[test]
fn match_prints_one_json_line_per_path() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        &[
            "routes/archive/[page=integer]/+page.html",
            "routes/archive/[...rest]/+page.html",
            "routes/blog/[slug]/+page.html",
            "params/integer.rs",
        ],
    );
    let dir = root.path().join("routes");
    let out = routekit(&[
        "match",
        dir.to_str().unwrap(),
        "--matcher",
        "integer=[0-9]+",
        "--",
        "/archive/12",
        "/archive/latest",
        "/blog/hello%20world",
        "/nowhere",
        "/%c0%ae",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"path": "/archive/12", "route": "/archive/[page=integer]", "params": {"page": "12"}})
    );
    assert_eq!(
        lines[1],
        serde_json::json!({"path": "/archive/latest", "route": "/archive/[...rest]", "params": {"rest": "latest"}})
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"path": "/blog/hello%20world", "route": "/blog/[slug]", "params": {"slug": "hello world"}})
    );
    assert_eq!(
        lines[3],
        serde_json::json!({"path": "/nowhere", "route": null, "params": {}})
    );
    assert_eq!(
        lines[4],
        serde_json::json!({"path": "/%c0%ae", "malformed": true})
    );
}

#[test]
fn bad_folders_get_clear_errors() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("nope");
    let out = routekit(&["check", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("does not exist") && stderr.contains(missing.to_str().unwrap()),
        "{stderr}"
    );

    let empty = root.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = routekit(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no routes found"));
}
