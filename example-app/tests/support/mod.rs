//! What the end-to-end tests share: the real binary started on a free port with a temporary
//! database (stopped by pid when the test ends), and a plain HTTP client that follows no
//! redirects and keeps no cookies, so that tests see both.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the app may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the app may take to stop after SIGTERM.
const STOP_TIMEOUT: Duration = Duration::from_secs(15);

/// A running instance of the example app.
pub struct App {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Where its logs (stderr) go.
    log: PathBuf,
}

impl App {
    /// Starts the app on a free port with the database file `database`; its logs go to
    /// `database` with `.log` appended.
    pub fn start(database: &Path) -> App {
        App::start_with(database, &[])
    }

    /// [`App::start`], with these environment variables set too (`BODY_LIMIT`…).
    pub fn start_with(database: &Path, vars: &[(&str, &str)]) -> App {
        let log = std::fs::File::create(database.with_extension("log")).expect("create the log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_example-app"));
        child.envs(vars.iter().copied());
        let mut child = child
            .env("PORT", "0")
            .env("DATABASE_URL", database)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("start the example app");
        // The first line of stdout says where it listens; read it on a thread to bound the wait.
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = match receiver.recv_timeout(START_TIMEOUT) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("the app did not start within {START_TIMEOUT:?}");
            }
        };
        let Some(base) = line.trim().strip_prefix("listening on ") else {
            let _ = child.kill();
            let _ = child.wait();
            let log = std::fs::read_to_string(database.with_extension("log")).unwrap_or_default();
            panic!("the app did not start: {line:?}\n{log}");
        };
        App {
            base: base.to_owned(),
            child,
            log: database.with_extension("log"),
        }
    }

    /// The URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// What the app has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The app's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Asks the app to stop (SIGTERM, by pid) and waits for it; its exit status.
    pub fn stop(mut self) -> ExitStatus {
        self.terminate()
    }

    /// Sends SIGTERM to the app (by pid) without waiting for it to stop.
    pub fn signal_stop(&self) {
        let pid = self.child.id().to_string();
        let status = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(status.is_ok_and(|s| s.success()), "kill -TERM {pid}");
    }

    fn terminate(&mut self) -> ExitStatus {
        if let Ok(Some(status)) = self.child.try_wait() {
            return status;
        }
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + STOP_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let status = self.child.wait().expect("wait for the app");
        panic!("the app did not stop within {STOP_TIMEOUT:?} of SIGTERM ({status})");
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A temporary folder with a database path in it, removed at the end of the test.
pub struct TempDb {
    dir: tempfile::TempDir,
}

impl TempDb {
    /// A new empty folder.
    pub fn new() -> TempDb {
        TempDb {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// The database file's path (not created yet: the app creates it).
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("app.db")
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The headers, names lowercase, in order.
    pub headers: Vec<(String, String)>,
    /// The body, as text.
    pub body: String,
}

impl Reply {
    /// The first value of header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name`.
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }

    /// The value of the cookie `name` this response sets (`Some("")` when it deletes it).
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers_named("set-cookie").into_iter().find_map(|c| {
            let (pair, _) = c.split_once(';').unwrap_or((c, ""));
            let (n, v) = pair.split_once('=')?;
            (n.trim() == name).then(|| v.trim().to_owned())
        })
    }
}

/// An HTTP client that follows no redirects, keeps no cookies and treats every status as an
/// answer.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// Reads a ureq response whole.
pub fn read(mut response: ureq::http::Response<ureq::Body>) -> Reply {
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response.body_mut().read_to_string().expect("read the body");
    Reply {
        status: response.status().as_u16(),
        headers,
        body,
    }
}

/// A request: method, path, headers and body, sent to `app`.
pub fn send(
    app: &App,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Reply {
    let mut request = ureq::http::Request::builder()
        .method(method)
        .uri(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let agent = agent();
    let response = match body {
        Some(body) => agent.run(request.body(body.to_owned()).expect("a valid request")),
        None => agent.run(request.body(()).expect("a valid request")),
    };
    read(response.unwrap_or_else(|error| panic!("{method} {path}: {error}")))
}

/// `GET path` asking for HTML, as a browser does.
pub fn get_html(app: &App, path: &str, cookie: Option<&str>) -> Reply {
    let cookie = cookie.map(|c| format!("session={c}"));
    let mut headers = vec![("accept", "text/html")];
    if let Some(cookie) = &cookie {
        headers.push(("cookie", cookie));
    }
    send(app, "GET", path, &headers, None)
}

/// `GET path` asking for JSON.
pub fn get_json(app: &App, path: &str, cookie: Option<&str>) -> Reply {
    let cookie = cookie.map(|c| format!("session={c}"));
    let mut headers = vec![("accept", "application/json")];
    if let Some(cookie) = &cookie {
        headers.push(("cookie", cookie));
    }
    send(app, "GET", path, &headers, None)
}

/// A form post from the app's own pages (with the `Origin` a browser sends), accepting
/// `accept`.
pub fn post_form(app: &App, path: &str, form: &str, accept: &str, cookie: Option<&str>) -> Reply {
    let cookie = cookie.map(|c| format!("session={c}"));
    let mut headers = vec![
        ("accept", accept),
        ("content-type", "application/x-www-form-urlencoded"),
        ("origin", app.base.as_str()),
    ];
    if let Some(cookie) = &cookie {
        headers.push(("cookie", cookie));
    }
    send(app, "POST", path, &headers, Some(form))
}

/// A JSON request (`POST`, `PUT`…) with an optional session.
pub fn send_json(app: &App, method: &str, path: &str, body: &str, cookie: Option<&str>) -> Reply {
    let cookie = cookie.map(|c| format!("session={c}"));
    let mut headers = vec![
        ("accept", "application/json"),
        ("content-type", "application/json"),
    ];
    if let Some(cookie) = &cookie {
        headers.push(("cookie", cookie));
    }
    send(app, method, path, &headers, Some(body))
}

/// Signs in as `email` through the login form; the session token.
pub fn sign_in(app: &App, email: &str, password: &str) -> String {
    let form = format!("email={email}&password={password}");
    let reply = post_form(app, "/login", &form, "text/html", None);
    assert_eq!(reply.status, 303, "sign in as {email}: {}", reply.body);
    reply
        .cookie("session")
        .filter(|token| !token.is_empty())
        .expect("a session cookie")
}

/// Ann's session (she wrote `hello-world` and the draft `draft-ideas`, posts 1 and 3).
pub fn sign_in_ann(app: &App) -> String {
    sign_in(app, "ann%40example.com", "ann-password")
}

/// Bob's session (he wrote post 2).
pub fn sign_in_bob(app: &App) -> String {
    sign_in(app, "bob%40example.com", "bob-password")
}
