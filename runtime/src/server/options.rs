//! What an app can configure about how its routes are served: `routekit::router_with`.

use super::origin;

/// How `App::router_with(options)` serves the app. `Options::default()` is what
/// `App::router()` uses: cross-site form submissions are refused, no origin is trusted.
///
/// ```
/// let options = routekit::Options::default()
///     .trusted_origins(["https://checkout.example.com"])
///     .csrf_check(true);
/// # let _ = options;
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    pub(crate) csrf_check: bool,
    /// Normalized (`scheme://host[:port]`, lowercase, default port dropped) where they parse,
    /// as given otherwise.
    pub(crate) trusted_origins: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            csrf_check: true,
            trusted_origins: Vec::new(),
        }
    }
}

impl Options {
    /// Whether a `POST`, `PUT`, `PATCH` or `DELETE` with a form body whose `Origin` is not the
    /// request's own origin nor a trusted one is refused with 403 (SvelteKit's
    /// `csrf.checkOrigin`; on by default). Turn it off only when something in front of the app
    /// does this check.
    pub fn csrf_check(mut self, on: bool) -> Self {
        self.csrf_check = on;
        self
    }

    /// The origins (`https://example.com`, as browsers send them in `Origin`) whose form
    /// submissions are accepted although they are not the request's own origin (SvelteKit's
    /// `csrf.trustedOrigins`). Replaces the list set before.
    pub fn trusted_origins<I, S>(mut self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.trusted_origins = origins
            .into_iter()
            .map(|origin| {
                let origin = origin.into();
                origin::normalize_origin_header(&origin).unwrap_or(origin)
            })
            .collect();
        self
    }

    /// Whether `origin` (an `Origin` header, normalized) is trusted.
    pub(crate) fn trusts(&self, origin: &str) -> bool {
        self.trusted_origins.iter().any(|trusted| trusted == origin)
    }
}
