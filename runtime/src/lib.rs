//! routekit: SvelteKit's filesystem routing for axum.
//!
//! This crate is what applications depend on. So far it holds the request-path helpers that
//! reproduce SvelteKit 2's rules: [`negotiate`] (content negotiation on `Accept`),
//! [`normalize_path`] (trailing-slash policy) and [`decode_pathname`] (SvelteKit's partial
//! percent-decoding of request paths).

pub mod negotiate;
pub mod path;

pub use negotiate::negotiate;
pub use path::{
    MalformedUri, TrailingSlash, decode_pathname, decode_uri_component, normalize_path,
};
