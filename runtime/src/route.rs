//! What the derive macro generates for an app, seen from the outside: the route table and the
//! result of resolving a path.

/// One route of the app's manifest, in SvelteKit's priority order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteInfo {
    /// The route id: `/blog/[slug]`.
    pub id: &'static str,
    /// The names of its params, in order.
    pub params: &'static [&'static str],
    /// Whether the route has a page (`+page.html` or `+page.server.rs`).
    pub page: bool,
    /// Whether the route has a `+server.rs`.
    pub endpoint: bool,
    /// The HTTP methods its `+server.rs` exports, in SvelteKit's order (empty without one).
    pub methods: &'static [&'static str],
    /// Whether its `+server.rs` exports `fallback`.
    pub fallback: bool,
    /// Its route files, relative to the routes folder.
    pub files: &'static [&'static str],
    /// Its trailing-slash policy (`pub const TRAILING_SLASH` in its route files).
    pub trailing_slash: crate::TrailingSlash,
}

/// The route a path reaches and its params, percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The route.
    pub route: &'static RouteInfo,
    /// The route's rank in priority order (its index in `App::routes()`).
    pub rank: usize,
    /// The params that are present, in order: `(name, decoded value)`.
    pub params: Vec<(&'static str, String)>,
}

impl Match {
    /// The value of the param `name`, if present.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}
