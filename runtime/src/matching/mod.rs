//! Route matching at run time: the pieces generated dispatch code calls.
//!
//! The generated code walks a trie of the app's routes segment by segment; this module holds
//! the parts it shares: the generic backtracking matcher for the segments a trie edge cannot
//! match on its own ([`match_atoms`]), SvelteKit's `exec` ([`exec`]), and the match result.

mod atoms;
mod exec;
mod href;

use std::borrow::Cow;

pub use atoms::{Atom, literal_len, match_atoms};
pub use exec::{ParamInfo, exec};
pub use href::{HrefError, ParamsError, decode_param, finish_href, push_param};

use crate::route::{Match, RouteInfo};

/// The best match found so far during a dispatch: the route's priority rank (lower wins) and
/// its param values in id order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch<'p, const N: usize> {
    /// The route's rank in SvelteKit's priority order; `u32::MAX` when nothing matched.
    pub rank: u32,
    /// The route's param values; `None` for an absent optional (and past the route's params).
    pub values: [Option<Cow<'p, str>>; N],
}

impl<const N: usize> RawMatch<'_, N> {
    /// No match yet.
    pub const NONE: Self = RawMatch {
        rank: u32::MAX,
        values: [const { None }; N],
    };
}

/// The segment that starts at `offset` (which holds a `/`), up to the next `/` or the end, or
/// `None` when the path has no segment there.
#[inline]
pub fn segment_at(path: &str, offset: usize) -> Option<&str> {
    let rest = path.get(offset..)?.strip_prefix('/')?;
    let len = rest.bytes().position(|b| b == b'/').unwrap_or(rest.len());
    Some(&rest[..len])
}

/// Whether the path ends at `offset`, allowing one trailing slash (SvelteKit's `/?$`).
#[inline]
pub fn ends_at(path: &str, offset: usize) -> bool {
    matches!(path.get(offset..), Some("" | "/"))
}

/// The public [`Match`] for a lookup's result: the route and its params, percent-decoded.
/// `None` when nothing matched or a value does not decode.
pub fn to_match<const N: usize>(
    routes: &'static [RouteInfo],
    raw: &RawMatch<'_, N>,
) -> Option<Match> {
    let rank = usize::try_from(raw.rank).ok()?;
    let route = routes.get(rank)?;
    let mut params = Vec::with_capacity(route.params.len());
    for (name, value) in route.params.iter().zip(&raw.values) {
        if let Some(value) = value {
            params.push((*name, decode_param(value).ok()?));
        }
    }
    Some(Match {
        route,
        rank,
        params,
    })
}
