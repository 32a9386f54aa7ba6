//! The result of a generated `lookup`: the best match found so far while the trie is walked,
//! then the route a path reaches, with its raw param values.

use std::borrow::Cow;

use super::atoms::{Atom, match_atoms};
use super::exec::{ParamInfo, exec};

/// The best match found so far during a dispatch: the route's priority rank (lower wins) and
/// its param values in id order, borrowed from the path.
///
/// The values are borrowed slices, so that recording a match and dropping the result cost a
/// few stores. The one kind of value that is not a slice of the path (SvelteKit's `exec`
/// joining the values of optionals that a matcher rejected into a following rest) is kept
/// apart, in `joined`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch<'p, const N: usize> {
    /// The route's rank in SvelteKit's priority order; `u32::MAX` when nothing matched.
    pub rank: u32,
    borrowed: [Option<&'p str>; N],
    /// Values built by joining, by param index (their `borrowed` entry is `None`). Boxed, so
    /// that the usual match (none) is one null word to set and to drop.
    joined: Option<Box<[(usize, String)]>>,
}

impl<'p, const N: usize> RawMatch<'p, N> {
    /// No match yet.
    pub const NONE: Self = RawMatch {
        rank: u32::MAX,
        borrowed: [None; N],
        joined: None,
    };

    /// The raw (not yet percent-decoded) value of param `index`: `None` for an absent optional
    /// and past the route's params.
    pub fn value(&self, index: usize) -> Option<&str> {
        let mut joined = self.joined.as_deref().unwrap_or_default().iter();
        match joined.find(|(at, _)| *at == index) {
            Some((_, text)) => Some(text),
            None => self.borrowed.get(index).copied().flatten(),
        }
    }

    /// The `N` values in param order (see [`value`](Self::value)).
    pub fn values(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        (0..N).map(|index| self.value(index))
    }

    /// The `N` values in param order when all are slices of the path (no value was joined).
    pub fn borrowed(&self) -> Option<&[Option<&'p str>; N]> {
        self.joined.is_none().then_some(&self.borrowed)
    }

    /// Makes the route of rank `rank` the best match, with the first `SLOT` of `caps` (the
    /// params the trie captured on the way down) as its values.
    // Not inlined: one copy per `SLOT`, shared by every terminal of the generated code, stays in
    // the instruction cache. Inlined, its ~65 bytes of stores in every terminal made a
    // 10,000-route dispatch 13% larger, with 6% more I1 misses per random lookup (cachegrind)
    // for 2–4% fewer instructions.
    #[inline(never)]
    pub fn record<const SLOT: usize>(&mut self, rank: u32, caps: &[Option<&'p str>; N]) {
        self.rank = rank;
        for (index, value) in self.borrowed.iter_mut().enumerate() {
            *value = if index < SLOT { caps[index] } else { None };
        }
        if self.joined.is_some() {
            self.clear_joined();
        }
    }

    /// A terminal of the generated dispatch: records the route of rank `rank` (as
    /// [`record`](Self::record) does) when it beats the best match so far and the path ends at
    /// `offset`.
    // Inlined as `segment.rs`'s helpers are, and for the same reasons.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub fn end<const SLOT: usize>(
        &mut self,
        rank: u32,
        path: &str,
        offset: usize,
        caps: &[Option<&'p str>; N],
    ) {
        if rank < self.rank && super::segment::ends_at(path, offset) {
            self.record::<SLOT>(rank, caps);
        }
    }

    /// A route's tail in the generated dispatch (the part of its pattern the trie does not
    /// walk): matches `atoms` against the path from `offset`, runs SvelteKit's `exec` on the
    /// values with `params` and `accepts` (the matchers), and on success records the route of
    /// rank `rank` with the first `slot` of `caps` and those values
    /// ([`record_tail`](Self::record_tail)).
    #[expect(
        clippy::too_many_arguments,
        reason = "the dispatch's state, passed as it is"
    )]
    #[inline]
    pub fn tail<const COUNT: usize>(
        &mut self,
        rank: u32,
        path: &'p str,
        offset: usize,
        caps: &[Option<&'p str>; N],
        slot: usize,
        atoms: &[Atom],
        params: &[ParamInfo; COUNT],
        accepts: &mut dyn FnMut(usize, &str) -> bool,
    ) {
        let mut values: [Option<&'p str>; COUNT] = [None; COUNT];
        if let Some(rest) = path.get(offset..)
            && match_atoms(atoms, rest, &mut values)
        {
            let mut out: [Option<Cow<'p, str>>; COUNT] = [const { None }; COUNT];
            if exec(params, &values, accepts, &mut out) {
                self.record_tail(rank, caps, slot, &mut out);
            }
        }
    }

    /// Drops the joined values. Out of line and cold: inlined into every terminal of the
    /// generated code, the drop call made each about 25 bytes larger for a case that is rare.
    #[cold]
    #[inline(never)]
    fn clear_joined(&mut self) {
        self.joined = None;
    }

    /// Makes the route of rank `rank` the best match, with the first `slot` of `caps`, then
    /// `rest` (the values of a route's tail, as `exec` gave them), as its values.
    #[inline(never)]
    pub fn record_tail(
        &mut self,
        rank: u32,
        caps: &[Option<&'p str>; N],
        slot: usize,
        rest: &mut [Option<Cow<'p, str>>],
    ) {
        self.rank = rank;
        let mut joined = Vec::new();
        for (index, value) in self.borrowed.iter_mut().enumerate() {
            *value = match index.checked_sub(slot) {
                None => caps[index],
                Some(at) => match rest.get_mut(at).and_then(Option::take) {
                    Some(Cow::Borrowed(text)) => Some(text),
                    Some(Cow::Owned(text)) => {
                        joined.push((index, text));
                        None
                    }
                    None => None,
                },
            };
        }
        self.joined = (!joined.is_empty()).then(|| joined.into_boxed_slice());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_takes_the_captures_of_the_route() {
        let mut best = RawMatch::<'_, 3>::NONE;
        best.record::<2>(7, &[Some("x"), Some("y"), Some("z")]);
        best.record::<1>(4, &[Some("a"), Some("stale"), Some("stale")]);
        assert_eq!(best.rank, 4);
        assert_eq!(best.values().collect::<Vec<_>>(), [Some("a"), None, None]);
    }

    #[test]
    fn record_tail_keeps_joined_values_apart() {
        let mut best = RawMatch::<'_, 3>::NONE;
        let mut rest = [None, Some(Cow::Owned("foo/bar".to_owned()))];
        best.record_tail(2, &[Some("a"), Some("stale"), None], 1, &mut rest);
        assert_eq!(
            best.values().collect::<Vec<_>>(),
            [Some("a"), None, Some("foo/bar")]
        );
        best.record::<0>(1, &[None; 3]);
        assert_eq!(best.values().collect::<Vec<_>>(), [None, None, None]);
    }

    #[test]
    fn an_end_records_only_a_better_route_whose_path_ends_there() {
        let mut best = RawMatch::<'_, 1>::NONE;
        best.end::<1>(5, "/a/b", 2, &[Some("a")]);
        assert_eq!(best.rank, u32::MAX, "the path goes on");
        best.end::<1>(5, "/a/", 2, &[Some("a")]);
        assert_eq!((best.rank, best.value(0)), (5, Some("a")));
        best.end::<0>(6, "/a", 2, &[None]);
        assert_eq!(best.rank, 5, "a worse rank is not recorded");
    }

    #[test]
    fn a_tail_matches_its_atoms_then_exec_then_records() {
        let params = [ParamInfo {
            optional: false,
            rest: true,
            chained: true,
        }];
        let mut best = RawMatch::<'_, 2>::NONE;
        let caps = [Some("x"), None];
        let atoms = [Atom::RestSeg(0)];
        best.tail(
            3,
            "/files/a/b",
            6,
            &caps,
            1,
            &atoms,
            &params,
            &mut |_, _| true,
        );
        assert_eq!(best.rank, 3);
        assert_eq!(best.values().collect::<Vec<_>>(), [Some("x"), Some("a/b")]);
        // A matcher that refuses the value: nothing recorded.
        let mut best = RawMatch::<'_, 2>::NONE;
        best.tail(
            3,
            "/files/a/b",
            6,
            &caps,
            1,
            &atoms,
            &params,
            &mut |_, _| false,
        );
        assert_eq!(best.rank, u32::MAX);
    }
}
