//! Just enough of the W3C WebDriver protocol to drive headless Chromium through
//! `chromedriver`: open a page, fill and click elements, read text and the URL, take a
//! screenshot. Plain JSON over HTTP, so no browser-automation crate is needed.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

/// The key of an element reference in WebDriver's JSON.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A `chromedriver` process and one headless Chromium session, both ended on drop.
pub struct Browser {
    driver: Child,
    base: String,
    session: String,
}

/// The path of `name` on `PATH`, if it is there.
fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

impl Browser {
    /// Starts `chromedriver` (or `$CHROMEDRIVER`) and a headless Chromium session. Panics
    /// with what to install when either is missing: the browser test must not pass silently.
    pub fn start() -> Browser {
        let driver_path = std::env::var_os("CHROMEDRIVER")
            .map(PathBuf::from)
            .or_else(|| which("chromedriver"));
        let Some(driver_path) = driver_path else {
            panic!(
                "chromedriver is not installed: `apt-get install chromium chromium-driver` (or set CHROMEDRIVER)"
            );
        };
        let browser_path = std::env::var_os("CHROMIUM")
            .map(PathBuf::from)
            .or_else(|| which("chromium"));
        // A free port for chromedriver (it cannot report one it picked itself).
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", driver_path.display()));
        let mut browser = Browser {
            driver,
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while browser.call("GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut options = json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1024,768"]
        });
        if let Some(path) = browser_path {
            options["binary"] = json!(path);
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": { "browserName": "chrome", "goog:chromeOptions": options } }
        });
        let created = browser
            .call("POST", "/session", Some(capabilities))
            .unwrap_or_else(|error| panic!("cannot start headless Chromium: {error}"));
        browser.session = created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        browser
    }

    /// One WebDriver command: its `value`, or the error WebDriver answered.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let url = format!("{}{path}", self.base);
        let response = match body {
            Some(body) => agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.to_string()),
            None if method == "DELETE" => agent.delete(&url).call(),
            None => agent.get(&url).call(),
        };
        let mut response = response.map_err(|error| error.to_string())?;
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|error| error.to_string())?;
        let value: Value =
            serde_json::from_str(&text).map_err(|error| format!("{error}: {text}"))?;
        if response.status().is_success() {
            Ok(value["value"].clone())
        } else {
            Err(format!("{method} {path}: {}", value["value"]))
        }
    }

    /// A command of this session.
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.call(method, &path, body)
            .unwrap_or_else(|error| panic!("{error}"))
    }

    /// Opens `url`.
    pub fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({ "url": url })));
    }

    /// The current URL.
    pub fn url(&self) -> String {
        self.command("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The element `css` selects (the first one), waiting for it to appear: after a click
    /// that submits a form, the page it leads to may not have loaded yet.
    pub fn find(&self, css: &str) -> String {
        let path = format!("/session/{}/element", self.session);
        let body = json!({ "using": "css selector", "value": css });
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let found = self.call("POST", &path, Some(body.clone()));
            if let Some(element) = found.as_ref().ok().and_then(|v| v[ELEMENT].as_str()) {
                return element.to_owned();
            }
            assert!(Instant::now() < deadline, "no element {css}: {found:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Types `text` into the element `css` selects.
    pub fn fill(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Clicks the element `css` selects.
    pub fn click(&self, css: &str) {
        let element = self.find(css);
        self.command(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    /// The visible text of the element `css` selects.
    pub fn text(&self, css: &str) -> String {
        let element = self.find(css);
        self.command("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Waits until the URL ends with `suffix`; the URL.
    pub fn wait_for_url(&self, suffix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let url = self.url();
            if url.ends_with(suffix) {
                return url;
            }
            assert!(
                Instant::now() < deadline,
                "still at {url}, waiting for {suffix}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Saves a PNG screenshot of the window to `path`.
    pub fn screenshot(&self, path: &Path) {
        let encoded = self.command("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap_or_default())
            .expect("a base64 screenshot");
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the artifacts folder");
        }
        std::fs::write(path, png).expect("save the screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
