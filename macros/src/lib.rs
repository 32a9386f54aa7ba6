//! routekit's proc macros. `#[derive(Routes)]` is not implemented yet: it is the subject of the
//! next milestone (see the README's status section). This crate exports nothing until then.
