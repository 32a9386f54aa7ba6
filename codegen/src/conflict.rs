//! Route conflicts: two routes that would answer the same URLs.
//!
//! A port of SvelteKit 2's `prevent_conflicts` (`kit/src/core/sync/create_manifest_data/
//! conflict.js`, `@sveltejs/kit@2.70.2`), described in the routing semantics spec §4. Each
//! route id is normalised into one or more keys; two routes conflict when they share a key.
//! The normalisation follows SvelteKit's regular expressions step by step, on UTF-16 code
//! units like the JavaScript strings it works on, quirks included:
//!
//! - an id that ends in a param and has an optional param anywhere counts as "ending with an
//!   optional" (`/<\?.+?>$/` spans tokens), so its optionals are not expanded:
//!   `/[[a]]/x/[b]` does not conflict with `/x/[c]`;
//! - an optional followed by a group is expanded (the group leaves a trailing `/`), so
//!   `/[[a]]/(g)` conflicts with `/` although `/[[a]]` does not;
//! - only the first run of `//` in a key is collapsed, so `/[[a]]/x/[[b]]/y` (key `x//y`
//!   when both are omitted) does not conflict with `/x/y`;
//! - `[u+…]` codes above `ffff` are cut to 16 bits, as `String.fromCharCode` does.
//!
//! Unlike SvelteKit, which throws on the first conflict, every conflicting pair is reported.

use std::collections::{HashMap, HashSet};

/// Finds every pair of route ids that match the same URLs. `ids` are the routes that have a
/// page or an endpoint, in walk order. Returns (first id, second id) for each conflict, where
/// `first` is the earlier route holding that key (as SvelteKit reports it).
///
/// Pairs come out in the order SvelteKit would meet them, each pair (of positions in `ids`)
/// once. An id whose own optionals expand to the same key twice (only possible for ids that
/// validation rejects, such as `/[[a]][[b]]/c`) conflicts with itself, as in SvelteKit.
pub fn find_conflicts<'a>(ids: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    // Key -> positions in `ids` of the routes holding it, in walk order.
    let mut holders: HashMap<Vec<u16>, Vec<usize>> = HashMap::new();
    let mut reported = HashSet::new();
    let mut conflicts = Vec::new();
    for (position, id) in ids.iter().enumerate() {
        for key in conflict_keys(id) {
            let earlier = holders.entry(key).or_default();
            for &first in earlier.iter() {
                if reported.insert((first, position)) {
                    conflicts.push((ids[first], *id));
                }
            }
            if earlier.last() != Some(&position) {
                earlier.push(position);
            }
        }
    }
    conflicts
}

const SLASH: u16 = b'/' as u16;
const OPEN: u16 = b'[' as u16;
const CLOSE: u16 = b']' as u16;
const OPEN_PAREN: u16 = b'(' as u16;
const CLOSE_PAREN: u16 = b')' as u16;
const LESS_THAN: u16 = b'<' as u16;
const GREATER_THAN: u16 = b'>' as u16;
const QUESTION: u16 = b'?' as u16;
const EQUALS: u16 = b'=' as u16;
const PLUS: u16 = b'+' as u16;

/// The keys a route claims: its normalised id, or one key per combination of its optional
/// params being omitted or present.
fn conflict_keys(id: &str) -> Vec<Vec<u16>> {
    let id: Vec<u16> = id.encode_utf16().collect();
    let normalized = replace_params(&decode_escapes(&remove_groups(&id)));
    let permutations =
        if !ends_with_optional(&normalized) && find_optional_token(&normalized, 0).is_some() {
            expand_optionals(&normalized)
        } else {
            vec![normalized]
        };
    permutations
        .iter()
        .map(|permutation| to_key(permutation))
        .collect()
}

/// What JavaScript's `.` does not match (no `s` flag).
fn is_line_terminator(unit: u16) -> bool {
    matches!(unit, 0x0a | 0x0d | 0x2028 | 0x2029)
}

/// Finds the end of a lazy `.+?` followed by `close`, where the `.+?` starts at `from`: the
/// index of the first `close` after at least one character, if no line terminator comes
/// first.
fn lazy_run_until(s: &[u16], from: usize, close: u16) -> Option<usize> {
    let mut end = from;
    loop {
        if is_line_terminator(*s.get(end)?) {
            return None;
        }
        end += 1;
        if s.get(end) == Some(&close) {
            return Some(end);
        }
    }
}

/// Removes `(group)`s, as `/(?<=^|\/)\(.+?\)(?=$|\/)/g` does. The lazy `.+?` may run over
/// `)` and `/`: in `/(a)b/c)/d` the group is `(a)b/c)`.
fn remove_groups(id: &[u16]) -> Vec<u16> {
    let mut out = Vec::with_capacity(id.len());
    let mut i = 0;
    while i < id.len() {
        let after_boundary = i == 0 || id[i - 1] == SLASH;
        if after_boundary
            && id[i] == OPEN_PAREN
            && let Some(end) = group_end(id, i)
        {
            i = end;
            continue;
        }
        out.push(id[i]);
        i += 1;
    }
    out
}

/// If a group starts at `open`, the index just after its `)`: the first `)` (after at least
/// one character) that is followed by `/` or the end.
fn group_end(id: &[u16], open: usize) -> Option<usize> {
    let mut from = open + 1;
    loop {
        let close = lazy_run_until(id, from, CLOSE_PAREN)?;
        if matches!(id.get(close + 1), None | Some(&SLASH)) {
            return Some(close + 1);
        }
        // This `)` is just part of the lazy run; look for the next one.
        from = close;
    }
}

/// Decodes lowercase escapes (`/\[[ux]\+([0-9a-f]+)\]/g`) to the character they name, written
/// as `%2f` when that is `/`.
fn decode_escapes(id: &[u16]) -> Vec<u16> {
    let mut out = Vec::with_capacity(id.len());
    let mut i = 0;
    while i < id.len() {
        if let Some((c, end)) = escape_at(id, i) {
            if c == '/' {
                out.extend("%2f".encode_utf16());
            } else {
                out.extend(c.encode_utf16(&mut [0; 2]).iter());
            }
            i = end;
            continue;
        }
        out.push(id[i]);
        i += 1;
    }
    out
}

/// If an escape starts at `start`, the character it decodes to and the index after it.
fn escape_at(id: &[u16], start: usize) -> Option<(char, usize)> {
    let [OPEN, kind, PLUS] = *id.get(start..start + 3)? else {
        return None;
    };
    if kind != u16::from(b'u') && kind != u16::from(b'x') {
        return None;
    }
    let digits_start = start + 3;
    let digit_count = id[digits_start..]
        .iter()
        .take_while(|&&unit| is_lowercase_hex_digit(unit))
        .count();
    let close = digits_start + digit_count;
    if digit_count == 0 || id.get(close) != Some(&CLOSE) {
        return None;
    }
    Some((code_point_of_hex(&id[digits_start..close]), close + 1))
}

fn is_lowercase_hex_digit(unit: u16) -> bool {
    matches!(unit, 0x30..=0x39 | 0x61..=0x66)
}

/// The character named by a run of hex digits. routekit decodes `[u+1f600]` to the full code
/// point (as `escape.rs` does; SvelteKit 2 truncates it to 16 bits), so that the conflict check
/// agrees with what the route matches. Validation has already rejected codes that are not a
/// character; U+FFFD stands in for them here.
fn code_point_of_hex(digits: &[u16]) -> char {
    String::from_utf16(digits)
        .ok()
        .and_then(|text| u32::from_str_radix(&text, 16).ok())
        .and_then(char::from_u32)
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Replaces each param with a token: `[a]` -> `<*>`, `[a=m]` -> `<=m>`, `[[a]]` -> `<?*>`,
/// `[...a]` -> `<...*>`, as `/\[(?:(\[)|(\.\.\.))?.+?(=.+?)?\]\]?/g` does.
fn replace_params(id: &[u16]) -> Vec<u16> {
    let mut out = Vec::with_capacity(id.len());
    let mut i = 0;
    while i < id.len() {
        if let Some(param) = param_at(id, i) {
            out.push(LESS_THAN);
            if param.optional {
                out.push(QUESTION);
            }
            if param.rest {
                out.extend("...".encode_utf16());
            }
            match param.matcher {
                Some((from, to)) => out.extend_from_slice(&id[from..to]),
                None => out.push(u16::from(b'*')),
            }
            out.push(GREATER_THAN);
            i = param.end;
            continue;
        }
        out.push(id[i]);
        i += 1;
    }
    out
}

/// A param found by [`param_at`].
struct ParamMatch {
    optional: bool,
    rest: bool,
    /// Range of the `=matcher` text, `=` included.
    matcher: Option<(usize, usize)>,
    /// Index just after the param.
    end: usize,
}

/// The param starting at `open`, if any, chosen the way the backtracking regex chooses.
fn param_at(id: &[u16], open: usize) -> Option<ParamMatch> {
    if id.get(open) != Some(&OPEN) {
        return None;
    }
    // `(?:(\[)|(\.\.\.))?` tries `[`, then `...`, then nothing.
    let after_open = open + 1;
    let mut prefixes = Vec::with_capacity(2);
    if id.get(after_open) == Some(&OPEN) {
        prefixes.push((true, false, 1));
    } else if id.get(after_open..after_open + 3) == Some(&[0x2e, 0x2e, 0x2e][..]) {
        prefixes.push((false, true, 3));
    }
    prefixes.push((false, false, 0));

    prefixes
        .into_iter()
        .find_map(|(optional, rest, prefix_len)| {
            let (matcher, close) = param_body(id, after_open + prefix_len)?;
            // `\]?`: swallow a second `]` if there is one.
            let end = if id.get(close + 1) == Some(&CLOSE) {
                close + 2
            } else {
                close + 1
            };
            Some(ParamMatch {
                optional,
                rest,
                matcher,
                end,
            })
        })
}

/// Matches `.+?(=.+?)?\]` from `start`: returns the matcher's range and the index of the
/// closing `]`. The name grows one character at a time; after each, a `=` starting a
/// matcher that reaches a `]` wins, otherwise a `]` ends the param.
fn param_body(id: &[u16], start: usize) -> Option<(Option<(usize, usize)>, usize)> {
    let mut name_end = start;
    loop {
        if is_line_terminator(*id.get(name_end)?) {
            return None;
        }
        name_end += 1;
        match id.get(name_end) {
            Some(&EQUALS) => {
                if let Some(close) = lazy_run_until(id, name_end + 1, CLOSE) {
                    return Some((Some((name_end, close)), close));
                }
            }
            Some(&CLOSE) => return Some((None, name_end)),
            _ => {}
        }
    }
}

/// Finds the first optional token `<?…>` (`/<\?(.+?)>/`) starting at or after `from`:
/// returns its start, the range of its body, and the index after it.
fn find_optional_token(s: &[u16], from: usize) -> Option<(usize, (usize, usize), usize)> {
    (from..s.len()).find_map(|start| {
        if s.get(start..start + 2) != Some(&[LESS_THAN, QUESTION][..]) {
            return None;
        }
        let close = lazy_run_until(s, start + 2, GREATER_THAN)?;
        Some((start, (start + 2, close), close + 1))
    })
}

/// `/<\?.+?>$/`: some `<?` is followed, with no line terminator, by at least one character
/// and a `>` that ends the id. The `.+?` may cross other tokens, so `<?*>/x/<*>` counts.
fn ends_with_optional(s: &[u16]) -> bool {
    let Some((&GREATER_THAN, body)) = s.split_last() else {
        return false;
    };
    let clean_from = body
        .iter()
        .rposition(|&unit| is_line_terminator(unit))
        .map_or(0, |position| position + 1);
    body[clean_from..]
        .windows(2)
        .enumerate()
        .any(|(offset, pair)| pair == [LESS_THAN, QUESTION] && clean_from + offset + 2 < body.len())
}

/// Turns each optional into "omitted" and "present as required" (`x/<?*>/y` -> `x//y`,
/// `x/<*>/y`), except that a `*` optional is never added right after `//`.
fn expand_optionals(normalized: &[u16]) -> Vec<Vec<u16>> {
    // `split` with a capture group: text, matcher, text, matcher, …, text.
    let mut texts = Vec::new();
    let mut matchers = Vec::new();
    let mut text_start = 0;
    while let Some((start, (body_start, body_end), end)) =
        find_optional_token(normalized, text_start)
    {
        texts.push(&normalized[text_start..start]);
        matchers.push(&normalized[body_start..body_end]);
        text_start = end;
    }
    texts.push(&normalized[text_start..]);

    let mut permutations = vec![texts[0].to_vec()];
    for (matcher, next) in matchers.into_iter().zip(&texts[1..]) {
        let is_plain = matcher == [u16::from(b'*')];
        permutations = permutations
            .into_iter()
            .flat_map(|prefix| {
                let omitted = [prefix.as_slice(), next].concat();
                let present = (!(is_plain && prefix.ends_with(&[SLASH, SLASH])))
                    .then(|| [&prefix, &[LESS_THAN][..], matcher, &[GREATER_THAN], next].concat());
                std::iter::once(omitted).chain(present)
            })
            .collect();
    }
    permutations
}

/// Collapses the first run of two or more `/` and strips one leading and one trailing `/`.
fn to_key(permutation: &[u16]) -> Vec<u16> {
    let mut key = permutation.to_vec();
    if let Some(run_start) = key.windows(2).position(|pair| pair == [SLASH, SLASH]) {
        let run_len = key[run_start..]
            .iter()
            .take_while(|&&unit| unit == SLASH)
            .count();
        key.drain(run_start + 1..run_start + run_len);
    }
    if key.first() == Some(&SLASH) {
        key.remove(0);
    }
    if key.last() == Some(&SLASH) {
        key.pop();
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(units: &[u16]) -> String {
        String::from_utf16_lossy(units)
    }

    fn keys(id: &str) -> Vec<String> {
        conflict_keys(id).iter().map(|key| text(key)).collect()
    }

    /// Expectations checked against SvelteKit's `conflict.js` under Node.
    #[test]
    fn conflicts() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            // Semantics §4 and the `conflict` build_errors vectors.
            ("groups", &["/(x)/a", "/(y)/a"], &[("/(x)/a", "/(y)/a")]),
            (
                "param names",
                &["/[slug1]", "/[slug2]"],
                &[("/[slug1]", "/[slug2]")],
            ),
            (
                "group against plain",
                &["/(a)/x", "/x"],
                &[("/(a)/x", "/x")],
            ),
            (
                "optional expands",
                &["/[[a]]/b", "/b"],
                &[("/[[a]]/b", "/b")],
            ),
            ("matcher names differ", &["/[a]", "/[b=m]"], &[]),
            ("trailing optional", &["/", "/[[x]]"], &[]),
            ("one route", &["/x"], &[]),
            // Every pair is reported, in walk order.
            (
                "three at once",
                &["/[a]", "/[b]", "/[c]"],
                &[("/[a]", "/[b]"), ("/[a]", "/[c]"), ("/[b]", "/[c]")],
            ),
            (
                "shared keys reported once per pair",
                &["/a", "/[[o]]/a", "/(g)/a"],
                &[("/a", "/[[o]]/a"), ("/a", "/(g)/a"), ("/[[o]]/a", "/(g)/a")],
            ),
            (
                "two keys in common",
                &["/[[a]]/b", "/[[c]]/b"],
                &[("/[[a]]/b", "/[[c]]/b")],
            ),
            (
                "same matcher",
                &["/[a=m]", "/[b=m]"],
                &[("/[a=m]", "/[b=m]")],
            ),
            ("rests", &["/[...a]", "/[...b]"], &[("/[...a]", "/[...b]")]),
            ("rest against required", &["/[...a]", "/[b]"], &[]),
            ("root group", &["/(g)", "/"], &[("/(g)", "/")]),
            // Escapes are decoded, `/` as `%2f`; codes are cut to 16 bits.
            (
                "escaped slash",
                &["/a[x+2f]b", "/a%2fb"],
                &[("/a[x+2f]b", "/a%2fb")],
            ),
            ("escaped letter", &["/[x+61]", "/a"], &[("/[x+61]", "/a")]),
            (
                "u+ code above ffff names the whole code point",
                &["/[u+1f600]", "/\u{1f600}", "/\u{f600}"],
                &[("/[u+1f600]", "/\u{1f600}")],
            ),
            (
                "decoded brackets",
                &["/[x+5b]a[x+5d]", "/[b]"],
                &[("/[x+5b]a[x+5d]", "/[b]")],
            ),
            // The lazy group pattern runs up to a `)` that ends a segment.
            ("odd group", &["/(a)b)/c", "/c"], &[("/(a)b)/c", "/c")]),
            (
                "two optionals",
                &["/[[a]]/[[b]]/c", "/c", "/[x]/c", "/[x]/[y]/c"],
                &[
                    ("/[[a]]/[[b]]/c", "/c"),
                    ("/[[a]]/[[b]]/c", "/[x]/c"),
                    ("/[[a]]/[[b]]/c", "/[x]/[y]/c"),
                ],
            ),
            // SvelteKit quirks, kept.
            (
                "optional anywhere, param at the end",
                &["/[[a]]/x/[b]", "/x/[c]"],
                &[],
            ),
            (
                "only the first `//` collapses",
                &["/[[a]]/x/[[b]]/y", "/x/y"],
                &[],
            ),
            (
                "trailing optionals",
                &["/[[a]]/[[b]]", "/[c]", "/[c]/[d]"],
                &[],
            ),
            (
                "optional before a group",
                &["/", "/[[a]]/(g)"],
                &[("/", "/[[a]]/(g)")],
            ),
            (
                "self conflict",
                &["/[[a]][[b]]/c"],
                &[("/[[a]][[b]]/c", "/[[a]][[b]]/c")],
            ),
        ];
        for (name, ids, expected) in cases {
            assert_eq!(find_conflicts(ids), *expected, "{name}");
        }
    }

    #[test]
    fn normalization() {
        let cases = [
            ("/", ""),
            ("/(g)/[a]/[b=m]/[...c]/[...d=n]", "<*>/<=m>/<...*>/<...=n>"),
            ("/a/[[b]]", "a/<?*>"),
            ("/a/[[b=m]]", "a/<?=m>"),
            ("/a-[b]-c", "a-<*>-c"),
            ("/[a]]", "<*>"),
            ("/[=x]", "<*>"),
            ("/[a=]]", "<=]>"),
            ("/[[]", "<*>"),
            ("/[u+0062]", "b"),
            ("/[x+2F]", "<*>"),
            ("/[x+00000000000000000000000000000000000041]", "A"),
            ("/[u+ffffffffffffffffff]", "\u{fffd}"),
            ("/(a)/(b)/c", "c"),
            ("/x/(a)", "x"),
            ("/(\n)/a", "(\n)/a"),
            ("/[a\n]", "[a\n]"),
        ];
        for (id, expected) in cases {
            assert_eq!(keys(id), [expected], "{id:?}");
        }
    }

    #[test]
    fn expansion() {
        let cases: &[(&str, &[&str])] = &[
            ("/[[a]]/b", &["b", "<*>/b"]),
            ("/[[a=m]]/b", &["b", "<=m>/b"]),
            // A present `*` optional is skipped right after `//`.
            ("/[[a]]/[[b]]/c", &["c", "<*>/c", "<*>/<*>/c"]),
            (
                "/[[a]]/x/[[b]]/y",
                &["x//y", "x/<*>/y", "<*>/x/y", "<*>/x/<*>/y"],
            ),
            // A trailing optional (or any id ending in a param, with an optional somewhere)
            // is not expanded.
            ("/a/[[b]]", &["a/<?*>"]),
            ("/[[a]]/x/[b]", &["<?*>/x/<*>"]),
            // Removing the group leaves a trailing `/`, so this optional is not last.
            ("/[[a]]/(g)", &["", "<*>"]),
        ];
        for (id, expected) in cases {
            assert_eq!(keys(id), *expected, "{id}");
        }
    }

    #[test]
    fn hex_codes_name_whole_code_points() {
        let code = |digits: &str| code_point_of_hex(&digits.encode_utf16().collect::<Vec<_>>());
        assert_eq!(code("41"), 'A');
        assert_eq!(code("1f600"), '\u{1f600}');
        assert_eq!(code("d800"), char::REPLACEMENT_CHARACTER);
        assert_eq!(code(&"f".repeat(40)), char::REPLACEMENT_CHARACTER);
    }

    #[test]
    fn odd_input_never_panics() {
        let ids = [
            "",
            "/",
            "[",
            "]",
            "(",
            ")",
            "<?",
            "<?>",
            "<?x>",
            "/<?*>/a",
            "/[[",
            "/[[a]",
            "/[[a]]/",
            "//",
            "/(",
            "/()",
            "/(a",
            "/[x+",
            "/[x+]",
            "/[u+zz]",
            "\n",
            "/[\n]",
            "/<?\n>",
            "/😀",
            "/[[a]]\n",
            "/[[a]]/[[b]]/[[c]]/[[d]]/x",
        ];
        let conflicts = find_conflicts(&ids);
        assert!(
            conflicts
                .iter()
                .all(|(a, b)| ids.contains(a) && ids.contains(b))
        );
    }
}
