//! The origin a request was made to: SvelteKit's `url.origin`, which the CSRF check, the
//! cookie defaults, `RequestEvent::url` and `event.fetch` all start from.
//!
//! SvelteKit gets it from its adapter; routekit reads it from the request, in this order:
//!
//! - the scheme: the request URI's (HTTP/2 and absolute-form requests carry one), else the
//!   first `X-Forwarded-Proto` value when it is `http` or `https` (set by the TLS-terminating
//!   proxy in front of the app), else `http` (what `axum::serve` speaks);
//! - the host and port: the request URI's authority, else the `Host` header; a request that
//!   names no valid host (HTTP/1.0 clients, requests built by hand in tests) is taken to be
//!   for `localhost`.
//!
//! Trusting these headers is safe for what they are used for: a browser, which is what a
//! cross-site request forgery drives, always sends the `Host` it connects to and cannot be
//! made to send `X-Forwarded-Proto` cross-site; a client that forges them only fools itself.
//! Host and scheme are lowercased and a default port (80 for http, 443 for https) is dropped,
//! as in a browser's `Origin`.

use axum::http::uri::{Authority, PathAndQuery, Scheme};
use axum::http::{HeaderMap, Uri, header};

/// The origin a request was made to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RequestOrigin {
    /// `http` or `https`.
    scheme: &'static str,
    /// `host[:port]`, lowercase, without a default port.
    authority: String,
    /// The length of the host in `authority`.
    host_len: usize,
}

impl RequestOrigin {
    /// The origin of a request with this URI and these headers.
    pub(crate) fn of(uri: &Uri, headers: &HeaderMap) -> Self {
        let scheme = match uri.scheme_str() {
            Some(scheme) if scheme.eq_ignore_ascii_case("https") => "https",
            Some(scheme) if scheme.eq_ignore_ascii_case("http") => "http",
            _ => forwarded_proto(headers).unwrap_or("http"),
        };
        let authority = uri
            .authority()
            .cloned()
            .or_else(|| host_header(headers))
            .filter(|authority| !authority.host().is_empty());
        let (host, port) = match &authority {
            Some(authority) => (authority.host(), authority.port_u16()),
            None => ("localhost", None),
        };
        let host = host.to_ascii_lowercase();
        let host_len = host.len();
        let authority = match port.filter(|port| Some(*port) != default_port(scheme)) {
            Some(port) => format!("{host}:{port}"),
            None => host,
        };
        RequestOrigin {
            scheme,
            authority,
            host_len,
        }
    }

    /// The scheme: `http` or `https`.
    pub(crate) fn scheme(&self) -> &'static str {
        self.scheme
    }

    /// `host[:port]`.
    pub(crate) fn authority(&self) -> &str {
        &self.authority
    }

    /// The host name (an IPv6 address keeps its brackets).
    pub(crate) fn host(&self) -> &str {
        &self.authority[..self.host_len]
    }

    /// Whether `origin` (as [`normalize_origin_header`] gives it) is this origin.
    pub(crate) fn is(&self, origin: &str) -> bool {
        origin
            .strip_prefix(self.scheme)
            .and_then(|rest| rest.strip_prefix("://"))
            == Some(self.authority.as_str())
    }

    /// Whether this is plain HTTP to the local machine, where browsers drop `Secure` cookies.
    pub(crate) fn is_local_http(&self) -> bool {
        self.scheme == "http" && matches!(self.host(), "localhost" | "127.0.0.1" | "[::1]")
    }

    /// The absolute URL of `path_and_query` on this origin.
    pub(crate) fn url(&self, path_and_query: Option<&PathAndQuery>) -> Uri {
        let scheme = if self.scheme == "https" {
            Scheme::HTTPS
        } else {
            Scheme::HTTP
        };
        let path_and_query = path_and_query
            .cloned()
            .unwrap_or_else(|| PathAndQuery::from_static("/"));
        // Both halves were parsed already, so building cannot fail; the fallback keeps the
        // path should that ever change.
        Uri::builder()
            .scheme(scheme)
            .authority(self.authority.as_str())
            .path_and_query(path_and_query.clone())
            .build()
            .unwrap_or_else(|_| Uri::from(path_and_query))
    }
}

/// An `Origin` header (or a trusted origin) as `scheme://host[:port]`, lowercase, without a
/// default port; `None` for `null` and anything else that is not an origin.
pub(crate) fn normalize_origin_header(origin: &str) -> Option<String> {
    let uri: Uri = origin.parse().ok()?;
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    let authority = uri.authority()?;
    let bare = matches!(uri.path(), "" | "/") && uri.query().is_none();
    if !bare || authority.as_str().contains('@') || authority.host().is_empty() {
        return None;
    }
    let host = authority.host().to_ascii_lowercase();
    Some(
        match authority
            .port_u16()
            .filter(|port| Some(*port) != default_port(&scheme))
        {
            Some(port) => format!("{scheme}://{host}:{port}"),
            None => format!("{scheme}://{host}"),
        },
    )
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

/// `Host`, when it is a valid `host[:port]` (no user info).
fn host_header(headers: &HeaderMap) -> Option<Authority> {
    let text = headers.get(header::HOST)?.to_str().ok()?;
    if text.contains('@') {
        return None;
    }
    text.parse().ok()
}

fn forwarded_proto(headers: &HeaderMap) -> Option<&'static str> {
    let value = headers.get("x-forwarded-proto")?.to_str().ok()?;
    let first = value.split(',').next()?.trim();
    if first.eq_ignore_ascii_case("https") {
        Some("https")
    } else if first.eq_ignore_ascii_case("http") {
        Some("http")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(uri: &str, headers: &[(&str, &str)]) -> RequestOrigin {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(
                header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        RequestOrigin::of(&uri.parse().unwrap(), &map)
    }

    #[test]
    fn the_origin_comes_from_the_uri_then_the_headers() {
        let o = origin("https://Example.com:443/a", &[("host", "other.org")]);
        assert!(o.is("https://example.com"));
        let o = origin("/a", &[("host", "Example.com:8080")]);
        assert!(o.is("http://example.com:8080"));
        assert_eq!(o.host(), "example.com");
        let o = origin(
            "/a",
            &[
                ("host", "example.com"),
                ("x-forwarded-proto", "https, http"),
            ],
        );
        assert!(o.is("https://example.com"));
        let o = origin(
            "/a",
            &[("host", "example.com"), ("x-forwarded-proto", "ftp")],
        );
        assert!(o.is("http://example.com"));
        let o = origin("/a", &[("host", "[::1]:3000")]);
        assert_eq!(o.host(), "[::1]");
        assert!(o.is_local_http());
    }

    #[test]
    fn a_request_without_a_valid_host_is_for_localhost() {
        assert!(origin("/a", &[]).is("http://localhost"));
        assert!(origin("/a", &[("host", "user@evil.com")]).is("http://localhost"));
        assert!(origin("/a", &[("host", ":80")]).is("http://localhost"));
        assert!(origin("/a", &[("host", "bad host")]).is("http://localhost"));
    }

    #[test]
    fn secure_cookies_are_dropped_only_on_local_http() {
        assert!(origin("/", &[("host", "127.0.0.1:3000")]).is_local_http());
        assert!(!origin("https://localhost/", &[]).is_local_http());
        assert!(!origin("/", &[("host", "example.com")]).is_local_http());
    }

    #[test]
    fn origin_headers_are_normalized() {
        assert_eq!(
            normalize_origin_header("HTTPS://Example.COM:443").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(
            normalize_origin_header("http://a.com:8080/").as_deref(),
            Some("http://a.com:8080")
        );
        assert_eq!(normalize_origin_header("null"), None);
        assert_eq!(normalize_origin_header("http://a.com/x"), None);
        assert_eq!(normalize_origin_header("http://u@a.com"), None);
        assert_eq!(normalize_origin_header(""), None);
    }

    #[test]
    fn urls_are_absolute() {
        let o = origin("/a/b?c=1", &[("host", "example.com")]);
        let uri: Uri = "/a/b?c=1".parse().unwrap();
        assert_eq!(
            o.url(uri.path_and_query()).to_string(),
            "http://example.com/a/b?c=1"
        );
    }
}
