//! Content negotiation: SvelteKit 2's `negotiate(accept, types)` (semantics §8).
//!
//! An `Accept` header is a comma-separated list of `type/subtype[;q=…]` entries. SvelteKit
//! orders them by `q` (highest first), then concrete subtypes before `*`, then concrete types
//! before `*`, then header order, and picks the candidate that matches the earliest entry.
//!
//! One deliberate difference: a `q` that is not a number (`q=.`, `q=1.2.3`; no browser sends
//! one) makes SvelteKit's comparator answer `NaN`, so its order depends on the JavaScript
//! engine's sort algorithm. routekit ignores such an entry instead, which is deterministic.

/// SvelteKit's `negotiate(accept, types)`: picks the candidate type the `Accept` header
/// prefers.
///
/// Each candidate's priority is the position, in the sorted header, of the first entry it
/// matches (`*` is a wildcard on the header side only); the candidate with the lowest priority
/// wins, the earlier candidate on a tie. Returns `None` when no candidate matches.
///
/// Candidates are split like JavaScript's `mimetype.split('/')`: `"a/b/c"` is type `a`, subtype
/// `b`; a candidate without a `/` (SvelteKit uses `"*"`) has no subtype and so only matches an
/// entry whose subtype is `*` — for `"*"`, only `*/*`.
///
/// Runs in one pass over the header (times the number of candidates), without allocating.
///
/// ```
/// # use routekit::negotiate::negotiate;
/// let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
/// assert_eq!(negotiate(accept, &["application/json", "text/html"]), Some("text/html"));
/// assert_eq!(negotiate("*/*", &["*", "text/html"]), Some("*"));
/// assert_eq!(negotiate("image/png", &["*", "text/html"]), None);
/// ```
pub fn negotiate<'t>(accept: &str, types: &[&'t str]) -> Option<&'t str> {
    if types.is_empty() {
        return None;
    }
    let mut best: Option<(Entry<'_>, &'t str)> = None;
    let mut entries = Entries::new(accept);
    while let Some(entry) = entries.next_entry() {
        if entry.q.is_nan() {
            continue;
        }
        // Without NaN `sorts_before` is a strict total order, so its minimum over the matching
        // entries is exactly the first matching entry of the sorted list.
        let better = best.as_ref().is_none_or(|(b, _)| entry.sorts_before(b));
        if better && let Some(candidate) = first_match(&entry, types) {
            best = Some((entry, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Whether `accept` prefers JSON to HTML: SvelteKit's `negotiate(accept, ['application/json',
/// 'text/html']) === 'application/json'`, which decides between a JSON and an HTML answer for
/// errors and form actions.
pub(crate) fn prefers_json(accept: &str) -> bool {
    negotiate(accept, &["application/json", "text/html"]) == Some("application/json")
}

/// Whether an error answers a request with `accept` (its `Accept` header, if any) in JSON
/// rather than as an HTML page: a missing or empty header counts as `text/html`.
pub(crate) fn error_prefers_json(accept: Option<&str>) -> bool {
    prefers_json(accept.filter(|a| !a.is_empty()).unwrap_or("text/html"))
}

/// The first candidate (in `types` order) that `entry` matches.
fn first_match<'t>(entry: &Entry<'_>, types: &[&'t str]) -> Option<&'t str> {
    types
        .iter()
        .copied()
        .find(|candidate| entry.matches(candidate))
}

/// One parsed `Accept` entry.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    ty: &'a str,
    subtype: &'a str,
    q: f64,
    /// Position in `accept.split(',')`, counting entries that did not parse.
    index: usize,
}

impl Entry<'_> {
    /// SvelteKit's sort comparator, `compare(self, other) < 0` (qualities are never `NaN` here).
    fn sorts_before(&self, other: &Self) -> bool {
        if self.q != other.q {
            return self.q > other.q;
        }
        let (self_sub, other_sub) = (self.subtype == "*", other.subtype == "*");
        if self_sub != other_sub {
            return !self_sub;
        }
        let (self_ty, other_ty) = (self.ty == "*", other.ty == "*");
        if self_ty != other_ty {
            return !self_ty;
        }
        self.index < other.index
    }

    /// Whether the candidate `mimetype` matches this entry (`*` is a wildcard here only).
    fn matches(&self, mimetype: &str) -> bool {
        let (ty, subtype) = match mimetype.split_once('/') {
            Some((ty, rest)) => (ty, Some(rest.split_once('/').map_or(rest, |(sub, _)| sub))),
            None => (mimetype, None),
        };
        (self.ty == ty || self.ty == "*") && (subtype == Some(self.subtype) || self.subtype == "*")
    }
}

/// A single left-to-right pass over an `Accept` header, yielding the entries that parse.
///
/// Equivalent to splitting on `,` and matching each piece against
/// `^[ \t]*([^/ \t]+)\/([^; \t]+)[ \t]*(?:;[ \t]*q=([0-9.]+))?` — that pattern has only one way
/// to match, so a greedy scan finds it — but reads each byte once, with no backtracking.
struct Entries<'a> {
    text: &'a str,
    pos: usize,
    index: usize,
    done: bool,
}

impl<'a> Entries<'a> {
    fn new(text: &'a str) -> Self {
        Entries {
            text,
            pos: 0,
            index: 0,
            done: false,
        }
    }

    /// The next entry that matches the pattern; pieces that don't are skipped.
    fn next_entry(&mut self) -> Option<Entry<'a>> {
        while !self.done {
            let index = self.index;
            let parsed = self.parse_piece(index);
            // Skip whatever the pattern left of this piece, then the comma.
            self.skip_while(|b| b != b',');
            if self.pos < self.text.len() {
                self.pos += 1;
                self.index += 1;
            } else {
                self.done = true;
            }
            if parsed.is_some() {
                return parsed;
            }
        }
        None
    }

    /// Matches the pattern at the start of the current piece, stopping at the piece's comma.
    fn parse_piece(&mut self, index: usize) -> Option<Entry<'a>> {
        let is_blank = |b: u8| b == b' ' || b == b'\t';
        self.skip_while(is_blank);
        let ty = self.take_while(|b| !matches!(b, b'/' | b' ' | b'\t' | b','))?;
        if self.peek() != Some(b'/') {
            return None;
        }
        self.pos += 1;
        let subtype = self.take_while(|b| !matches!(b, b';' | b' ' | b'\t' | b','))?;
        self.skip_while(is_blank);
        let mut q = 1.0;
        if self.peek() == Some(b';') {
            self.pos += 1;
            self.skip_while(is_blank);
            if self.text.as_bytes()[self.pos..].starts_with(b"q=") {
                self.pos += 2;
                if let Some(digits) = self.take_while(|b| b.is_ascii_digit() || b == b'.') {
                    q = js_number(digits);
                }
            }
        }
        Some(Entry {
            ty,
            subtype,
            q,
            index,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        let rest = &self.text.as_bytes()[self.pos..];
        self.pos += rest.iter().position(|&b| !keep(b)).unwrap_or(rest.len());
    }

    /// Consumes a non-empty run of bytes satisfying `keep` (all ASCII-delimited, so the slice
    /// is on char boundaries).
    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> Option<&'a str> {
        let start = self.pos;
        self.skip_while(keep);
        let text: &'a str = self.text;
        text.get(start..self.pos).filter(|run| !run.is_empty())
    }
}

/// JavaScript's `+digits` for a string of `[0-9.]+`: a decimal literal such as `1`, `0.5`,
/// `1.` or `.5`, and `NaN` for anything else (`.`, `1.2.3`). Rust's float grammar agrees on
/// this alphabet, rounds the same way and also overflows to infinity.
fn js_number(digits: &str) -> f64 {
    digits.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_endpoint_request`: anything but a `text/html` preference goes to the endpoint.
    fn goes_to_endpoint(accept: Option<&str>) -> bool {
        negotiate(accept.unwrap_or("*/*"), &["*", "text/html"]) != Some("text/html")
    }

    /// `is_action_json_request` (for a POST).
    fn action_wants_json(accept: Option<&str>) -> bool {
        negotiate(accept.unwrap_or("*/*"), &["application/json", "text/html"])
            == Some("application/json")
    }

    #[test]
    fn spec_vectors() {
        assert_eq!(negotiate("text/html", &["text/html"]), Some("text/html"));
        assert_eq!(
            negotiate(
                "application/some-thing-else, \tapplication/json \t; q=0.9  ,text/plain;q=0.1",
                &["application/json", "text/plain"]
            ),
            Some("application/json")
        );
        assert_eq!(negotiate("text/html,*", &["text/html"]), Some("text/html"));
    }

    #[test]
    fn long_header_is_linear() {
        let start = std::time::Instant::now();
        assert_eq!(negotiate(&"a".repeat(200_000), &["text/html"]), None);
        // Other pathological shapes: many slashes, blanks, semicolons, entries, q digits.
        for unit in ["a/", " ", "\t", "a/a;", "a/a ;q=", ",", "*/*;q=0.", "/;q=."] {
            let accept = unit.repeat(200_000 / unit.len());
            let _ = negotiate(&accept, &["text/html", "*"]);
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn content_negotiation_table() {
        // (accept, GET/HEAD/POST goes to the endpoint, POST to the page returns ActionResult JSON)
        let rows: [(Option<&str>, bool, bool); 11] = [
            (None, true, true),
            (Some("*/*"), true, true),
            (Some("text/html"), false, false),
            (
                Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                false,
                false,
            ),
            (Some("application/json"), true, true),
            (Some("text/*"), false, false),
            (Some("text/html;q=0.5, */*"), true, true),
            (Some("application/json, text/html"), false, true),
            (Some("*/*, text/html"), false, false),
            (Some("image/png"), true, false),
            (Some(""), true, false),
        ];
        for (accept, endpoint, json) in rows {
            assert_eq!(
                goes_to_endpoint(accept),
                endpoint,
                "endpoint for {accept:?}"
            );
            assert_eq!(
                action_wants_json(accept),
                json,
                "action JSON for {accept:?}"
            );
        }
    }

    #[test]
    fn star_candidate_only_matches_star_star() {
        assert_eq!(negotiate("*/*", &["*"]), Some("*"));
        assert_eq!(negotiate("*/html", &["*"]), None);
        assert_eq!(negotiate("text/*", &["*"]), None);
        assert_eq!(negotiate("*/*", &[""]), Some(""));
        assert_eq!(negotiate("text/*", &["text/"]), Some("text/"));
        assert_eq!(negotiate("text/html", &["text/"]), None);
    }

    #[test]
    fn candidate_split_ignores_extra_segments() {
        assert_eq!(negotiate("a/b", &["a/b/c"]), Some("a/b/c"));
        assert_eq!(negotiate("a/b/c", &["a/b/c"]), None);
        assert_eq!(negotiate("a/b/c", &["a/b"]), None);
    }

    #[test]
    fn ordering() {
        let both = ["application/json", "text/html"];
        // q first.
        assert_eq!(
            negotiate("text/html;q=0.5,application/json", &both),
            Some(both[0])
        );
        // Equal q: a concrete subtype beats `*`, a concrete type beats `*`, then header order.
        assert_eq!(negotiate("application/*,text/html", &both), Some(both[1]));
        assert_eq!(negotiate("*/json,text/html", &both), Some(both[1]));
        assert_eq!(negotiate("*/*,text/html", &both), Some(both[1]));
        assert_eq!(negotiate("*/html,text/*", &both), Some(both[1]));
        assert_eq!(
            negotiate("text/html,application/json", &both),
            Some(both[1])
        );
        // Ties between candidates go to the earlier candidate.
        assert_eq!(negotiate("*/*", &both), Some(both[0]));
        assert_eq!(
            negotiate("*/*", &["text/html", "application/json"]),
            Some("text/html")
        );
        // q=0 is not special.
        assert_eq!(negotiate("text/html;q=0", &both), Some(both[1]));
        assert_eq!(negotiate("text/html;q=0", &[]), None);
    }

    #[test]
    fn entry_grammar() {
        let html = ["text/html"];
        // Case-sensitive; blanks only as the pattern allows.
        assert_eq!(negotiate("TEXT/HTML", &html), None);
        assert_eq!(negotiate(" \ttext/html \t", &html), Some("text/html"));
        assert_eq!(negotiate("text /html", &html), None);
        assert_eq!(negotiate("text/ html", &html), None);
        assert_eq!(negotiate("\ntext/html", &html), None);
        assert_eq!(negotiate("/html", &html), None);
        assert_eq!(negotiate("text/", &html), None);
        // Parameters end the subtype; a trailing anything after it is ignored.
        assert_eq!(
            negotiate("text/html;charset=utf-8", &html),
            Some("text/html")
        );
        assert_eq!(negotiate("text/html garbage", &html), Some("text/html"));
        assert_eq!(negotiate("text/html/x", &html), None);
        // Pieces that don't parse still count towards header order.
        assert_eq!(negotiate("a/b", &["a/b"]), Some("a/b"));
        assert_eq!(negotiate(",,,", &html), None);
        assert_eq!(negotiate("", &html), None);
        assert_eq!(
            negotiate("ünï/cødé, text/html", &["ünï/cødé"]),
            Some("ünï/cødé")
        );
    }

    #[test]
    fn quality_parsing() {
        let both = ["application/json", "text/html"];
        // Only `q=` right after the first `;` counts.
        assert_eq!(
            negotiate("text/html;level=1;q=0.1,application/json;q=0.5", &both),
            Some(both[1])
        );
        assert_eq!(
            negotiate("text/html;Q=0.1,application/json;q=0.5", &both),
            Some(both[1])
        );
        assert_eq!(
            negotiate("text/html; \t q=0.1,application/json;q=0.5", &both),
            Some(both[0])
        );
        assert_eq!(
            negotiate("text/html ;q=0.1,application/json;q=0.5", &both),
            Some(both[0])
        );
        assert_eq!(
            negotiate("text/html;q =0.1,application/json;q=0.5", &both),
            Some(both[1])
        );
        // `q=` without digits keeps the default 1; digits stop at the first other byte.
        assert_eq!(
            negotiate("text/html;q=,application/json;q=0.5", &both),
            Some(both[1])
        );
        assert_eq!(
            negotiate("text/html;q=0.1x,application/json;q=0.5", &both),
            Some(both[0])
        );
        assert_eq!(
            negotiate("text/html;q=-1,application/json;q=0.5", &both),
            Some(both[1])
        );
        // Anything goes numerically: above 1, `1.`, `.5`, huge (Infinity).
        assert_eq!(
            negotiate("application/json,text/html;q=2", &both),
            Some(both[1])
        );
        assert_eq!(
            negotiate("application/json;q=.4,text/html;q=.5", &both),
            Some(both[1])
        );
        assert_eq!(
            negotiate("application/json;q=1.,text/html;q=0.9", &both),
            Some(both[0])
        );
        let huge = format!(
            "application/json;q=1{},text/html;q=1{}",
            "0".repeat(400),
            "0".repeat(500)
        );
        assert_eq!(negotiate(&huge, &both), Some(both[0]));
    }

    #[test]
    fn js_number_matches_unary_plus() {
        assert_eq!(js_number("1"), 1.0);
        assert_eq!(js_number("0.9"), 0.9);
        assert_eq!(js_number("1."), 1.0);
        assert_eq!(js_number(".5"), 0.5);
        assert_eq!(js_number("007"), 7.0);
        assert_eq!(js_number(&"9".repeat(400)), f64::INFINITY);
        for nan in [".", "..", "1.2.3", "1..", ".5."] {
            assert!(js_number(nan).is_nan(), "{nan}");
        }
    }

    /// An entry whose quality is not a number is ignored (SvelteKit's order there depends on
    /// the JavaScript engine).
    #[test]
    fn entries_with_a_non_numeric_quality_are_ignored() {
        let abc = ["c/c", "b/b", "a/a"];
        assert_eq!(negotiate("a/a;q=.,b/b;q=1,c/c;q=0.5", &abc), Some("b/b"));
        assert_eq!(negotiate("a/a;q=1.2.3,b/b", &["b/b", "a/a"]), Some("b/b"));
        assert_eq!(negotiate("a/a;q=1.2.3", &["a/a"]), None);
    }
}
