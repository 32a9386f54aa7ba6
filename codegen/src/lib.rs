//! routekit's route model: scan a SvelteKit-style `src/routes` folder, validate it, sort its
//! routes in SvelteKit 2's priority order and match paths against them.
//!
//! This crate has no proc-macro machinery: the derive macro, build scripts and the `routekit`
//! command all call into it.
//!
//! ```no_run
//! let manifest = routekit_codegen::Manifest::from_dir("src/routes").unwrap_or_else(|errors| {
//!     eprintln!("{errors}");
//!     std::process::exit(1);
//! });
//! for route in manifest.servable_routes() {
//!     println!("{}", route.id);
//! }
//! ```

pub mod conflict;
#[cfg(feature = "emit")]
pub mod emit;
pub mod error;
mod escape;
#[cfg(feature = "emit")]
pub mod exports;
pub mod files;
pub mod manifest;
pub mod matchers;
pub mod plan;
pub mod regex_source;
pub mod resolve;
pub mod route_id;
pub mod scan;
pub mod sort;
pub mod table;
mod track;
pub mod validate;

#[cfg(feature = "reference")]
pub mod reference;

pub use error::{Error, ErrorKind, Errors};
pub use manifest::{Component, Manifest, Node, NodeKind, Page, Route};
pub use regex_source::{js_regex_source, rust_regex_source};
pub use resolve::{ResolveError, resolve_route};
pub use route_id::{Param, Part, RoutePattern, Segment, Shape, parse_route_id};
pub use sort::{compare_route_ids, sort_route_ids};
pub use track::{track, tracked_dirs};
