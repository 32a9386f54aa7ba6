//! Route matching at run time: the pieces generated dispatch code calls.
//!
//! The generated code walks a trie of the app's routes segment by segment; this module holds
//! the parts it shares: the generic backtracking matcher for the segments a trie edge cannot
//! match on its own ([`match_atoms`]), SvelteKit's `exec` ([`exec`]), and the match result.

mod atoms;
mod exec;
mod href;
mod raw_match;
mod segment;
mod values;

pub use atoms::{Atom, literal_len, match_atoms};
pub use exec::{ParamInfo, exec};
pub use href::{HrefError, HrefPart, href, shown, text};
pub use raw_match::RawMatch;
pub use segment::{after_segment, after_slash, capture, capture_if, ends_at, segment_at};
pub use values::{ParamsError, decode_param, decoded, decoded_optional, parsed, parsed_optional};

use crate::route::{Match, RouteInfo};

/// The public [`Match`] for a lookup's result: the route and its params, percent-decoded.
/// `None` when nothing matched or a value does not decode.
pub fn to_match<const N: usize>(
    routes: &'static [RouteInfo],
    raw: &RawMatch<'_, N>,
) -> Option<Match> {
    let rank = usize::try_from(raw.rank).ok()?;
    let route = routes.get(rank)?;
    let mut params = Vec::with_capacity(route.params.len());
    for (name, value) in route.params.iter().zip(raw.values()) {
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
