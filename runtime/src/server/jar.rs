//! The cookies one request sets, shared by every handler of that request and turned into
//! `Set-Cookie` headers on its final response; and the request's own `Cookie` header.

use std::borrow::Cow;

use axum::http::{HeaderMap, HeaderValue, header};
use cookie::Cookie;
use cookie::time::Duration;

/// The cookies set (or deleted) so far in one request, in the order they were first set. A
/// cookie replaces an earlier one with the same name, path and domain, as in a browser.
#[derive(Debug, Default)]
pub(crate) struct Jar {
    changes: Vec<Cookie<'static>>,
}

impl Jar {
    /// Records `cookie`, replacing the one with the same name, path and domain.
    pub(crate) fn put(&mut self, cookie: Cookie<'static>) {
        let same = |c: &Cookie<'_>| {
            c.name() == cookie.name() && c.path() == cookie.path() && c.domain() == cookie.domain()
        };
        match self.changes.iter_mut().find(|c| same(c)) {
            Some(earlier) => *earlier = cookie,
            None => self.changes.push(cookie),
        }
    }

    /// The most specific cookie named `name` set for a request to `host` and `path`: the one
    /// with the longest path (SvelteKit's `cookies.get`).
    pub(crate) fn find(&self, name: &str, host: &str, path: &str) -> Option<&Cookie<'static>> {
        self.applying_to(host, path)
            .filter(|c| c.name() == name)
            .max_by_key(|c| c.path().map_or(0, str::len))
    }

    /// The cookies set for a request to `host` and `path`, in the order they were set.
    pub(crate) fn applying_to<'j, 's>(
        &'j self,
        host: &'s str,
        path: &'s str,
    ) -> impl Iterator<Item = &'j Cookie<'static>> + use<'j, 's> {
        self.changes
            .iter()
            .filter(move |c| domain_matches(host, c.domain()) && path_matches(path, c.path()))
    }

    /// Appends one `Set-Cookie` per cookie to `headers`, names and values percent-encoded.
    pub(crate) fn write_set_cookies(&self, headers: &mut HeaderMap) {
        for cookie in &self.changes {
            match HeaderValue::try_from(cookie.encoded().to_string()) {
                Ok(value) => {
                    headers.append(header::SET_COOKIE, value);
                }
                // Only a path or domain with control characters gets here (`Cookies` refuses
                // them); the cookie is left out rather than sent broken.
                Err(_) => tracing::error!(name = cookie.name(), "routekit: cookie not sent"),
            }
        }
    }
}

/// Whether `cookie` deletes (expires) its cookie.
pub(crate) fn is_removal(cookie: &Cookie<'_>) -> bool {
    cookie.max_age().is_some_and(|age| age <= Duration::ZERO)
}

/// The `(name, value)` pairs of a request's `Cookie` header, values as sent (not decoded),
/// the first of two with one name winning (as the `cookie` package SvelteKit uses does).
pub(crate) fn request_cookies(header: &str) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for cookie in Cookie::split_parse(header).flatten() {
        let (Some(name), Some(value)) = (cookie.name_raw(), cookie.value_raw()) else {
            continue;
        };
        let value = trim_quotes(value);
        if !pairs.iter().any(|(n, _)| *n == name) {
            pairs.push((name, value));
        }
    }
    pairs
}

/// A cookie value percent-decoded, or as sent when it does not decode to UTF-8.
pub(crate) fn decode_value(value: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(value)
        .decode_utf8()
        .unwrap_or(Cow::Borrowed(value))
}

/// The request's `Cookie` headers as one (HTTP/2 sends one header per cookie).
pub(crate) fn cookie_header(headers: &HeaderMap) -> Option<String> {
    let mut joined: Option<String> = None;
    for value in headers.get_all(header::COOKIE) {
        let Ok(text) = value.to_str() else { continue };
        match &mut joined {
            Some(all) => {
                all.push_str("; ");
                all.push_str(text);
            }
            None => joined = Some(text.to_owned()),
        }
    }
    joined
}

fn trim_quotes(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

/// Whether a cookie with `domain` is sent to `host` (SvelteKit's `domain_matches`).
fn domain_matches(host: &str, domain: Option<&str>) -> bool {
    let Some(domain) = domain else { return true };
    let domain = domain.strip_prefix('.').unwrap_or(domain);
    if host.eq_ignore_ascii_case(domain) {
        return true;
    }
    let Some(split) = host.len().checked_sub(domain.len() + 1) else {
        return false;
    };
    host.as_bytes().get(split) == Some(&b'.')
        && host
            .get(split + 1..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(domain))
}

/// Whether a cookie with `constraint` as its path is sent to `path` (SvelteKit's
/// `path_matches`).
fn path_matches(path: &str, constraint: Option<&str>) -> bool {
    let Some(constraint) = constraint else {
        return true;
    };
    let constraint = constraint.strip_suffix('/').unwrap_or(constraint);
    path == constraint
        || path
            .strip_prefix(constraint)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_cookies_keep_the_first_of_a_name() {
        assert_eq!(
            request_cookies("a=1; b=\"two\";a=3; junk; =x; c=%20"),
            [("a", "1"), ("b", "two"), ("c", "%20")]
        );
        assert_eq!(decode_value("%20%E2%9C%93"), " ✓");
        assert_eq!(decode_value("%FF"), "%FF");
    }

    #[test]
    fn domains_and_paths_match_as_in_sveltekit() {
        assert!(domain_matches("a.example.com", Some(".example.com")));
        assert!(domain_matches("example.com", Some("example.com")));
        assert!(!domain_matches("badexample.com", Some("example.com")));
        assert!(path_matches("/a/b", Some("/a")));
        assert!(path_matches("/a", Some("/a/")));
        assert!(!path_matches("/ab", Some("/a")));
        assert!(path_matches("/anything", Some("/")));
    }

    #[test]
    fn a_cookie_replaces_the_one_with_its_name_path_and_domain() {
        let mut jar = Jar::default();
        jar.put(Cookie::build(("a", "1")).path("/").build());
        jar.put(Cookie::build(("a", "2")).path("/x").build());
        jar.put(Cookie::build(("a", "3")).path("/").build());
        assert_eq!(jar.changes.len(), 2);
        assert_eq!(jar.find("a", "h", "/x/y").map(Cookie::value), Some("2"));
        assert_eq!(jar.find("a", "h", "/").map(Cookie::value), Some("3"));
    }
}
