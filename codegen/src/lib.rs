//! routekit's route model: scan a SvelteKit-style `src/routes` folder, validate it, sort its
//! routes in SvelteKit 2's priority order and match paths against them.
//!
//! This crate has no proc-macro machinery: the derive macro, build scripts and the `routekit`
//! command all call into it.

pub mod error;
mod escape;
pub mod route_id;

pub use error::{Error, ErrorKind, Errors};
pub use route_id::{Param, Part, RoutePattern, Segment, Shape, parse_route_id};
