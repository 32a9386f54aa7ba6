//! routekit: SvelteKit's filesystem routing for axum.
//!
//! Write a `src/routes` folder as in SvelteKit (`blog/[slug]`, `[[lang]]/home`,
//! `files/[...path]`, `(group)`, `+page@.html`) with Rust route files and minijinja templates,
//! derive [`Routes`] on a struct, and serve `App::router()`, a plain `axum::Router`:
//!
//! ```rust,ignore
//! #[derive(routekit::Routes)]
//! #[routes(dir = "src/routes", state = AppState)]
//! struct App;
//!
//! let app = App::router().with_state(state);
//! axum::serve(tokio::net::TcpListener::bind("127.0.0.1:3000").await?, app).await?;
//! ```
//!
//! - `+server.rs` exports axum handlers named after HTTP methods (`GET`, `POST`, …,
//!   `fallback`);
//! - `+page.server.rs` / `+layout.server.rs` export a `load` (see [`Load`]) and, for pages,
//!   `mod actions` (see [`Action`]); `+page.html`, `+layout.html` and `+error.html` render
//!   their data;
//! - `src/hooks.server.rs` may export `handle` (see [`Handle`]) and `handle_error` (see
//!   [`UnexpectedError`]);
//! - handlers take routekit's extractors ([`Cookies`], [`RequestEvent`], [`Locals`],
//!   [`Parent`], the route's generated `Params`) next to axum's, and return [`Error`]s built
//!   with [`error()`], [`redirect()`] and [`fail()`].
//!
//! The request-path helpers reproduce SvelteKit 2's rules: [`negotiate()`] (content
//! negotiation on `Accept`), [`normalize_path`] (trailing-slash policy) and
//! [`decode_pathname`] (SvelteKit's partial percent-decoding of request paths).

mod matching;
pub mod negotiate;
mod no_params;
mod page;
mod params_extractor;
pub mod path;
mod route;
mod server;

/// The `cookie` crate, for [`Cookies::set_with`]'s `Cookie` builder.
pub use cookie;
pub use negotiate::negotiate;
pub use no_params::NoParams;
pub use page::{
    Action, ActionOutput, ActionResult, Load, LoadOutput, NodeInfo, NodeKind, PageInfo, Parent,
    TemplateError, TemplateVars,
};
pub use path::{
    MalformedUri, TrailingSlash, decode_pathname, decode_uri_component, normalize_path,
};
pub use route::{Match, RouteInfo};
pub use routekit_macros::Routes;
pub use server::{
    Cookies, Handle, Locals, Options, RequestEvent, Resolve, UnexpectedError, router_with,
};
pub use server::{Error, ErrorBody, RouteMatch, RouteTable, error, fail, json, redirect, router};
pub use server::{RouteService, ServiceFuture, service, service_with};

/// Items generated code uses. Not a public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::matching::*;
    pub use crate::no_params::StaticRoute;
    pub use crate::page::{BoxFuture, NodeData, Templates};
    pub use crate::server::{ResponseFuture, no_such_handler, params_from_parts, respond};
    pub use axum;

    /// The app state type `#[routes(state = T)]` names, given by the derive next to the
    /// struct (where `T`'s name resolves) so that the rest of the generated code, which may
    /// come from the build script's output, can name it as `<App as StateType>::State`.
    pub trait StateType {
        /// The app state.
        type State: Clone + Send + Sync + 'static;
    }
}
