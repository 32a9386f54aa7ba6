//! Route matching at run time: the pieces generated dispatch code calls.
//!
//! The generated code walks a trie of the app's routes segment by segment; this module holds
//! the parts it shares: the generic backtracking matcher for the segments a trie edge cannot
//! match on its own ([`match_atoms`]), SvelteKit's `exec` ([`exec`]), and the match result.

mod atoms;
mod exec;
mod href;
mod values;

use std::borrow::Cow;

pub use atoms::{Atom, literal_len, match_atoms};
pub use exec::{ParamInfo, exec};
pub use href::{HrefError, HrefPart, href, shown, text};
pub use values::{ParamsError, decode_param, decoded, decoded_optional, parsed, parsed_optional};

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

impl<'p, const N: usize> RawMatch<'p, N> {
    /// No match yet.
    pub const NONE: Self = RawMatch {
        rank: u32::MAX,
        values: [const { None }; N],
    };

    /// Makes the route of rank `rank` the best match: its values are `caps` (the params
    /// captured by the trie on the way down), then `rest` (taken), then `None`.
    #[inline]
    pub fn record(
        &mut self,
        rank: u32,
        caps: &[Option<&'p str>],
        rest: &mut [Option<Cow<'p, str>>],
    ) {
        self.rank = rank;
        // `zip` asks its first iterator first: `values` only advances while there is a value.
        let mut values = self.values.iter_mut();
        for (cap, value) in caps.iter().zip(values.by_ref()) {
            *value = cap.map(Cow::Borrowed);
        }
        for (taken, value) in rest.iter_mut().zip(values.by_ref()) {
            *value = taken.take();
        }
        for value in values {
            *value = None;
        }
    }
}

/// The segment that starts at `offset` (which holds a `/`), up to the next `/` or the end, or
/// `None` when the path has no segment there.
#[inline]
pub fn segment_at(path: &str, offset: usize) -> Option<&str> {
    let bytes = path.as_bytes();
    if bytes.get(offset) != Some(&b'/') {
        return None;
    }
    let start = offset + 1;
    let len = find_slash(&bytes[start..]);
    // Both ends are at a `/` or the end of the path, so they are char boundaries.
    path.get(start..start + len)
}

/// The index of the first `/` in `bytes`, or its length: eight bytes at a time, since
/// segments such as commit hashes are long.
#[inline]
fn find_slash(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const SLASHES: u64 = u64::from_le_bytes([b'/'; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) ^ SLASHES;
        // A zero byte in `word` is a `/`; the lowest flagged byte is always the first one.
        let zeros = word.wrapping_sub(ONES) & !word & HIGHS;
        if zeros != 0 {
            return at + (zeros.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = chunks.remainder();
    at + tail.iter().position(|&b| b == b'/').unwrap_or(tail.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_end_at_the_next_slash() {
        assert_eq!(segment_at("/repos/x", 0), Some("repos"));
        assert_eq!(segment_at("/repos/x", 6), Some("x"));
        assert_eq!(segment_at("/repos/x", 8), None);
        assert_eq!(segment_at("/repos//", 6), Some(""));
        assert_eq!(segment_at("/repos", 3), None);
        let sha = "/0123456789abcdef0123456789abcdef01234567/x";
        assert_eq!(segment_at(sha, 0), Some(&sha[1..41]));
        for len in 0..20 {
            let text = format!("/{}/é/", "é".repeat(len));
            assert_eq!(segment_at(&text, 0).map(str::len), Some(2 * len));
        }
    }

    #[test]
    fn record_fills_captures_then_the_rest() {
        let mut best = RawMatch::<'_, 3>::NONE;
        best.values[2] = Some(Cow::Borrowed("stale"));
        best.record(4, &[Some("a")], &mut [Some(Cow::Borrowed("b"))]);
        assert_eq!(best.rank, 4);
        assert_eq!(best.values, [Some("a".into()), Some("b".into()), None]);
    }
}
