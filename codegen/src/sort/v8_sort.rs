//! V8's `Array.prototype.sort` (`third_party/v8/builtins/array-sort.tq`), a TimSort, as
//! shipped in Node 20 (V8 11.3). Later V8 versions sort arrays of fewer than 10 elements by
//! binary insertion alone; with a consistent comparator that gives the same result.
//!
//! Only the outcome of `less` (V8's `order < 0`) steers the algorithm. Every index stays in
//! bounds whatever `less` answers: the bounds come from run lengths, never from comparisons.

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
                    let k = gallop_right(&mut self.less, &self.work, key, base_a, len_a, len_a - 1);
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
                        self.work[to..to + wins_b].copy_from_slice(&temp[len_b - wins_b..len_b]);
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

#[cfg(test)]
mod tests {
    use super::*;

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
            let order = sorted_order(len, |x, y| keys[x] < keys[y]);
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
        let order = sorted_order(80, |x, y| (x * 7 + y * 13) % 11 < 5);
        assert_eq!(order, expected);
    }

    #[test]
    fn v8_sort_survives_random_answers() {
        let mut state = 1u64;
        for len in [2, 5, 10, 64, 100, 500, 2000] {
            let order = sorted_order(len, |_, _| {
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
