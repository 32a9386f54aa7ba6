//! A real browser: headless Chromium (through `chromedriver`) opens `/login`, fills and
//! submits the form, and lands on `/dashboard` showing the user. The screenshot is saved as
//! `target/artifacts/dashboard.png`. Needs Debian's `chromium` and `chromium-driver` (`.ci/run`
//! installs them); without them the test fails and says so.

mod support;
#[path = "support/webdriver.rs"]
mod webdriver;

use std::path::PathBuf;

use support::*;
use webdriver::Browser;

/// `target/artifacts`, beside the build's `tmp` folder (whatever `CARGO_TARGET_DIR` is).
fn artifacts() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent()
        .map_or(tmp.clone(), |target| target.join("artifacts"))
}

#[test]
fn signing_in_in_a_browser_lands_on_the_dashboard() {
    let db = TempDb::new();
    let app = App::start(&db.path());
    let browser = Browser::start();

    browser.goto(&app.url("/dashboard"));
    browser.wait_for_url("/login");
    // Wrong password first: the page comes back with the message and the email kept.
    browser.fill("input[name=email]", "ann@example.com");
    browser.fill("input[name=password]", "wrong");
    browser.click("button[type=submit]");
    browser.wait_for_url("/login");
    assert_eq!(browser.text("p.error"), "Wrong email or password");

    browser.fill("input[name=password]", "ann-password");
    browser.click("button[type=submit]");
    browser.wait_for_url("/dashboard");
    assert_eq!(
        browser.text("p.me"),
        "Signed in as Ann Archer (ann@example.com)"
    );
    assert_eq!(browser.text("nav .user a"), "Ann Archer");
    let shot = artifacts().join("dashboard.png");
    browser.screenshot(&shot);
    eprintln!("screenshot: {}", shot.display());

    // Signing out through the nav's form.
    browser.click("nav form button");
    browser.wait_for_url("/");
    assert_eq!(browser.text("nav .user a"), "Sign in");
    drop(browser);
    assert!(app.stop().success());
}
