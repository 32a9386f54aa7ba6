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

/// V8's sort, which SvelteKit's order depends on (see the module).
mod v8_sort;

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
}
