//! `routekit::Cookies`: read the request's cookies and set new ones, with SvelteKit's safe
//! defaults (`HttpOnly`, `Secure` except on `http://localhost`, `SameSite=Lax`, `Path=/`).

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use cookie::time::Duration;
use cookie::{Cookie, SameSite};

use super::context::Context;
use super::error::error_response;
use super::jar::{cookie_header, decode_value, is_removal, request_cookies};
use super::origin::RequestOrigin;

/// The cookies of a request (SvelteKit's `event.cookies`), an axum extractor.
///
/// Every handler of one request shares one jar: a cookie set by one is seen by the next, and
/// the dispatcher sends a `Set-Cookie` for each on the final response, an error response
/// included. Values are percent-encoded when sent and decoded when read.
///
/// ```
/// async fn handler(cookies: routekit::Cookies) -> String {
///     let visits = cookies.get("visits").and_then(|v| v.parse().ok()).unwrap_or(0u32);
///     cookies.set("visits", (visits + 1).to_string());
///     format!("visit {}", visits + 1)
/// }
/// ```
#[derive(Clone)]
pub struct Cookies {
    context: Context,
    /// The request's `Cookie` header(s).
    header: Option<String>,
    host: String,
    path: String,
    /// Whether cookies are `Secure` unless told otherwise.
    secure: bool,
}

impl Cookies {
    /// The cookies of a request that went through routekit's dispatcher.
    pub(crate) fn from_parts(parts: &Parts, origin: &RequestOrigin) -> Option<Self> {
        Some(Cookies {
            context: Context::of(&parts.extensions)?.clone(),
            header: cookie_header(&parts.headers),
            host: origin.host().to_owned(),
            path: parts.uri.path().to_owned(),
            secure: !origin.is_local_http(),
        })
    }

    /// The value of the cookie `name`: the one set during this request for this path if any
    /// (`None` once deleted), else the one the request sent.
    pub fn get(&self, name: &str) -> Option<String> {
        if let Some(set) = self.context.jar().find(name, &self.host, &self.path) {
            return (!is_removal(set)).then(|| set.value().to_owned());
        }
        let header = self.header.as_deref()?;
        request_cookies(header)
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| decode_value(value).into_owned())
    }

    /// Every cookie, as [`Cookies::get`] sees them, as `(name, value)` pairs.
    pub fn get_all(&self) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = request_cookies(self.header.as_deref().unwrap_or(""))
            .into_iter()
            .map(|(name, value)| (name.to_owned(), decode_value(value).into_owned()))
            .collect();
        let jar = self.context.jar();
        let set = jar.applying_to(&self.host, &self.path);
        let mut names: Vec<&str> = set.map(Cookie::name).collect();
        names.dedup();
        for name in names {
            all.retain(|(n, _)| n != name);
            if let Some(cookie) = jar
                .find(name, &self.host, &self.path)
                .filter(|c| !is_removal(c))
            {
                all.push((name.to_owned(), cookie.value().to_owned()));
            }
        }
        all
    }

    /// Sets the cookie `name` to `value` with the defaults: `HttpOnly`, `SameSite=Lax`,
    /// `Path=/`, and `Secure` unless the request is plain HTTP to `localhost`, `127.0.0.1`
    /// or `[::1]`. A session cookie: use [`Cookies::set_with`] for `Max-Age` and the rest.
    pub fn set(&self, name: impl Into<String>, value: impl Into<String>) {
        self.set_with(Cookie::new(name.into(), value.into()));
    }

    /// Sets `cookie`; each option it leaves unset takes the default of [`Cookies::set`]:
    ///
    /// ```
    /// use routekit::cookie::{Cookie, SameSite, time::Duration};
    ///
    /// fn remember(cookies: &routekit::Cookies, theme: &str) {
    ///     cookies.set_with(
    ///         Cookie::build(("theme", theme.to_owned()))
    ///             .http_only(false)
    ///             .same_site(SameSite::Strict)
    ///             .max_age(Duration::days(365)),
    ///     );
    /// }
    /// ```
    ///
    /// A path or domain holding `;` or a control character would break the header: such a
    /// cookie is not set, and the mistake is logged.
    pub fn set_with(&self, cookie: impl Into<Cookie<'static>>) {
        let mut cookie = cookie.into();
        let unsafe_text = |text: Option<&str>| {
            text.is_some_and(|t| t.chars().any(|c| c == ';' || c.is_control()))
        };
        if unsafe_text(cookie.path()) || unsafe_text(cookie.domain()) {
            tracing::error!(
                name = cookie.name(),
                "routekit: cookie not set: its path or domain holds `;` or a control character"
            );
            return;
        }
        if cookie.http_only().is_none() {
            cookie.set_http_only(true);
        }
        if cookie.secure().is_none() {
            cookie.set_secure(self.secure);
        }
        if cookie.same_site().is_none() {
            cookie.set_same_site(SameSite::Lax);
        }
        if cookie.path().is_none() {
            cookie.set_path("/");
        }
        self.context.jar().put(cookie);
    }

    /// Deletes the cookie `name` at path `/`: sets it empty with `Max-Age=0`.
    pub fn delete(&self, name: impl Into<String>) {
        self.delete_with(Cookie::new(name.into(), ""));
    }

    /// Deletes `cookie` (its name, path and domain; the options of [`Cookies::set_with`]).
    /// A cookie set with a path or domain is deleted only with the same ones.
    pub fn delete_with(&self, cookie: impl Into<Cookie<'static>>) {
        let mut cookie = cookie.into();
        cookie.set_value("");
        cookie.unset_expires();
        cookie.set_max_age(Duration::ZERO);
        self.set_with(cookie);
    }

    /// The request's own `Cookie` header(s), as sent.
    pub(crate) fn request_header(&self) -> Option<&str> {
        self.header.as_deref()
    }
}

impl std::fmt::Debug for Cookies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Cookie values are often secrets: only the names are shown.
        let names: Vec<String> = self.get_all().into_iter().map(|(name, _)| name).collect();
        f.debug_struct("Cookies").field("names", &names).finish()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Cookies {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let origin = RequestOrigin::of(&parts.uri, &parts.headers);
        Cookies::from_parts(parts, &origin).ok_or_else(outside_routekit)
    }
}

/// The rejection of routekit's request extractors in a handler routekit did not call.
pub(crate) fn outside_routekit() -> Response {
    error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "routekit's Cookies and RequestEvent are only available in the handlers of routekit's routes"
            .to_owned(),
    )
}
