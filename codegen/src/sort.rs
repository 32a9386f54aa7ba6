//! Route priority: the order in which routes are tried against a URL.
//!
//! A port of SvelteKit 2's `sort_routes` (`kit/src/core/sync/create_manifest_data/sort.js`,
//! `@sveltejs/kit@2.70.2`), described in the routing semantics spec §5. Ids are handled as
//! UTF-16 code units, like the JavaScript strings SvelteKit compares, so text order, the
//! `id.slice(1)` and the final tie-break all agree with SvelteKit outside the Basic
//! Multilingual Plane too.
//!
//! SvelteKit's comparator is not a total order: `/[...r]/x` < `/[p]` < `/[p]/y` < `/[...r]/x`,
//! and two rest params with nothing after them each rank after the other. The sorted order
//! of such routes depends on the sorting algorithm, so [`sort_route_ids`] runs a port of
//! V8's `Array.prototype.sort` rather than `slice::sort_by` (which may also panic when the
//! comparator is inconsistent).

use std::cmp::Ordering;

/// Compares two route ids in SvelteKit's priority order (`Less` = `a` is tried first).
///
/// Never panics, whatever the input. Where SvelteKit would throw (an unterminated `[`), the
/// rest of the segment is read as plain text. The one deliberate difference from SvelteKit:
/// identical ids compare `Equal` (SvelteKit's comparator never returns 0).
pub fn compare_route_ids(a: &str, b: &str) -> Ordering {
    compare_parsed(&ParsedRoute::new(a), &ParsedRoute::new(b))
}

/// Sorts ids (stable) into priority order.
///
/// Uses the same algorithm as Node's `Array.prototype.sort` (V8's TimSort), so the result is
/// SvelteKit's even where its comparator is inconsistent; see the module docs.
pub fn sort_route_ids<T>(items: &mut [T], id: impl Fn(&T) -> &str) {
    let routes: Vec<ParsedRoute> = items
        .iter()
        .map(|item| ParsedRoute::new(id(item)))
        .collect();
    let order = v8_sort::sorted_order(routes.len(), |x, y| {
        compare_parsed(&routes[x], &routes[y]) == Ordering::Less
    });
    apply_order(items, &order);
}

/// Rearranges `items` so that position `k` holds the item that was at `order[k]`.
fn apply_order<T>(items: &mut [T], order: &[usize]) {
    // Where each item that is now at position `i` has to go.
    let mut destination = vec![0; order.len()];
    for (position, &source) in order.iter().enumerate() {
        destination[source] = position;
    }
    for i in 0..items.len() {
        while destination[i] != i {
            let j = destination[i];
            items.swap(i, j);
            destination.swap(i, j);
        }
    }
}

const OPEN: u16 = b'[' as u16;
const CLOSE: u16 = b']' as u16;
const DOT: u16 = b'.' as u16;
const SLASH: u16 = b'/' as u16;
const EQUALS: u16 = b'=' as u16;
const OPEN_PAREN: u16 = b'(' as u16;
const CLOSE_PAREN: u16 = b')' as u16;

/// A route id, split up for comparison.
struct ParsedRoute {
    /// The whole id, for the final tie-break.
    id: Vec<u16>,
    /// The segments that take part in matching.
    segments: Vec<Segment>,
}

/// One segment: text and params alternating, starting and ending with (possibly empty) text.
/// JavaScript keeps these as one list of parts; part `2k` is `statics[k]` and part `2k + 1` is
/// `params[k]`.
struct Segment {
    /// `params.len() + 1` entries, except for [`MISSING_SEGMENT`].
    statics: Vec<Vec<u16>>,
    params: Vec<Param>,
}

/// Stands in for a segment that one route has and the other does not (SvelteKit's `EMPTY`):
/// a single empty text part.
static MISSING_SEGMENT: Segment = Segment {
    statics: Vec::new(),
    params: Vec::new(),
};

/// A bracketed part of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Param {
    kind: ParamKind,
    /// `true` when the brackets contain `=`, i.e. the param has a matcher.
    matched: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParamKind {
    /// `[x]`, and also escapes such as `[x+22]`.
    Required,
    /// `[[x]]`
    Optional,
    /// `[...x]` (anything starting with `[.`)
    Rest,
}

impl ParsedRoute {
    fn new(id: &str) -> Self {
        let id: Vec<u16> = id.encode_utf16().collect();
        let kept = remove_inner_optionals(&id);
        // `slice(1)` drops the leading `/` (one code unit, whatever it is).
        let segments = kept
            .get(1..)
            .unwrap_or_default()
            .split(|&unit| unit == SLASH)
            .filter(|segment| affects_path(segment))
            .map(split_segment)
            .collect();
        Self { id, segments }
    }
}

/// Removes every `[[…]]` that is not at the end of the id (ignoring trailing groups), as
/// SvelteKit's `/\[\[[^\]]+\]\](?!(?:\/\([^/]+\))*$)/g` does: `x/[[y]]/z` sorts like `x/z`.
fn remove_inner_optionals(id: &[u16]) -> Vec<u16> {
    let mut kept = Vec::with_capacity(id.len());
    let mut i = 0;
    while i < id.len() {
        if let Some(end) = optional_end(id, i)
            && !only_groups_follow(&id[end..])
        {
            i = end;
            continue;
        }
        kept.push(id[i]);
        i += 1;
    }
    kept
}

/// If `[[name]]` (non-empty name without `]`) starts at `start`, the index just after it.
fn optional_end(id: &[u16], start: usize) -> Option<usize> {
    if id.get(start..start + 2)? != [OPEN, OPEN] {
        return None;
    }
    let name_start = start + 2;
    let close = name_start + id[name_start..].iter().position(|&unit| unit == CLOSE)?;
    (close > name_start && id.get(close + 1) == Some(&CLOSE)).then_some(close + 2)
}

/// Whether `rest` is nothing but `/(group)` segments. The pattern here, `\([^/]+\)`, is
/// looser than [`affects_path`]'s: it lets `)` appear inside the parentheses.
fn only_groups_follow(rest: &[u16]) -> bool {
    match rest.split_first() {
        None => true,
        Some((&SLASH, tail)) => tail.split(|&unit| unit == SLASH).all(|segment| {
            segment.len() >= 3 && segment[0] == OPEN_PAREN && segment.ends_with(&[CLOSE_PAREN])
        }),
        Some(_) => false,
    }
}

/// SvelteKit's `affects_path`: false for empty segments and `(group)` segments
/// (`/^\([^)]+\)$/`).
fn affects_path(segment: &[u16]) -> bool {
    let is_group = segment.len() >= 3
        && segment[0] == OPEN_PAREN
        && segment[segment.len() - 1] == CLOSE_PAREN
        && !segment[1..segment.len() - 1].contains(&CLOSE_PAREN);
    !segment.is_empty() && !is_group
}

/// Splits a segment into text and params. A param runs from `[` to the next `]`, or to the
/// next `]]` when it starts with `[[`; its contents are not checked.
fn split_segment(segment: &[u16]) -> Segment {
    let mut statics = Vec::new();
    let mut params = Vec::new();
    let mut i = 0;
    loop {
        let Some(start) = find(segment, i, &[OPEN]) else {
            statics.push(segment[i..].to_vec());
            break;
        };
        let kind = match segment.get(start + 1) {
            Some(&OPEN) => ParamKind::Optional,
            Some(&DOT) => ParamKind::Rest,
            _ => ParamKind::Required,
        };
        let delimiter: &[u16] = match kind {
            ParamKind::Optional => &[CLOSE, CLOSE],
            ParamKind::Required | ParamKind::Rest => &[CLOSE],
        };
        let Some(close) = find(segment, start, delimiter) else {
            // SvelteKit throws "Invalid route ID" here (validation rejects such ids first);
            // reading the rest as text keeps the comparator total.
            statics.push(segment[i..].to_vec());
            break;
        };
        let end = close + delimiter.len();
        statics.push(segment[i..start].to_vec());
        params.push(Param {
            kind,
            matched: segment[start..end].contains(&EQUALS),
        });
        i = end;
    }
    Segment { statics, params }
}

/// JavaScript's `haystack.indexOf(needle, from)`.
fn find(haystack: &[u16], from: usize, needle: &[u16]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|offset| from + offset)
}

impl Segment {
    /// Number of parts (text and params).
    fn part_count(&self) -> usize {
        2 * self.params.len() + 1
    }

    /// Text part `k`; [`MISSING_SEGMENT`] reads as one empty text part.
    fn text(&self, k: usize) -> &[u16] {
        self.statics.get(k).map_or(&[], Vec::as_slice)
    }
}

/// SvelteKit's comparator, on parsed ids.
fn compare_parsed(a: &ParsedRoute, b: &ParsedRoute) -> Ordering {
    if a.id == b.id {
        return Ordering::Equal;
    }
    for i in 0..a.segments.len().max(b.segments.len()) {
        let segment_a = a.segments.get(i).unwrap_or(&MISSING_SEGMENT);
        let segment_b = b.segments.get(i).unwrap_or(&MISSING_SEGMENT);

        for j in 0..segment_a.part_count().max(segment_b.part_count()) {
            let k = j / 2;
            if j % 2 == 0 {
                let (text_a, text_b) = (segment_a.text(k), segment_b.text(k));
                if text_a != text_b {
                    // A shallower route comes first.
                    if i >= a.segments.len() {
                        return Ordering::Less;
                    }
                    if i >= b.segments.len() {
                        return Ordering::Greater;
                    }
                    return compare_text(text_a, text_b);
                }
                continue;
            }

            let Some(param_a) = segment_a.params.get(k) else {
                return Ordering::Less;
            };
            let Some(param_b) = segment_b.params.get(k) else {
                return Ordering::Greater;
            };
            let next_a = has_text_after(a, i, k);
            let next_b = has_text_after(b, i, k);

            // `[...rest]/x` outranks `[...rest]`; two rests with text after both tie here.
            if param_a.kind == ParamKind::Rest && param_b.kind == ParamKind::Rest {
                match (next_a, next_b) {
                    (true, true) => continue,
                    (true, false) => return Ordering::Less,
                    (false, true) => return Ordering::Greater,
                    // Falls through to the next rule, which ranks `a` last either way round.
                    (false, false) => {}
                }
            }
            // `[...rest]/x` outranks `[required]` and `[required]/[required]`, but not
            // `[required]/x`.
            if param_a.kind == ParamKind::Rest {
                return if next_a && !next_b {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
            if param_b.kind == ParamKind::Rest {
                return if next_b && !next_a {
                    Ordering::Greater
                } else {
                    Ordering::Less
                };
            }
            if param_a.matched != param_b.matched {
                return if param_a.matched {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
            if param_a.kind != param_b.kind {
                // Required against optional: required first.
                return if param_a.kind == ParamKind::Required {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
        }
    }
    // Reverse code-unit order of the whole id.
    if a.id < b.id {
        Ordering::Greater
    } else {
        Ordering::Less
    }
}

/// Whether param `k` of segment `i` is followed by text: the text part after it, or if that
/// is empty, the first text part of the next segment.
fn has_text_after(route: &ParsedRoute, i: usize, k: usize) -> bool {
    let own = route
        .segments
        .get(i)
        .is_some_and(|s| !s.text(k + 1).is_empty());
    own || route
        .segments
        .get(i + 1)
        .is_some_and(|s| !s.text(0).is_empty())
}

/// Text order by UTF-16 code unit, except that when one text is a prefix of the other the
/// longer one comes first (`foobar` before `foo`).
fn compare_text(a: &[u16], b: &[u16]) -> Ordering {
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) => x.cmp(y),
        None => b.len().cmp(&a.len()),
    }
}

/// V8's `Array.prototype.sort` (`third_party/v8/builtins/array-sort.tq`), a TimSort, as
/// shipped in Node 20 (V8 11.3). Later V8 versions sort arrays of fewer than 10 elements by
/// binary insertion alone; with a consistent comparator that gives the same result.
///
/// Only the outcome of `less` (V8's `order < 0`) steers the algorithm. Every index stays in
/// bounds whatever `less` answers: the bounds come from run lengths, never from comparisons.
mod v8_sort {
    /// Wins in a row before a merge switches to galloping (`kMinGallopWins`).
    const MIN_GALLOP: usize = 7;

    /// Returns the order V8 sorts `len` elements into: position `k` holds element
    /// `result[k]`. `less(x, y)` says whether element `x` sorts before element `y`.
    pub(super) fn sorted_order(len: usize, less: impl FnMut(usize, usize) -> bool) -> Vec<usize> {
        let mut state = TimSort {
            work: (0..len).collect(),
            less,
            min_gallop: MIN_GALLOP,
            runs: Vec::new(),
        };
        state.sort();
        state.work
    }

    struct TimSort<F> {
        work: Vec<usize>,
        less: F,
        min_gallop: usize,
        /// Pending runs as (base, length), bottom of the stack first.
        runs: Vec<(usize, usize)>,
    }

    impl<F: FnMut(usize, usize) -> bool> TimSort<F> {
        fn sort(&mut self) {
            let len = self.work.len();
            if len < 2 {
                return;
            }
            let min_run = min_run_length(len);
            let mut low = 0;
            let mut remaining = len;
            while remaining != 0 {
                let mut run = self.count_and_make_run(low, low + remaining);
                if run < min_run {
                    let forced = min_run.min(remaining);
                    self.binary_insertion_sort(low, low + run, low + forced);
                    run = forced;
                }
                self.runs.push((low, run));
                self.merge_collapse();
                low += run;
                remaining -= run;
            }
            self.merge_force_collapse();
        }

        /// Sorts `[low, high)` given that `[low, start)` is sorted.
        fn binary_insertion_sort(&mut self, low: usize, start: usize, high: usize) {
            let first = if low == start { start + 1 } else { start };
            for start in first..high {
                let pivot = self.work[start];
                let (mut left, mut right) = (low, start);
                while left < right {
                    let mid = left + (right - left) / 2;
                    if (self.less)(pivot, self.work[mid]) {
                        right = mid;
                    } else {
                        left = mid + 1;
                    }
                }
                self.work[left..=start].rotate_right(1);
            }
        }

        /// Length of the run starting at `low` (ascending, or strictly descending and then
        /// reversed).
        fn count_and_make_run(&mut self, low: usize, high: usize) -> usize {
            if low + 1 == high {
                return 1;
            }
            let descending = (self.less)(self.work[low + 1], self.work[low]);
            let mut run = 2;
            let mut previous = self.work[low + 1];
            for idx in low + 2..high {
                let current = self.work[idx];
                if (self.less)(current, previous) != descending {
                    break;
                }
                previous = current;
                run += 1;
            }
            if descending {
                self.work[low..low + run].reverse();
            }
            run
        }

        fn run_length(&self, n: usize) -> usize {
            self.runs[n].1
        }

        /// `runs[n - 2].len > runs[n - 1].len + runs[n].len`, or true when `n < 2`.
        fn run_invariant_holds(&self, n: usize) -> bool {
            n < 2 || self.run_length(n - 2) > self.run_length(n - 1) + self.run_length(n)
        }

        fn merge_collapse(&mut self) {
            while self.runs.len() > 1 {
                let mut n = self.runs.len() - 2;
                if !self.run_invariant_holds(n + 1) || !self.run_invariant_holds(n) {
                    if self.run_length(n - 1) < self.run_length(n + 1) {
                        n -= 1;
                    }
                    self.merge_at(n);
                } else if self.run_length(n) <= self.run_length(n + 1) {
                    self.merge_at(n);
                } else {
                    break;
                }
            }
        }

        fn merge_force_collapse(&mut self) {
            while self.runs.len() > 1 {
                let mut n = self.runs.len() - 2;
                if n > 0 && self.run_length(n - 1) < self.run_length(n + 1) {
                    n -= 1;
                }
                self.merge_at(n);
            }
        }

        /// Merges runs `i` and `i + 1`.
        fn merge_at(&mut self, i: usize) {
            let (mut base_a, mut len_a) = self.runs[i];
            let (base_b, mut len_b) = self.runs[i + 1];
            self.runs[i].1 = len_a + len_b;
            self.runs.remove(i + 1);

            // Elements of A before the first element of B are already in place.
            let key = self.work[base_b];
            let k = gallop_right(&mut self.less, &self.work, key, base_a, len_a, 0);
            base_a += k;
            len_a -= k;
            if len_a == 0 {
                return;
            }
            // Elements of B after the last element of A are already in place.
            let key = self.work[base_a + len_a - 1];
            len_b = gallop_left(&mut self.less, &self.work, key, base_b, len_b, len_b - 1);
            if len_b == 0 {
                return;
            }
            if len_a <= len_b {
                self.merge_low(base_a, len_a, base_b, len_b);
            } else {
                self.merge_high(base_a, len_a, len_b);
            }
        }

        /// Merges A = `[base_a, base_b)` and B = `[base_b, base_b + len_b)` from the front,
        /// copying A out.
        fn merge_low(&mut self, base_a: usize, mut len_a: usize, base_b: usize, mut len_b: usize) {
            let temp = self.work[base_a..base_a + len_a].to_vec();
            let mut dest = base_a;
            let mut cursor_temp = 0;
            let mut cursor_b = base_b;

            self.work[dest] = self.work[cursor_b];
            dest += 1;
            cursor_b += 1;
            len_b -= 1;

            let exit = 'merge: {
                if len_b == 0 {
                    break 'merge MergeExit::Done;
                }
                if len_a == 1 {
                    break 'merge MergeExit::OneLeft;
                }
                loop {
                    let mut wins_a = 0;
                    let mut wins_b = 0;
                    // One at a time, until one run wins often enough in a row.
                    loop {
                        if (self.less)(self.work[cursor_b], temp[cursor_temp]) {
                            self.work[dest] = self.work[cursor_b];
                            dest += 1;
                            cursor_b += 1;
                            wins_b += 1;
                            wins_a = 0;
                            len_b -= 1;
                            if len_b == 0 {
                                break 'merge MergeExit::Done;
                            }
                            if wins_b >= self.min_gallop {
                                break;
                            }
                        } else {
                            self.work[dest] = temp[cursor_temp];
                            dest += 1;
                            cursor_temp += 1;
                            wins_a += 1;
                            wins_b = 0;
                            len_a -= 1;
                            if len_a == 1 {
                                break 'merge MergeExit::OneLeft;
                            }
                            if wins_a >= self.min_gallop {
                                break;
                            }
                        }
                    }

                    // Gallop while either run keeps winning by long stretches.
                    self.min_gallop += 1;
                    let mut first_iteration = true;
                    while first_iteration || wins_a >= MIN_GALLOP || wins_b >= MIN_GALLOP {
                        first_iteration = false;
                        self.min_gallop = self.min_gallop.saturating_sub(1).max(1);

                        let key = self.work[cursor_b];
                        wins_a = gallop_right(&mut self.less, &temp, key, cursor_temp, len_a, 0);
                        if wins_a > 0 {
                            self.work[dest..dest + wins_a]
                                .copy_from_slice(&temp[cursor_temp..cursor_temp + wins_a]);
                            dest += wins_a;
                            cursor_temp += wins_a;
                            len_a -= wins_a;
                            if len_a == 1 {
                                break 'merge MergeExit::OneLeft;
                            }
                            // Only reachable with an inconsistent comparator.
                            if len_a == 0 {
                                break 'merge MergeExit::Done;
                            }
                        }
                        self.work[dest] = self.work[cursor_b];
                        dest += 1;
                        cursor_b += 1;
                        len_b -= 1;
                        if len_b == 0 {
                            break 'merge MergeExit::Done;
                        }

                        let key = temp[cursor_temp];
                        wins_b = gallop_left(&mut self.less, &self.work, key, cursor_b, len_b, 0);
                        if wins_b > 0 {
                            self.work.copy_within(cursor_b..cursor_b + wins_b, dest);
                            dest += wins_b;
                            cursor_b += wins_b;
                            len_b -= wins_b;
                            if len_b == 0 {
                                break 'merge MergeExit::Done;
                            }
                        }
                        self.work[dest] = temp[cursor_temp];
                        dest += 1;
                        cursor_temp += 1;
                        len_a -= 1;
                        if len_a == 1 {
                            break 'merge MergeExit::OneLeft;
                        }
                    }
                    // Penalise leaving gallop mode.
                    self.min_gallop += 1;
                }
            };
            match exit {
                MergeExit::Done => {
                    self.work[dest..dest + len_a]
                        .copy_from_slice(&temp[cursor_temp..cursor_temp + len_a]);
                }
                MergeExit::OneLeft => {
                    // The last element of A belongs after the rest of B.
                    self.work.copy_within(cursor_b..cursor_b + len_b, dest);
                    self.work[dest + len_b] = temp[cursor_temp];
                }
            }
        }

        /// Merges A = `[base_a, base_a + len_a)` and the `len_b` elements after it from the
        /// back, copying B out. Everything at or above `base_a + len_a + len_b` is placed.
        fn merge_high(&mut self, base_a: usize, mut len_a: usize, mut len_b: usize) {
            let base_b = base_a + len_a;
            let temp = self.work[base_b..base_b + len_b].to_vec();
            // With `len_a` and `len_b` left, A's last element is at `base_a + len_a - 1`,
            // B's is `temp[len_b - 1]`, and the next slot to fill is `base_a + len_a + len_b - 1`.
            let top = |len_a: usize, len_b: usize| base_a + len_a + len_b;

            self.work[top(len_a, len_b) - 1] = self.work[base_a + len_a - 1];
            len_a -= 1;

            let exit = 'merge: {
                if len_a == 0 {
                    break 'merge MergeExit::Done;
                }
                if len_b == 1 {
                    break 'merge MergeExit::OneLeft;
                }
                loop {
                    let mut wins_a = 0;
                    let mut wins_b = 0;
                    loop {
                        if (self.less)(temp[len_b - 1], self.work[base_a + len_a - 1]) {
                            self.work[top(len_a, len_b) - 1] = self.work[base_a + len_a - 1];
                            wins_a += 1;
                            wins_b = 0;
                            len_a -= 1;
                            if len_a == 0 {
                                break 'merge MergeExit::Done;
                            }
                            if wins_a >= self.min_gallop {
                                break;
                            }
                        } else {
                            self.work[top(len_a, len_b) - 1] = temp[len_b - 1];
                            wins_b += 1;
                            wins_a = 0;
                            len_b -= 1;
                            if len_b == 1 {
                                break 'merge MergeExit::OneLeft;
                            }
                            if wins_b >= self.min_gallop {
                                break;
                            }
                        }
                    }

                    self.min_gallop += 1;
                    let mut first_iteration = true;
                    while first_iteration || wins_a >= MIN_GALLOP || wins_b >= MIN_GALLOP {
                        first_iteration = false;
                        self.min_gallop = self.min_gallop.saturating_sub(1).max(1);

                        let key = temp[len_b - 1];
                        let k =
                            gallop_right(&mut self.less, &self.work, key, base_a, len_a, len_a - 1);
                        wins_a = len_a - k;
                        if wins_a > 0 {
                            let from = base_a + len_a - wins_a;
                            self.work
                                .copy_within(from..from + wins_a, top(len_a, len_b) - wins_a);
                            len_a -= wins_a;
                            if len_a == 0 {
                                break 'merge MergeExit::Done;
                            }
                        }
                        self.work[top(len_a, len_b) - 1] = temp[len_b - 1];
                        len_b -= 1;
                        if len_b == 1 {
                            break 'merge MergeExit::OneLeft;
                        }

                        let key = self.work[base_a + len_a - 1];
                        let k = gallop_left(&mut self.less, &temp, key, 0, len_b, len_b - 1);
                        wins_b = len_b - k;
                        if wins_b > 0 {
                            let to = top(len_a, len_b) - wins_b;
                            self.work[to..to + wins_b]
                                .copy_from_slice(&temp[len_b - wins_b..len_b]);
                            len_b -= wins_b;
                            if len_b == 1 {
                                break 'merge MergeExit::OneLeft;
                            }
                            // Only reachable with an inconsistent comparator.
                            if len_b == 0 {
                                break 'merge MergeExit::Done;
                            }
                        }
                        self.work[top(len_a, len_b) - 1] = self.work[base_a + len_a - 1];
                        len_a -= 1;
                        if len_a == 0 {
                            break 'merge MergeExit::Done;
                        }
                    }
                    self.min_gallop += 1;
                }
            };
            match exit {
                MergeExit::Done => {
                    // Whatever is left of B goes right after what is left of A.
                    let to = base_a + len_a;
                    self.work[to..to + len_b].copy_from_slice(&temp[..len_b]);
                }
                MergeExit::OneLeft => {
                    // The one element left in B belongs before the rest of A.
                    self.work.copy_within(base_a..base_a + len_a, base_a + 1);
                    self.work[base_a] = temp[0];
                }
            }
        }
    }

    /// How a merge ends: V8's `Succeed` and `CopyB`/`CopyA` labels.
    enum MergeExit {
        /// One run is used up; copy what is left of the other (if it was copied out).
        Done,
        /// The copied-out run has one element left, which goes at the far end.
        OneLeft,
    }

    /// V8's `ComputeMinRunLength`.
    fn min_run_length(mut n: usize) -> usize {
        let mut shifted_off_ones = 0;
        while n >= 64 {
            shifted_off_ones |= n & 1;
            n >>= 1;
        }
        n + shifted_off_ones
    }

    /// Where `key` goes in the sorted `array[base..base + length]`: before any equal
    /// elements. Searches outwards from `hint`.
    fn gallop_left<F: FnMut(usize, usize) -> bool>(
        less: &mut F,
        array: &[usize],
        key: usize,
        base: usize,
        length: usize,
        hint: usize,
    ) -> usize {
        let at = |offset: usize| array[base + offset];
        // Gallop away from `hint` by 1, 3, 7, … until `key` is bracketed; the answer is then
        // in `lo..=hi`.
        let (mut lo, mut hi) = if less(at(hint), key) {
            let max_ofs = length - hint;
            let (mut last_ofs, mut ofs) = (0, 1);
            while ofs < max_ofs && less(at(hint + ofs), key) {
                last_ofs = ofs;
                ofs = 2 * ofs + 1;
            }
            (hint + last_ofs + 1, hint + ofs.min(max_ofs))
        } else {
            let max_ofs = hint + 1;
            let (mut last_ofs, mut ofs) = (0, 1);
            while ofs < max_ofs && !less(at(hint - ofs), key) {
                last_ofs = ofs;
                ofs = 2 * ofs + 1;
            }
            (hint + 1 - ofs.min(max_ofs), hint - last_ofs)
        };
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if less(at(mid), key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        hi
    }

    /// Like [`gallop_left`], but after any elements equal to `key`.
    fn gallop_right<F: FnMut(usize, usize) -> bool>(
        less: &mut F,
        array: &[usize],
        key: usize,
        base: usize,
        length: usize,
        hint: usize,
    ) -> usize {
        let at = |offset: usize| array[base + offset];
        let (mut lo, mut hi) = if less(key, at(hint)) {
            let max_ofs = hint + 1;
            let (mut last_ofs, mut ofs) = (0, 1);
            while ofs < max_ofs && less(key, at(hint - ofs)) {
                last_ofs = ofs;
                ofs = 2 * ofs + 1;
            }
            (hint + 1 - ofs.min(max_ofs), hint - last_ofs)
        } else {
            let max_ofs = length - hint;
            let (mut last_ofs, mut ofs) = (0, 1);
            while ofs < max_ofs && !less(key, at(hint + ofs)) {
                last_ofs = ofs;
                ofs = 2 * ofs + 1;
            }
            (hint + last_ofs + 1, hint + ofs.min(max_ofs))
        };
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if less(key, at(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<'a>(ids: &[&'a str]) -> Vec<&'a str> {
        let mut ids = ids.to_vec();
        sort_route_ids(&mut ids, |id| id);
        ids
    }

    /// Deterministic Fisher–Yates shuffle (64-bit LCG), so failures reproduce.
    fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
        let mut items = items.to_vec();
        let mut state = seed;
        for i in (1..items.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            items.swap(i, (state >> 33) as usize % (i + 1));
        }
        items
    }

    /// `sort[0].expected` of the conformance vectors (index.spec.js "sorts routes correctly").
    const SPEC_ORDER: [&str; 28] = [
        "/",
        "/a",
        "/b",
        "/b/[required]",
        "/c",
        "/c/bar",
        "/c/b[x].json",
        "/c/b[x]",
        "/c/foo",
        "/d/e",
        "/d/e[...rest]",
        "/e/f",
        "/e/[...rest]/f",
        "/f/static[...rest]",
        "/f/[...rest]static",
        "/g/[[optional]]/static",
        "/g/[required]",
        "/g/[...rest]/[required]",
        "/h/a/b",
        "/h/a/[required]/b",
        "/h/a/[...rest]/b",
        "/x/[...rest]",
        "/[...rest]/x",
        "/[...rest]/x/[...deep_rest]/y",
        "/[...rest]/x/[...deep_rest]",
        "/[required=matcher]",
        "/[required]",
        "/[...rest]",
    ];

    #[test]
    fn spec_order_from_any_starting_order() {
        let mut inputs = vec![
            SPEC_ORDER.to_vec(),
            SPEC_ORDER.iter().rev().copied().collect(),
            {
                let mut alphabetical = SPEC_ORDER.to_vec();
                alphabetical.sort_unstable();
                alphabetical
            },
        ];
        for rotation in 1..SPEC_ORDER.len() {
            let mut rotated = SPEC_ORDER.to_vec();
            rotated.rotate_left(rotation);
            inputs.push(rotated);
        }
        for seed in 0..20 {
            inputs.push(shuffled(&SPEC_ORDER, seed));
        }
        for input in inputs {
            assert_eq!(sorted(&input), SPEC_ORDER, "input: {input:?}");
        }
    }

    #[test]
    fn spec_order_from_the_vectors_shuffles() {
        let shuffles: [[&str; 28]; 3] = [
            [
                "/[...rest]/x/[...deep_rest]",
                "/d/e[...rest]",
                "/h/a/b",
                "/[...rest]/x/[...deep_rest]/y",
                "/[required]",
                "/b/[required]",
                "/c/foo",
                "/[...rest]",
                "/c/bar",
                "/[...rest]/x",
                "/g/[required]",
                "/d/e",
                "/e/[...rest]/f",
                "/b",
                "/f/static[...rest]",
                "/f/[...rest]static",
                "/[required=matcher]",
                "/c/b[x].json",
                "/g/[[optional]]/static",
                "/c/b[x]",
                "/",
                "/c",
                "/h/a/[required]/b",
                "/x/[...rest]",
                "/e/f",
                "/a",
                "/g/[...rest]/[required]",
                "/h/a/[...rest]/b",
            ],
            [
                "/c/foo",
                "/[required]",
                "/[...rest]/x/[...deep_rest]",
                "/g/[required]",
                "/[required=matcher]",
                "/a",
                "/d/e",
                "/c/b[x].json",
                "/e/[...rest]/f",
                "/b",
                "/e/f",
                "/c/bar",
                "/g/[[optional]]/static",
                "/d/e[...rest]",
                "/[...rest]",
                "/h/a/[required]/b",
                "/",
                "/f/[...rest]static",
                "/g/[...rest]/[required]",
                "/c/b[x]",
                "/x/[...rest]",
                "/[...rest]/x/[...deep_rest]/y",
                "/b/[required]",
                "/[...rest]/x",
                "/h/a/[...rest]/b",
                "/h/a/b",
                "/f/static[...rest]",
                "/c",
            ],
            [
                "/[...rest]",
                "/c",
                "/c/b[x]",
                "/c/b[x].json",
                "/",
                "/[...rest]/x/[...deep_rest]/y",
                "/g/[required]",
                "/g/[[optional]]/static",
                "/c/bar",
                "/f/static[...rest]",
                "/h/a/[...rest]/b",
                "/[required=matcher]",
                "/g/[...rest]/[required]",
                "/b",
                "/e/[...rest]/f",
                "/f/[...rest]static",
                "/h/a/[required]/b",
                "/[...rest]/x/[...deep_rest]",
                "/d/e",
                "/c/foo",
                "/[...rest]/x",
                "/h/a/b",
                "/[required]",
                "/a",
                "/e/f",
                "/b/[required]",
                "/x/[...rest]",
                "/d/e[...rest]",
            ],
        ];
        for input in shuffles {
            assert_eq!(sorted(&input), SPEC_ORDER);
        }
    }

    #[test]
    fn other_sort_vectors() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "docs example",
                &["/[...catchall]", "/[b]", "/[[a=x]]", "/foo-[c]", "/foo-abc"],
                &["/foo-abc", "/foo-[c]", "/[[a=x]]", "/[b]", "/[...catchall]"],
            ),
            (
                "creates routes / works with custom extensions",
                &[
                    "/blog/[slug]",
                    "/blog/[slug].json",
                    "/blog",
                    "/blog.json",
                    "/about",
                    "/",
                ],
                &[
                    "/",
                    "/about",
                    "/blog.json",
                    "/blog",
                    "/blog/[slug].json",
                    "/blog/[slug]",
                ],
            ),
            (
                "sorts routes with rest correctly",
                &["/b/[...rest]", "/b", "/a/[...rest]", "/a", "/"],
                &["/", "/a", "/a/[...rest]", "/b", "/b/[...rest]"],
            ),
            (
                "allows rest parameters inside segments",
                &["/[...rest].json", "/prefix-[...rest]", "/"],
                &["/", "/prefix-[...rest]", "/[...rest].json"],
            ),
            (
                "optional parameters",
                &[
                    "/[[optional]]",
                    "/prefix[[suffix]]",
                    "/nested/[[optional]]",
                    "/nested/[[optional]]/sub",
                    "/nested",
                    "/[[foo]]bar",
                    "/",
                ],
                &[
                    "/",
                    "/[[foo]]bar",
                    "/nested",
                    "/nested/[[optional]]/sub",
                    "/nested/[[optional]]",
                    "/prefix[[suffix]]",
                    "/[[optional]]",
                ],
            ),
            (
                "nested optionals",
                &["/[[a]]", "/[[a]]/[[b]]", "/"],
                &["/", "/[[a]]/[[b]]", "/[[a]]"],
            ),
            (
                "group preceding optional parameters",
                &["/[[optional]]", "/[[optional]]/(group)", "/"],
                &["/", "/[[optional]]/(group)", "/[[optional]]"],
            ),
            (
                "optional parameters inside a group adjacent to another route",
                &["/(group)/[[optional]]", "/", "/(group)"],
                &["/(group)", "/", "/(group)/[[optional]]"],
            ),
            (
                "includes nested error components",
                &["/foo/bar/baz", "/foo/bar", "/foo", "/"],
                &["/", "/foo", "/foo/bar", "/foo/bar/baz"],
            ),
            (
                "creates routes with named layouts",
                &[
                    "/b/d/(special)/(extraspecial)/d3",
                    "/b/d/(special)/(extraspecial)/d2",
                    "/b/d/d1",
                    "/b/d/(special)",
                    "/b/c/c2",
                    "/(special)/(alsospecial)/b/c/c1",
                    "/(special)/a/a2",
                    "/a/a1",
                ],
                &[
                    "/a/a1",
                    "/(special)/a/a2",
                    "/(special)/(alsospecial)/b/c/c1",
                    "/b/c/c2",
                    "/b/d/(special)",
                    "/b/d/d1",
                    "/b/d/(special)/(extraspecial)/d2",
                    "/b/d/(special)/(extraspecial)/d3",
                ],
            ),
            (
                "handles pages without .svelte file",
                &[
                    "/layout/redirect",
                    "/layout/exists",
                    "/layout",
                    "/error/[...path]",
                    "/error",
                    "/",
                ],
                &[
                    "/",
                    "/error",
                    "/error/[...path]",
                    "/layout",
                    "/layout/exists",
                    "/layout/redirect",
                ],
            ),
        ];
        for (name, input, expected) in cases {
            assert_eq!(sorted(input), *expected, "{name}");
            let reversed: Vec<&str> = input.iter().rev().copied().collect();
            assert_eq!(sorted(&reversed), *expected, "{name} (reversed input)");
        }
    }

    #[test]
    fn pairwise_rules() {
        use Ordering::{Equal, Greater, Less};
        let cases = [
            // Text: the lower code unit first, but a longer text before its own prefix.
            ("/c/bar", "/c/b[x]", Less),
            ("/blog.json", "/blog", Less),
            ("/a", "/b", Less),
            // UTF-16 order, not UTF-8 order: U+10000 is D800 DC00, below U+FFFF.
            ("/\u{10000}", "/\u{ffff}", Less),
            // Fewer segments first.
            ("/a", "/a/b", Less),
            ("/a", "/a/[b]", Less),
            // Text before a param, a matcher before none, required before optional.
            ("/a", "/[b]", Less),
            ("/[a=m]", "/[b]", Less),
            ("/[b]", "/[[a]]", Less),
            ("/[[a=x]]", "/[b]", Less),
            // An escape is a required param.
            ("/[x+22]", "/[[a]]", Less),
            // A non-final optional is ignored: `/x/[[y]]/z` sorts like `/x/z`.
            ("/x/[[y]]/z", "/x/[w]/z", Less),
            // ... but one followed only by groups is kept.
            ("/[[o]]/(g)", "/[o]", Greater),
            // Full ties fall back to reverse code-unit order of the id.
            ("/[x+3f]", "/[x+23]", Less),
            ("/[[a]]/[[b]]", "/[[a]]", Less),
            ("/(group)", "/", Less),
            ("/[b]", "/[a]", Less),
            ("/x", "/x", Equal),
            // SvelteKit's comparator is not a total order: a cycle, ...
            ("/[...r]/x", "/[p]", Less),
            ("/[p]", "/[p]/y", Less),
            ("/[p]/y", "/[...r]/x", Less),
            // ... and two trailing rests that each rank after the other.
            ("/[...a]", "/[...b=m]", Greater),
            ("/[...b=m]", "/[...a]", Greater),
        ];
        for (a, b, expected) in cases {
            assert_eq!(compare_route_ids(a, b), expected, "{a} vs {b}");
        }
    }

    /// Where the comparator is inconsistent the result depends on the algorithm; these
    /// expectations come from Node 20's `Array.prototype.sort` running SvelteKit's `sort.js`.
    #[test]
    fn inconsistent_cases_match_v8() {
        let cases: &[(&[&str], &[&str])] = &[
            (
                &["/[...path]/edit", "/[lang]", "/[lang]/about"],
                &["/[...path]/edit", "/[lang]", "/[lang]/about"],
            ),
            (
                &["/[...path]/edit", "/[lang]/about", "/[lang]"],
                &["/[lang]", "/[lang]/about", "/[...path]/edit"],
            ),
            (
                &["/[lang]", "/[...path]/edit", "/[lang]/about"],
                &["/[lang]/about", "/[...path]/edit", "/[lang]"],
            ),
            (
                &["/[lang]/about", "/[lang]", "/[...path]/edit"],
                &["/[...path]/edit", "/[lang]", "/[lang]/about"],
            ),
            (&["/[...a]", "/[...b=m]"], &["/[...a]", "/[...b=m]"]),
            (&["/[...b=m]", "/[...a]"], &["/[...b=m]", "/[...a]"]),
            (
                &[
                    "/",
                    "/about",
                    "/blog",
                    "/blog/[slug]",
                    "/[lang]",
                    "/[lang]/about",
                    "/[lang]/blog/[slug]",
                    "/[...path]/edit",
                    "/[...path]",
                    "/api/[...rest]",
                    "/api/users/[id=int]",
                    "/api/users/[id]",
                    "/[[locale]]/docs",
                ],
                &[
                    "/",
                    "/about",
                    "/api/users/[id=int]",
                    "/api/users/[id]",
                    "/api/[...rest]",
                    "/blog",
                    "/blog/[slug]",
                    "/[[locale]]/docs",
                    "/[lang]",
                    "/[lang]/about",
                    "/[lang]/blog/[slug]",
                    "/[...path]/edit",
                    "/[...path]",
                ],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(sorted(input), *expected, "input: {input:?}");
        }
    }

    #[test]
    fn malformed_ids_never_panic() {
        let ids = [
            "",
            "/",
            "[",
            "/[",
            "/[[",
            "/[[a]",
            "/a[b",
            "/]]",
            "/]",
            "😀",
            "😀/a",
            "/(",
            "/()",
            "/(a)b)",
            "/[]",
            "/[[]]",
            "/[...",
            "/[.]",
            "/[x+]",
            "/[[a]][[b]]",
            "/[=]",
            "//",
            "/a//b",
            "\n",
            "/[a\n]",
            "/(\n)",
            "/[[a]]/(",
            "/[[a]]/()",
            "/\u{10000}x/y",
        ];
        for a in ids {
            for b in ids {
                let forward = compare_route_ids(a, b);
                assert_eq!(forward == Ordering::Equal, a == b, "{a:?} vs {b:?}");
            }
        }
        for seed in 0..10 {
            let input = shuffled(&ids, seed);
            let output = sorted(&input);
            let mut expected_set = input.clone();
            let mut output_set = output.clone();
            expected_set.sort_unstable();
            output_set.sort_unstable();
            assert_eq!(output_set, expected_set);
        }
    }

    #[test]
    fn unterminated_bracket_reads_as_text() {
        // `/a[b` (rejected by validation) sorts like the text `a[b`.
        assert_eq!(compare_route_ids("/a[b", "/a["), Ordering::Less);
        assert_eq!(compare_route_ids("/a[b", "/a[c"), Ordering::Less);
        assert_eq!(compare_route_ids("/a[b", "/[x]"), Ordering::Less);
    }

    #[test]
    fn sorts_any_item_type_and_keeps_items_whole() {
        #[derive(Debug, PartialEq)]
        struct Route {
            id: String,
            rank: usize,
        }
        let mut routes: Vec<Route> = ["/[b]", "/a", "/[...c]", "/"]
            .iter()
            .enumerate()
            .map(|(rank, id)| Route {
                id: (*id).to_owned(),
                rank,
            })
            .collect();
        sort_route_ids(&mut routes, |route| &route.id);
        let order: Vec<(&str, usize)> = routes
            .iter()
            .map(|route| (route.id.as_str(), route.rank))
            .collect();
        assert_eq!(order, [("/", 3), ("/a", 1), ("/[b]", 0), ("/[...c]", 2)]);

        let mut empty: [&str; 0] = [];
        sort_route_ids(&mut empty, |id| id);
    }

    #[test]
    fn v8_sort_is_stable_and_sorts() {
        for len in [0, 1, 2, 9, 10, 63, 64, 65, 200, 1000, 3000] {
            // Few distinct keys, so plenty of ties; some long runs to trigger galloping.
            let keys: Vec<u32> = (0..len)
                .map(|i| {
                    if i % 300 < 150 {
                        (i / 7) as u32
                    } else {
                        (i as u32).wrapping_mul(2_654_435_761) % 13
                    }
                })
                .collect();
            let order = v8_sort::sorted_order(len, |x, y| keys[x] < keys[y]);
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(order, expected, "len {len}");
        }
    }

    #[test]
    fn v8_sort_matches_node_with_an_inconsistent_comparator() {
        // Node 20: `[0..80).sort((x, y) => (x * 7 + y * 13) % 11 < 5 ? -1 : 1)`.
        let expected = [
            8, 19, 43, 33, 22, 0, 6, 9, 50, 56, 75, 73, 64, 53, 72, 51, 62, 36, 47, 7, 45, 3, 13,
            24, 57, 68, 71, 65, 27, 59, 54, 21, 69, 67, 48, 42, 30, 35, 41, 52, 63, 74, 79, 76, 60,
            38, 16, 5, 77, 66, 55, 44, 11, 17, 28, 39, 61, 58, 23, 40, 31, 14, 1, 12, 20, 2, 18,
            29, 46, 49, 32, 34, 78, 70, 37, 26, 15, 10, 4, 25,
        ];
        let order = v8_sort::sorted_order(80, |x, y| (x * 7 + y * 13) % 11 < 5);
        assert_eq!(order, expected);
    }

    #[test]
    fn v8_sort_survives_random_answers() {
        let mut state = 1u64;
        for len in [2, 5, 10, 64, 100, 500, 2000] {
            let order = v8_sort::sorted_order(len, |_, _| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                state >> 63 == 1
            });
            let mut seen = order.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..len).collect::<Vec<_>>(), "len {len}");
        }
    }
}
