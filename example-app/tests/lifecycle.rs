//! The app as a process: it stops cleanly on SIGTERM, its data survives a restart, two
//! instances can share one database file, and bad settings are refused.

mod support;

use std::process::Command;

use support::*;

#[test]
fn data_survives_a_restart() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let ann = sign_in_ann(&app);
    let post = r#"{"title": "Kept", "body": "On disk", "published": true}"#;
    let created = send_json(&app, "POST", "/api/posts", post, Some(&ann)).json();
    let status = app.stop();
    assert!(status.success(), "a clean exit on SIGTERM: {status}");

    let app = App::start(&db.path());
    let path = format!("/api/posts/{}", created["id"]);
    assert_eq!(get_json(&app, &path, None).json()["title"], "Kept");
    // Sessions are in the database too: still signed in.
    assert!(
        get_html(&app, "/dashboard", Some(&ann))
            .body
            .contains("Ann Archer")
    );
    // The seed ran once: still two seeded published posts plus the new one.
    assert_eq!(
        get_json(&app, "/api/posts", None)
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert!(app.stop().success());
}

#[test]
fn two_instances_share_one_database() {
    let db = TempDb::new();
    // Both start on the new file at once: one creates and seeds it, the other waits.
    let (first, second) = std::thread::scope(|s| {
        let a = s.spawn(|| App::start(&db.path()));
        let b = s.spawn(|| App::start(&db.path()));
        (a.join().unwrap(), b.join().unwrap())
    });
    let sessions = [sign_in_ann(&first), sign_in_ann(&second)];
    std::thread::scope(|s| {
        for (app, session) in [(&first, &sessions[0]), (&second, &sessions[1])] {
            s.spawn(move || {
                for n in 0..15 {
                    let body = format!(
                        r#"{{"title": "From {} #{n}", "body": "x", "published": true}}"#,
                        app.base
                    );
                    let reply = send_json(app, "POST", "/api/posts", &body, Some(session));
                    assert_eq!(reply.status, 201, "{}", reply.body);
                }
            });
        }
    });
    for app in [&first, &second] {
        let all = get_json(app, "/api/posts?limit=100", None).json();
        assert_eq!(
            all.as_array().unwrap().len(),
            2 + 30,
            "each instance sees every post"
        );
    }
    assert!(first.stop().success());
    assert!(second.stop().success());
    let connection = rusqlite::Connection::open(db.path()).unwrap();
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let users: i64 = connection
        .query_row("SELECT count(*) FROM users", [], |row| row.get(0))
        .unwrap();
    assert_eq!(users, 2, "seeded once");
}

#[test]
fn bad_settings_are_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_example-app"))
        .env("PORT", "http")
        .output()
        .expect("run the app");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("PORT must be a number"));
}
