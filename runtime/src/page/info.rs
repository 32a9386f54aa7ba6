//! The static description of an app's pages that `#[derive(Routes)]` generates.

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// `+layout.html` / `+layout.server.rs`.
    Layout,
    /// `+error.html`.
    Error,
    /// `+page.html` / `+page.server.rs`.
    Page,
}

/// A layout, error or page node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeInfo {
    /// What the node is.
    pub kind: NodeKind,
    /// Its template's name (its path under the routes folder), or `None` for routekit's
    /// built-in layout (`{{ children }}`) and error page, or a page without `+page.html`.
    pub template: Option<&'static str>,
    /// Whether its server module exports `load`.
    pub load: bool,
}

/// A route's page: its chain of layouts and error boundaries, level by level from the root,
/// as SvelteKit's manifest has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    /// Layout nodes from the root down; `None` where a level has an error boundary only.
    pub layouts: &'static [Option<usize>],
    /// Error nodes, level by level with `layouts`; `None` where a level has a layout only.
    pub errors: &'static [Option<usize>],
    /// The page's own node.
    pub leaf: usize,
    /// The names of its form actions (`default`, or the named ones), empty without
    /// `mod actions`.
    pub actions: &'static [&'static str],
}

impl PageInfo {
    /// The nodes whose loads run for the page, in order: the layouts (with their holes), then
    /// the leaf.
    pub(crate) fn chain(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.layouts
            .iter()
            .copied()
            .chain(std::iter::once(Some(self.leaf)))
    }
}
