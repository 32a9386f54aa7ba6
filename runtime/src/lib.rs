//! routekit: SvelteKit's filesystem routing for axum.
//!
//! This crate is what applications depend on. So far it holds the request-path helpers that
//! reproduce SvelteKit 2's rules: [`negotiate`] (content negotiation on `Accept`),
//! [`normalize_path`] (trailing-slash policy) and [`decode_pathname`] (SvelteKit's partial
//! percent-decoding of request paths).

mod matching;
pub mod negotiate;
mod page;
pub mod path;
mod route;
mod server;

/// The `cookie` crate, for [`Cookies::set_with`]'s `Cookie` builder.
pub use cookie;
pub use negotiate::negotiate;
pub use page::{
    Action, ActionOutput, ActionResult, Load, LoadOutput, NodeInfo, NodeKind, PageInfo, Parent,
    Templates,
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

/// Items generated code uses. Not a public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::matching::*;
    pub use crate::page::{BoxFuture, NodeData};
    pub use crate::server::{ResponseFuture, no_such_handler, params_from_parts, respond};
    pub use axum;
    pub use minijinja;
}
