//! The generic route matcher: a route pattern as a list of atoms, matched with the exact
//! backtracking order of the regular expression SvelteKit 2 builds for it (§2).
//!
//! Generated dispatch code matches most segments itself; it calls this for the parts that can
//! span several segments or need backtracking (`[[optional]]`, `[...rest]`, `[a]-[b]`, static
//! text holding `%`, `/`, `?` or `#`).

/// One piece of a route pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// A segment separator: `/`.
    Slash,
    /// Static text (NFC, escapes decoded). In the path `%`, `/`, `?`, `#` appear encoded.
    Lit(&'static str),
    /// `[x]` inside a segment: `([^/]+?)`, into slot `.0`.
    Required(usize),
    /// `[[x]]` inside a segment: `([^/]*)?`, absent rather than empty.
    InOptional(usize),
    /// `[...x]` inside a segment: `([^]*?)`, may span segments, may be empty.
    InRest(usize),
    /// A whole `[[x]]` segment: `(?:/([^/]+))?`.
    OptSeg(usize),
    /// A whole `[...x]` segment: `(?:/([^]*))?`.
    RestSeg(usize),
}

/// Matches `atoms` followed by SvelteKit's `/?$` against the whole of `path`, writing each
/// capture into `slots`. Returns whether it matched; on a match every slot an atom names holds
/// that atom's capture (`None` for an absent optional).
///
/// The answer is the first match of SvelteKit's regex, found by backtracking in the regex's
/// order. Plain backtracking is exponential in the number of variable-length atoms on a
/// hostile path (`/[...a]/x/[...b]/x/[...c]/y` against thousands of `/x` without the `/y`), so
/// past a step budget linear in the path's length the match starts again with memos (see
/// [`Memo`]) that try each (atom, position) state at most once: the same first match, in
/// about `atoms × path length` steps.
pub fn match_atoms<'p>(atoms: &[Atom], path: &'p str, slots: &mut [Option<&'p str>]) -> bool {
    let mut budget = STEPS_BEFORE_MEMO + 4 * path.len();
    match match_from(atoms, path, 0, slots, &mut budget) {
        Some(found) => found,
        None => Memo::new(atoms, path).run(0, 0, slots),
    }
}

/// The steps plain backtracking may take (plus four per byte of the path) before the match
/// starts again with memos. Ordinary paths take a few dozen.
const STEPS_BEFORE_MEMO: usize = 256;

/// Plain backtracking: `None` when the budget runs out first.
fn match_from<'p>(
    atoms: &[Atom],
    path: &'p str,
    pos: usize,
    slots: &mut [Option<&'p str>],
    budget: &mut usize,
) -> Option<bool> {
    *budget = budget.checked_sub(1)?;
    let Some((atom, rest)) = atoms.split_first() else {
        // `/?$`
        let tail = &path[pos..];
        return Some(tail.is_empty() || tail == "/");
    };
    let bytes = path.as_bytes();
    match *atom {
        Atom::Slash => {
            if bytes.get(pos) == Some(&b'/') {
                match_from(rest, path, pos + 1, slots, budget)
            } else {
                Some(false)
            }
        }
        Atom::Lit(text) => match literal_len(path, pos, text) {
            Some(len) => match_from(rest, path, pos + len, slots, budget),
            None => Some(false),
        },
        Atom::Required(slot) => {
            // Lazy: the shortest non-empty run first.
            let end = segment_end(path, pos);
            for stop in boundaries(path, pos + 1, end) {
                slots[slot] = Some(&path[pos..stop]);
                if match_from(rest, path, stop, slots, budget)? {
                    return Some(true);
                }
            }
            Some(false)
        }
        Atom::InOptional(slot) => {
            // Greedy, but an empty iteration does not count (ECMAScript): longest non-empty
            // run first, then absent.
            let end = segment_end(path, pos);
            for stop in boundaries(path, pos + 1, end).rev() {
                slots[slot] = Some(&path[pos..stop]);
                if match_from(rest, path, stop, slots, budget)? {
                    return Some(true);
                }
            }
            slots[slot] = None;
            match_from(rest, path, pos, slots, budget)
        }
        Atom::InRest(slot) => {
            // Lazy over any character, `/` included: the shortest run first, possibly empty.
            for stop in boundaries(path, pos, path.len()) {
                slots[slot] = Some(&path[pos..stop]);
                if match_from(rest, path, stop, slots, budget)? {
                    return Some(true);
                }
            }
            Some(false)
        }
        Atom::OptSeg(slot) => {
            if bytes.get(pos) == Some(&b'/') {
                let start = pos + 1;
                let end = segment_end(path, start);
                for stop in boundaries(path, start + 1, end).rev() {
                    slots[slot] = Some(&path[start..stop]);
                    if match_from(rest, path, stop, slots, budget)? {
                        return Some(true);
                    }
                }
            }
            slots[slot] = None;
            match_from(rest, path, pos, slots, budget)
        }
        Atom::RestSeg(slot) => {
            if bytes.get(pos) == Some(&b'/') {
                let start = pos + 1;
                for stop in boundaries(path, start, path.len()).rev() {
                    slots[slot] = Some(&path[start..stop]);
                    if match_from(rest, path, stop, slots, budget)? {
                        return Some(true);
                    }
                }
            }
            slots[slot] = None;
            match_from(rest, path, pos, slots, budget)
        }
    }
}

/// Backtracking with memos, for paths on which plain backtracking ran out of steps.
///
/// A state is (atom index, position): whether the atoms from there on match the path from
/// there on depends on nothing else (the captures are outputs, and matchers run after the
/// match), and a state that succeeds ends the whole match. So a state that failed once fails
/// every time, and the search keeps:
///
/// - `failed`: one bit per state that failed;
/// - `known`: per atom index, one interval of positions from which that atom is known to fail,
///   so that the loop of a variable-length atom (every stop from here to the end of the
///   segment or path) skips the stops an earlier loop of the same atom already tried in full.
///   Without it each state is still tried once, but the loops alone make `/[...a]/x/[...b]/y`
///   quadratic.
///
/// The order in which stops are tried is the plain matcher's, so the first match found is the
/// same.
struct Memo<'a, 'p> {
    atoms: &'a [Atom],
    path: &'p str,
    /// Bit `i * (len + 1) + pos` is set when state `(i, pos)` failed.
    failed: Vec<u64>,
    /// Per atom index, positions `lo..=hi` (inclusive) known to fail.
    known: Vec<Option<(usize, usize)>>,
    /// The last segment end found: `(from, end)`, no `/` in `from..end`. Scanning for it at
    /// every state would make a long segment quadratic again.
    segment: (usize, usize),
}

impl<'a, 'p> Memo<'a, 'p> {
    fn new(atoms: &'a [Atom], path: &'p str) -> Self {
        let states = (atoms.len() + 1) * (path.len() + 1);
        Memo {
            atoms,
            path,
            failed: vec![0; states.div_ceil(64)],
            known: vec![None; atoms.len() + 1],
            segment: (0, segment_end(path, 0)),
        }
    }

    /// [`segment_end`], remembering the last answer.
    fn segment_end(&mut self, pos: usize) -> usize {
        let (from, end) = self.segment;
        if (from..=end).contains(&pos) {
            return end;
        }
        let end = segment_end(self.path, pos);
        self.segment = (pos, end);
        end
    }

    fn bit(&self, i: usize, pos: usize) -> (usize, u64) {
        let n = i * (self.path.len() + 1) + pos;
        (n / 64, 1 << (n % 64))
    }

    fn is_known(&self, i: usize, pos: usize) -> bool {
        let (word, mask) = self.bit(i, pos);
        self.failed[word] & mask != 0
            || self.known[i].is_some_and(|(lo, hi)| (lo..=hi).contains(&pos))
    }

    /// Whether the atoms from `i` match the path from `pos`.
    fn run(&mut self, i: usize, pos: usize, slots: &mut [Option<&'p str>]) -> bool {
        if self.is_known(i, pos) {
            return false;
        }
        let found = self.step(i, pos, slots);
        if !found {
            let (word, mask) = self.bit(i, pos);
            self.failed[word] |= mask;
        }
        found
    }

    fn step(&mut self, i: usize, pos: usize, slots: &mut [Option<&'p str>]) -> bool {
        let path = self.path;
        let Some(&atom) = self.atoms.get(i) else {
            // `/?$`
            let tail = &path[pos..];
            return tail.is_empty() || tail == "/";
        };
        let next = i + 1;
        let bytes = path.as_bytes();
        match atom {
            Atom::Slash => bytes.get(pos) == Some(&b'/') && self.run(next, pos + 1, slots),
            Atom::Lit(text) => match literal_len(path, pos, text) {
                Some(len) => self.run(next, pos + len, slots),
                None => false,
            },
            Atom::Required(slot) => {
                let end = self.segment_end(pos);
                self.stops(next, pos + 1, end, Order::Up, slot, pos, slots)
            }
            Atom::InOptional(slot) => {
                let end = self.segment_end(pos);
                if self.stops(next, pos + 1, end, Order::Down, slot, pos, slots) {
                    return true;
                }
                slots[slot] = None;
                self.run(next, pos, slots)
            }
            Atom::InRest(slot) => self.stops(next, pos, path.len(), Order::Up, slot, pos, slots),
            Atom::OptSeg(slot) => {
                if bytes.get(pos) == Some(&b'/') {
                    let start = pos + 1;
                    let end = self.segment_end(start);
                    if self.stops(next, start + 1, end, Order::Down, slot, start, slots) {
                        return true;
                    }
                }
                slots[slot] = None;
                self.run(next, pos, slots)
            }
            Atom::RestSeg(slot) => {
                if bytes.get(pos) == Some(&b'/') {
                    let start = pos + 1;
                    if self.stops(next, start, path.len(), Order::Down, slot, start, slots) {
                        return true;
                    }
                }
                slots[slot] = None;
                self.run(next, pos, slots)
            }
        }
    }

    /// Tries atom `next` at every stop in `lo..=hi` (char boundaries only) in `order`, with
    /// `slot` capturing `path[start..stop]`; on failure, records that `next` fails on all of
    /// `lo..=hi`.
    #[allow(clippy::too_many_arguments)]
    fn stops(
        &mut self,
        next: usize,
        lo: usize,
        hi: usize,
        order: Order,
        slot: usize,
        start: usize,
        slots: &mut [Option<&'p str>],
    ) -> bool {
        if lo > hi {
            return false;
        }
        let path = self.path;
        // The stops to try: `lo..=hi` without the interval already known to fail (which no
        // loop of this atom changes while this one runs: loops only recurse to later atoms).
        // Ranges are `(from, to)`, inclusive; `None` when empty.
        let (below, above) = match self.known[next] {
            Some((known_lo, known_hi)) if known_lo <= hi && lo <= known_hi => (
                (lo < known_lo).then(|| (lo, known_lo - 1)),
                (known_hi < hi).then(|| (known_hi + 1, hi)),
            ),
            _ => (Some((lo, hi)), None),
        };
        let ranges = match order {
            Order::Up => [below, above],
            Order::Down => [above, below],
        };
        for (from, to) in ranges.into_iter().flatten() {
            let mut try_stop = |stop: usize, this: &mut Self| {
                if !path.is_char_boundary(stop) {
                    return false;
                }
                slots[slot] = Some(&path[start..stop]);
                this.run(next, stop, slots)
            };
            let found = match order {
                Order::Up => (from..=to).any(|stop| try_stop(stop, self)),
                Order::Down => (from..=to).rev().any(|stop| try_stop(stop, self)),
            };
            if found {
                return true;
            }
        }
        // Every stop failed: widen the known interval, or start a new one.
        self.known[next] = Some(match self.known[next] {
            Some((known_lo, known_hi)) if known_lo <= hi + 1 && lo <= known_hi + 1 => {
                (known_lo.min(lo), known_hi.max(hi))
            }
            _ => (lo, hi),
        });
        false
    }
}

/// The order in which a variable-length atom tries its stops.
#[derive(Clone, Copy)]
enum Order {
    /// Shortest capture first (lazy).
    Up,
    /// Longest capture first (greedy).
    Down,
}

/// The index of the next `/` at or after `pos`, or the end of the path.
fn segment_end(path: &str, pos: usize) -> usize {
    path.as_bytes()[pos..]
        .iter()
        .position(|&b| b == b'/')
        .map_or(path.len(), |offset| pos + offset)
}

/// Every char boundary from `start` to `end`, both included, in increasing order.
fn boundaries(path: &str, start: usize, end: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
    (start..=end).filter(move |&i| path.is_char_boundary(i))
}

/// How many bytes of `path` at `pos` spell the static `text`, if they do. The characters that
/// `decode_pathname` leaves encoded must appear encoded: `%` as `%25`, `/` as `%2F` or `%2f`,
/// `?` as `%3F` or `%3f`, `#` as `%23`.
pub fn literal_len(path: &str, pos: usize, text: &str) -> Option<usize> {
    let path = &path.as_bytes()[pos..];
    let mut at = 0;
    for &b in text.as_bytes() {
        let encoded: Option<&[&[u8]]> = match b {
            b'%' => Some(&[b"%25"]),
            b'/' => Some(&[b"%2F", b"%2f"]),
            b'?' => Some(&[b"%3F", b"%3f"]),
            b'#' => Some(&[b"%23"]),
            _ => None,
        };
        match encoded {
            None if path.get(at) == Some(&b) => at += 1,
            None => return None,
            Some(spellings) => {
                let spelled = spellings
                    .iter()
                    .find(|spelling| path[at..].starts_with(spelling))?;
                at += spelled.len();
            }
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::Atom::*;
    use super::*;

    fn run<'p>(atoms: &[Atom], path: &'p str, slots: usize) -> Option<Vec<Option<&'p str>>> {
        let mut values = vec![None; slots];
        match_atoms(atoms, path, &mut values).then_some(values)
    }

    #[test]
    fn required_params_are_lazy() {
        // `/[a]-[b]` on `/x-y-z`: a = x, b = y-z.
        let atoms = [Slash, Required(0), Lit("-"), Required(1)];
        assert_eq!(run(&atoms, "/x-y-z", 2), Some(vec![Some("x"), Some("y-z")]));
        assert_eq!(
            run(&atoms, "/x-y-z/", 2),
            Some(vec![Some("x"), Some("y-z")])
        );
        assert_eq!(run(&atoms, "/-y", 2), None);
        assert_eq!(run(&atoms, "/x-y//", 2), None);
    }

    #[test]
    fn in_segment_optionals_are_absent_when_empty() {
        // `/blog/[[slug]].json`.
        let atoms = [Slash, Lit("blog"), Slash, InOptional(0), Lit(".json")];
        assert_eq!(run(&atoms, "/blog/.json", 1), Some(vec![None]));
        assert_eq!(run(&atoms, "/blog/x.json", 1), Some(vec![Some("x")]));
        assert_eq!(
            run(&atoms, "/blog/a.json.json", 1),
            Some(vec![Some("a.json")])
        );
    }

    #[test]
    fn whole_segment_optionals_and_rests_are_greedy() {
        // `/[[a]]/[...rest]`.
        let atoms = [OptSeg(0), RestSeg(1)];
        assert_eq!(run(&atoms, "/x/y/z", 2), Some(vec![Some("x"), Some("y/z")]));
        assert_eq!(run(&atoms, "/x", 2), Some(vec![Some("x"), None]));
        assert_eq!(run(&atoms, "/", 2), Some(vec![None, Some("")]));
        // A rest keeps a trailing slash: `/[...c]` on `/a/b/`.
        assert_eq!(run(&[RestSeg(0)], "/a/b/", 1), Some(vec![Some("a/b/")]));
        assert_eq!(run(&[RestSeg(0)], "//foo/", 1), Some(vec![Some("/foo/")]));
    }

    #[test]
    fn rests_inside_segments_span_segments() {
        // `/[...r].json`.
        let atoms = [Slash, InRest(0), Lit(".json")];
        assert_eq!(run(&atoms, "/a/b.json", 1), Some(vec![Some("a/b")]));
        assert_eq!(run(&atoms, "/.json", 1), Some(vec![Some("")]));
    }

    #[test]
    fn static_text_matches_its_encoded_form() {
        let atoms = [Slash, Lit("a/b?c#d%e")];
        assert!(run(&atoms, "/a%2Fb%3fc%23d%25e", 0).is_some());
        assert!(run(&atoms, "/a%2fb%3Fc%23d%25e", 0).is_some());
        assert!(run(&atoms, "/a/b?c#d%e", 0).is_none());
    }

    #[test]
    fn non_ascii_text_is_cut_on_char_boundaries() {
        let atoms = [Slash, Required(0), Lit("é"), Required(1)];
        assert_eq!(run(&atoms, "/éééé", 2), Some(vec![Some("é"), Some("éé")]));
    }

    /// The plain backtracking matcher without a budget.
    fn plain<'p>(atoms: &[Atom], path: &'p str, slots: usize) -> Option<Vec<Option<&'p str>>> {
        let mut values = vec![None; slots];
        let mut budget = usize::MAX;
        let found = match_from(atoms, path, 0, &mut values, &mut budget)
            .expect("an unlimited budget never runs out");
        found.then_some(values)
    }

    /// The memoized matcher, whatever the budget.
    fn memo<'p>(atoms: &[Atom], path: &'p str, slots: usize) -> Option<Vec<Option<&'p str>>> {
        let mut values = vec![None; slots];
        let found = Memo::new(atoms, path).run(0, 0, &mut values);
        found.then_some(values)
    }

    /// A small SplitMix64, for the random patterns and paths below.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) % n as u64) as usize
        }
    }

    #[test]
    fn memos_find_the_same_first_match_as_plain_backtracking() {
        const LITS: &[&str] = &["x", "-", "x-", "é", "/", ".json"];
        const PIECES: &[&str] = &["/", "/", "x", "x", "-", "é", "%2F", ".json", "y"];
        let mut rng = Rng(0x5eed);
        let mut matched = 0;
        for _ in 0..20_000 {
            let mut atoms = Vec::new();
            let mut slots = 0;
            for _ in 0..1 + rng.below(7) {
                let atom = match rng.below(8) {
                    0 | 1 => Slash,
                    2 => Lit(LITS[rng.below(LITS.len())]),
                    3 => Required(slots),
                    4 => InOptional(slots),
                    5 => InRest(slots),
                    6 => OptSeg(slots),
                    _ => RestSeg(slots),
                };
                if !matches!(atom, Slash | Lit(_)) {
                    slots += 1;
                }
                atoms.push(atom);
            }
            let path: String = (0..rng.below(12))
                .map(|_| PIECES[rng.below(PIECES.len())])
                .collect();
            let expected = plain(&atoms, &path, slots);
            assert_eq!(
                memo(&atoms, &path, slots),
                expected,
                "{atoms:?} on {path:?}"
            );
            assert_eq!(run(&atoms, &path, slots), expected, "{atoms:?} on {path:?}");
            matched += usize::from(expected.is_some());
        }
        assert!(
            matched > 1_000,
            "only {matched} of the random cases matched"
        );
    }

    #[test]
    fn memos_agree_on_long_paths_that_match() {
        // Long enough that plain backtracking runs out of steps before it finds the match.
        let atoms = [
            RestSeg(0),
            Slash,
            Lit("x"),
            RestSeg(1),
            Slash,
            Lit("y"),
            RestSeg(2),
        ];
        let path = format!("{}/y/x/z", "/x".repeat(200));
        let expected = plain(&atoms, &path, 3);
        assert!(expected.is_some());
        assert_eq!(memo(&atoms, &path, 3), expected);
        assert_eq!(run(&atoms, &path, 3), expected);
        let atoms = [
            Slash,
            Required(0),
            Lit("-"),
            Required(1),
            Lit("-"),
            Required(2),
            Lit("!"),
        ];
        let path = format!("/{}!", "-".repeat(300));
        let expected = plain(&atoms, &path, 3);
        assert_eq!(
            expected,
            Some(vec![Some("-"), Some("-"), Some(&path[5..path.len() - 1])])
        );
        assert_eq!(run(&atoms, &path, 3), expected);
    }

    /// Runs `f` in a thread and fails if it has not finished within `seconds` (generous: the
    /// cases below take milliseconds with the memos, and hours without).
    fn finishes_within(seconds: u64, f: impl FnOnce() -> bool + Send + 'static) -> bool {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(f());
        });
        receive
            .recv_timeout(std::time::Duration::from_secs(seconds))
            .expect("the hostile path did not finish in time: the matcher backtracks without bound")
    }

    #[test]
    fn hostile_paths_finish() {
        // `/[...a]/x/[...b]/x/[...c]/y` against 10,000 `/x` and no `/y`: O(n³) splits.
        let path = "/x".repeat(10_000);
        let found = finishes_within(20, move || {
            let atoms = [
                RestSeg(0),
                Slash,
                Lit("x"),
                RestSeg(1),
                Slash,
                Lit("x"),
                RestSeg(2),
                Slash,
                Lit("y"),
            ];
            match_atoms(&atoms, &path, &mut [None; 3])
        });
        assert!(!found);
        // `/[a]-[b]-[c]-[d]!` against one segment of 10,000 `-` and no `!`: O(n⁴).
        let path = format!("/{}", "-".repeat(10_000));
        let found = finishes_within(20, move || {
            let atoms = [
                Slash,
                Required(0),
                Lit("-"),
                Required(1),
                Lit("-"),
                Required(2),
                Lit("-"),
                Required(3),
                Lit("!"),
            ];
            match_atoms(&atoms, &path, &mut [None; 4])
        });
        assert!(!found);
        // Lazy rests inside segments: `/[...a].x/[...b].x/[...c].y`.
        let path = "/.x".repeat(10_000);
        let found = finishes_within(20, move || {
            let atoms = [
                Slash,
                InRest(0),
                Lit(".x"),
                Slash,
                InRest(1),
                Lit(".x"),
                Slash,
                InRest(2),
                Lit(".y"),
            ];
            match_atoms(&atoms, &path, &mut [None; 3])
        });
        assert!(!found);
    }
}
