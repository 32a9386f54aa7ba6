//! The app as a process: it stops cleanly on SIGTERM (finishing the requests under way and
//! closing the database), its data survives a restart, two instances can share one database
//! file, and bad settings are refused.

mod support;

use std::io::{BufRead, BufReader};
use std::process::Command;
use std::time::{Duration, Instant};

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
fn sigterm_finishes_requests_under_way_and_closes_the_database() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let ann = sign_in_ann(&app);
    let post = r#"{"title": "Before the stop", "body": "Written", "published": true}"#;
    assert_eq!(
        send_json(&app, "POST", "/api/posts", post, Some(&ann)).status,
        201
    );
    let wal = db.path().with_extension("db-wal");
    assert!(
        wal.exists(),
        "WAL mode: the app writes to {}",
        wal.display()
    );

    // A stream of 6 events 250 ms apart is under way when SIGTERM comes, after its first event.
    let mut response = agent()
        .get(app.url("/api/stream?count=6&interval=250"))
        .call()
        .expect("the stream");
    assert_eq!(response.status(), 200);
    let mut lines = BufReader::new(response.body_mut().as_reader()).lines();
    let first = lines
        .by_ref()
        .map(|line| line.expect("a line"))
        .find(|line| line.starts_with("data: "))
        .expect("a first event");
    assert_eq!(first, r#"data: {"n":1,"left":1}"#);
    let signalled = Instant::now();
    app.signal_stop();
    // No new connection is accepted once the signal is handled.
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(app.base.strip_prefix("http://").unwrap()).is_ok() {
        assert!(Instant::now() < deadline, "still accepting connections");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The stream still gets every event, then its end.
    let rest: Vec<String> = lines
        .map(|line| line.expect("the stream goes on after SIGTERM"))
        .filter_map(|line| line.strip_prefix("data: ").map(str::to_owned))
        .collect();
    assert_eq!(
        rest,
        [
            r#"{"n":2,"left":1}"#,
            r#"{"n":3,"left":1}"#,
            r#"{"n":4,"left":1}"#,
            r#"{"n":5,"left":1}"#,
            r#"{"n":6,"left":1}"#,
            "done"
        ]
    );
    assert!(
        signalled.elapsed() >= Duration::from_millis(1000),
        "the events kept their pace after the signal"
    );
    let log_before_exit = app.log();
    let status = app.stop();
    assert!(status.success(), "a clean exit after the stream: {status}");
    let log = std::fs::read_to_string(db.path().with_extension("log")).unwrap();
    assert!(
        log_before_exit.contains("shutting down"),
        "{log_before_exit}"
    );
    assert!(log.contains("database closed"), "{log}");
    assert!(!log.contains("still in use"), "{log}");
    // Closed cleanly: the WAL was checkpointed into the file and removed, and the file is sound
    // and has the post.
    assert!(!wal.exists(), "{} left behind", wal.display());
    assert!(!db.path().with_extension("db-shm").exists());
    let connection = rusqlite::Connection::open(db.path()).unwrap();
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let kept: i64 = connection
        .query_row(
            "SELECT count(*) FROM posts WHERE title = 'Before the stop'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1);
}

#[test]
fn bad_settings_are_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_example-app"))
        .env("PORT", "http")
        .output()
        .expect("run the app");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("PORT must be a number"));
    let output = Command::new(env!("CARGO_BIN_EXE_example-app"))
        .env("BODY_LIMIT", "1MB")
        .output()
        .expect("run the app");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("BODY_LIMIT must be a number"));
}
