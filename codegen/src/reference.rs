//! The reference matcher: SvelteKit 2's `exec`, `find_route`, `decode_pathname` and
//! `decodeURIComponent` (§3), ported as literally as possible on top of the regexes of
//! [`crate::regex_source`]. This is the oracle that routekit's generated dispatch is
//! differential-tested against, so it aims at fidelity and clarity, not speed.

use std::collections::BTreeMap;
use std::fmt;

use regex::Regex;

use crate::regex_source::rust_regex_source;
use crate::route_id::{InvalidParam, Param, Part, RoutePattern, Segment, parse_route_id};

/// Params of a match, by name.
pub type Params = BTreeMap<String, String>;

/// A route ready for reference matching: its id, its parsed pattern and its regex.
#[derive(Debug, Clone)]
pub struct ReferenceRoute {
    /// The route id (`/blog/[slug]`).
    pub id: String,
    /// The parsed id.
    pub pattern: RoutePattern,
    regex: Regex,
}

impl ReferenceRoute {
    /// Parses `id` and compiles its regex.
    ///
    /// # Errors
    ///
    /// The id has bracket contents that are not a param.
    ///
    /// # Panics
    ///
    /// Never for an id that parses: its regex is made of escaped text and fixed groups.
    pub fn new(id: &str) -> Result<Self, InvalidParam> {
        let pattern = parse_route_id(id)?;
        let regex = Regex::new(&rust_regex_source(&pattern))
            .expect("a route regex is escaped text and fixed groups, so it compiles");
        Ok(Self {
            id: id.to_owned(),
            pattern,
            regex,
        })
    }
}

/// A path or param value whose percent-encoding is malformed: `%` not followed by two hex
/// digits, or escapes that are not the UTF-8 encoding of one character (SvelteKit's `URIError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedUri {
    /// The text that failed to decode.
    pub uri: String,
}

impl fmt::Display for MalformedUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed percent-encoding in `{}`", self.uri)
    }
}

impl std::error::Error for MalformedUri {}

/// SvelteKit's `exec`: matches `path` (already decoded by [`decode_pathname`]) against `route`
/// and extracts its params, running `matcher(matcher_name, value)` for every param that names
/// a matcher. `None` if the regex does not match or the matchers reject the values.
///
/// Values are returned as matched, not yet percent-decoded (see [`find_route`]).
pub fn exec(
    route: &ReferenceRoute,
    path: &str,
    matcher: &dyn Fn(&str, &str) -> bool,
) -> Option<Params> {
    let captures = route.regex.captures(path)?;
    let values: Vec<Option<&str>> = (0..route.pattern.params.len())
        .map(|i| {
            let value = captures.get(i + 1).map(|m| m.as_str());
            // ECMAScript: a `?`-quantified group that matched the empty string did not
            // participate, so JS sees `undefined` where the `regex` crate captures `""`.
            if value == Some("") && is_in_segment_optional(&route.pattern, i) {
                None
            } else {
                value
            }
        })
        .collect();
    exec_values(&route.pattern.params, &values, matcher)
}

/// Whether param `index` is an optional param inside a mixed segment, whose group is
/// `([^/]*)?`: the only capture group that is itself quantified by `?`.
fn is_in_segment_optional(pattern: &RoutePattern, index: usize) -> bool {
    let param = &pattern.params[index];
    param.optional
        && !param.rest
        && pattern.segments.iter().any(|segment| {
            matches!(segment, Segment::Mixed(parts) if parts.contains(&Part::Param(index)))
        })
}

/// The body of SvelteKit's `exec`: assigns the captured `values` (one per param, `None` for
/// `undefined`) to `params`. An optional param whose matcher rejects its value is skipped and
/// its value shifts to the next param ("buffered"); a chained rest param absorbs every value
/// buffered before it. Values left over at the end mean no match.
fn exec_values(
    params: &[Param],
    values: &[Option<&str>],
    matcher: &dyn Fn(&str, &str) -> bool,
) -> Option<Params> {
    let mut result = Params::new();
    let values_needing_match = values.iter().filter(|value| value.is_some()).count();
    let mut buffered = 0;

    for (i, param) in params.iter().enumerate() {
        let mut value = values[i - buffered].map(str::to_owned);

        if param.chained && param.rest && buffered > 0 {
            value = Some(join_truthy(&values[i - buffered..=i]));
            buffered = 0;
        }

        let value = match value {
            Some(value) => value,
            // A rest param always has a value, so its matcher still gets to decide.
            None if param.rest => String::new(),
            None => continue,
        };

        let accepted = param
            .matcher
            .as_deref()
            .is_none_or(|name| matcher(name, &value));
        if accepted {
            result.insert(param.name.clone(), value);
            let next_param = params.get(i + 1);
            let next_value_truthy = is_truthy(values.get(i + 1).copied().flatten());
            if let Some(next) = next_param
                && !next.rest
                && next.optional
                && next_value_truthy
                && param.chained
            {
                buffered = 0;
            }
            if next_param.is_none() && !next_value_truthy && result.len() == values_needing_match {
                buffered = 0;
            }
            continue;
        }

        if param.optional && param.chained {
            buffered += 1;
            continue;
        }
        return None;
    }

    (buffered == 0).then_some(result)
}

/// JS truthiness of a captured value: `undefined` and `""` are false.
fn is_truthy(value: Option<&str>) -> bool {
    value.is_some_and(|value| !value.is_empty())
}

/// JS `values.filter((s) => s).join('/')`.
fn join_truthy(values: &[Option<&str>]) -> String {
    let kept: Vec<&str> = values
        .iter()
        .copied()
        .flatten()
        .filter(|value| !value.is_empty())
        .collect();
    kept.join("/")
}

/// SvelteKit's `find_route`: the first of `routes` (in the order given, which should be the
/// sorted order) that [`exec`] matches, with its params percent-decoded by
/// [`decode_uri_component`].
///
/// # Errors
///
/// A param value of the first matching route is not valid percent-encoding (possible because
/// `decode_pathname` leaves `%25` encoded: `/%255x` on `/[a]5[b]` gives `a = "%2"`). SvelteKit 2
/// throws at that point, out of `find_route`, without trying later routes; its `respond` does
/// not catch that throw (unlike a malformed pathname, which becomes a 400).
pub fn find_route<'r>(
    path: &str,
    routes: &'r [ReferenceRoute],
    matcher: &dyn Fn(&str, &str) -> bool,
) -> Result<Option<(&'r ReferenceRoute, Params)>, MalformedUri> {
    for route in routes {
        if let Some(params) = exec(route, path, matcher) {
            return Ok(Some((route, decode_params(params)?)));
        }
    }
    Ok(None)
}

/// SvelteKit's `decode_params`: `decodeURIComponent` on every value.
fn decode_params(params: Params) -> Result<Params, MalformedUri> {
    params
        .into_iter()
        .map(|(name, value)| Ok((name, decode_uri_component(&value)?)))
        .collect()
}

/// SvelteKit's `decode_pathname`: `decodeURI` on the pieces between literal `%25`s, which stay
/// as they are so that a param can never be decoded twice. Like `decodeURI`, it leaves the
/// escapes of `; / ? : @ & = + $ , #` as written.
///
/// # Errors
///
/// The pathname has malformed percent-encoding (SvelteKit answers 400).
pub fn decode_pathname(pathname: &str) -> Result<String, MalformedUri> {
    let pieces: Option<Vec<String>> = pathname
        .split("%25")
        .map(|piece| decode(piece, URI_RESERVED))
        .collect();
    let pieces = pieces.ok_or_else(|| MalformedUri {
        uri: pathname.to_owned(),
    })?;
    Ok(pieces.join("%25"))
}

/// ECMAScript's `decodeURIComponent`: every escape is decoded.
///
/// # Errors
///
/// `s` has malformed percent-encoding.
pub fn decode_uri_component(s: &str) -> Result<String, MalformedUri> {
    decode(s, "").ok_or_else(|| MalformedUri { uri: s.to_owned() })
}

/// The characters whose escapes `decodeURI` keeps (ECMAScript's uriReserved plus `#`).
const URI_RESERVED: &str = ";/?:@&=+$,#";

/// ECMAScript's `Decode(string, preserveEscapeSet)`: each `%XX` escape, or run of escapes that
/// encodes one character in UTF-8, becomes that character; escapes of an ASCII character in
/// `keep_escaped` stay as written. `None` if an escape is malformed or the bytes are not the
/// UTF-8 of one character (overlong forms, surrogates and code points above U+10FFFF included).
fn decode(input: &str, keep_escaped: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut copied = 0;
    while let Some(offset) = input[copied..].find('%') {
        let start = copied + offset;
        out.push_str(&input[copied..start]);
        let first = escaped_byte(bytes, start)?;
        let len = utf8_sequence_len(first)?;
        let mut octets = vec![first];
        for j in 1..len {
            let octet = escaped_byte(bytes, start + 3 * j)?;
            if octet & 0xC0 != 0x80 {
                return None;
            }
            octets.push(octet);
        }
        let end = start + 3 * len;
        let decoded = std::str::from_utf8(&octets).ok()?;
        let keep = len == 1 && decoded.chars().all(|c| keep_escaped.contains(c));
        out.push_str(if keep { &input[start..end] } else { decoded });
        copied = end;
    }
    out.push_str(&input[copied..]);
    Some(out)
}

/// The byte that the escape `%XX` at `at` stands for, if there is one.
fn escaped_byte(bytes: &[u8], at: usize) -> Option<u8> {
    let escape = bytes.get(at..at + 3)?;
    if escape[0] != b'%' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[1..]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u8::from_str_radix(hex, 16).ok()
}

/// How many bytes a UTF-8 sequence starting with `first` has, going by its leading one bits;
/// `None` for a continuation byte or a byte with more than four leading ones.
fn utf8_sequence_len(first: u8) -> Option<usize> {
    match first.leading_ones() {
        0 => Some(1),
        n @ 2..=4 => Some(n as usize),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matchers of the `exec[]` and `parse[]` vectors.
    fn vector_matcher(name: &str, _value: &str) -> bool {
        match name {
            "matches" => true,
            "doesntmatch" => false,
            // `parse[]` treats every matcher as accepting.
            _ => true,
        }
    }

    /// The `word` matcher of the `find_route[]` vectors: `^\w+$` in ASCII.
    fn word_matcher(name: &str, value: &str) -> bool {
        assert_eq!(name, "word");
        !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
    }

    fn route(id: &str) -> ReferenceRoute {
        ReferenceRoute::new(id).unwrap()
    }

    /// Param names and values, as the vectors list them.
    type Pairs = &'static [(&'static str, &'static str)];

    /// Paths with the params they give.
    type Matches = &'static [(&'static str, Pairs)];

    fn params(pairs: &[(&str, &str)]) -> Params {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// `exec[]`: route, path, expected params (`None`: no match).
    #[rustfmt::skip]
    const EXEC: &[(&str, &str, Option<Pairs>)] = &[
        ("/blog/[[slug]]/sub[[param]]", "/blog/sub", Some(&[])),
        ("/blog/[[slug]]/sub[[param]]", "/blog/slug/sub", Some(&[("slug", "slug")])),
        ("/blog/[[slug]]/sub[[param]]", "/blog/slug/subparam", Some(&[("slug", "slug"), ("param", "param")])),
        ("/blog/[[slug]]/sub[[param]]", "/blog/subparam", Some(&[("param", "param")])),
        ("/[[slug]]/[...rest]", "/slug/rest/sub", Some(&[("slug", "slug"), ("rest", "rest/sub")])),
        ("/[[slug]]/[...rest]", "/slug/rest", Some(&[("slug", "slug"), ("rest", "rest")])),
        ("/[[slug]]/[...rest]", "/slug", Some(&[("slug", "slug"), ("rest", "")])),
        ("/[[slug]]/[...rest]", "/", Some(&[("rest", "")])),
        ("/[...rest]/path", "/rest/path", Some(&[("rest", "rest")])),
        ("/[[slug1]]/[[slug2]]", "/slug1/slug2", Some(&[("slug1", "slug1"), ("slug2", "slug2")])),
        ("/[[slug1]]/[[slug2]]", "/slug1", Some(&[("slug1", "slug1")])),
        ("/[[slug1=matches]]", "/", Some(&[])),
        ("/[[slug1=doesntmatch]]", "/", Some(&[])),
        ("/[[slug1=matches]]/[[slug2=doesntmatch]]", "/foo", Some(&[("slug1", "foo")])),
        ("/[[slug1=doesntmatch]]/[[slug2=doesntmatch]]", "/foo", None),
        ("/[...slug1=matches]", "/", Some(&[("slug1", "")])),
        ("/[...slug1=doesntmatch]", "/", None),
        ("/[[slug=doesntmatch]]/[...rest]", "/foo", Some(&[("rest", "foo")])),
        ("/[[slug1=doesntmatch]]/[slug2]/[...rest]", "/foo/bar/baz", Some(&[("slug2", "foo"), ("rest", "bar/baz")])),
        ("/[[slug1=doesntmatch]]/[slug2]/[...rest]/baz", "/foo/bar/baz", Some(&[("slug2", "foo"), ("rest", "bar")])),
        ("/[[a=doesntmatch]]/[[b=doesntmatch]]/[[c=doesntmatch]]/[...d]", "/a/b/c/d", Some(&[("d", "a/b/c/d")])),
        ("/[[a=doesntmatch]]/[b]/[...c]/[d]/e", "/foo/bar/baz/qux/e", Some(&[("b", "foo"), ("c", "bar/baz"), ("d", "qux")])),
        ("/[[slug1=doesntmatch]]/[[slug2=doesntmatch]]/[...rest]", "/foo/bar/baz", Some(&[("rest", "foo/bar/baz")])),
        ("/[[slug1=doesntmatch]]/[[slug2=matches]]/[[slug3=doesntmatch]]/[...rest].json", "/foo/bar/baz.json", Some(&[("slug2", "foo"), ("rest", "bar/baz")])),
        ("/[[a=doesntmatch]]/[[b=matches]]/c", "/a/b/c", None),
        ("/[[slug1=matches]]/[[slug2=matches]]/constant/[[slug3=matches]]", "/a/b/constant/c", Some(&[("slug1", "a"), ("slug2", "b"), ("slug3", "c")])),
        ("/[[slug1=doesntmatch]]/[[slug2=matches]]/constant/[[slug3=matches]]", "/b/constant/c", Some(&[("slug2", "b"), ("slug3", "c")])),
        ("/[[slug1=doesntmatch]]/[[slug2=matches]]/[[slug3=matches]]", "/b/c", Some(&[("slug2", "b"), ("slug3", "c")])),
        ("/[slug1]/[[lang=doesntmatch]]/[[page=matches]]", "/a/2", Some(&[("slug1", "a"), ("page", "2")])),
        ("/[[slug1=doesntmatch]]/[slug2=matches]/[slug3]", "/a/b/c", None),
        ("/[[lang=doesntmatch]]/[asset=matches]/[[categoryType]]/[...categories]", "/music", Some(&[("asset", "music"), ("categories", "")])),
        ("/[[lang=doesntmatch]]/[asset=matches]/[[categoryType]]/[...categories]", "/music/genre", Some(&[("asset", "music"), ("categoryType", "genre"), ("categories", "")])),
        ("/[[lang=doesntmatch]]/[asset=matches]/[[categoryType]]/[...categories]", "/music/genre/rock", Some(&[("asset", "music"), ("categoryType", "genre"), ("categories", "rock")])),
        ("/[[lang=doesntmatch]]/[asset=matches]/[[categoryType]]/[...categories]", "/sfx/category/car/crash", Some(&[("asset", "sfx"), ("categoryType", "category"), ("categories", "car/crash")])),
        ("/[[lang=matches]]/[asset=matches]/[[categoryType]]/[...categories]", "/es/sfx/category/car/crash", Some(&[("lang", "es"), ("asset", "sfx"), ("categoryType", "category"), ("categories", "car/crash")])),
        ("/[[slug1=doesntmatch]]/[...slug2=doesntmatch]", "/a/b/c", None),
        ("/[...a=doesntmatch]/[b]", "/foo", None),
        ("/[...a=matches]/[b]", "/foo", Some(&[("a", ""), ("b", "foo")])),
        ("/[...a=doesntmatch]/[b]/[c]", "/foo/bar", None),
        ("/[...a=matches]/[b]/[c]", "/foo/bar", Some(&[("a", ""), ("b", "foo"), ("c", "bar")])),
        ("/[...catchall]", "/\n", Some(&[("catchall", "\n")])),
        ("/[[...catchall]]", "/\n", Some(&[("catchall", "\n")])),
        ("/(group)/[[optional]]", "/", Some(&[])),
        ("/(group1)/[slug]/(group2)", "/123", Some(&[("slug", "123")])),
    ];

    /// `parse[]`: route, paths that match with their params, paths that do not.
    #[rustfmt::skip]
    const PARSE: &[(&str, Matches, &[&str])] = &[
        ("/", &[("/", &[])], &["/a", "//"]),
        ("/blog", &[("/blog", &[]), ("/blog/", &[])], &["/blog/x", "/blogs", "/Blog", "/blog//"]),
        ("/blog.json", &[("/blog.json", &[]), ("/blog.json/", &[])], &["/blogxjson", "/blog"]),
        ("/blog/[slug]", &[("/blog/hello", &[("slug", "hello")]), ("/blog/hello/", &[("slug", "hello")]), ("/blog/a.b", &[("slug", "a.b")])], &["/blog", "/blog/", "/blog/a/b"]),
        ("/blog/[slug].json", &[("/blog/x.json", &[("slug", "x")]), ("/blog/a.b.json", &[("slug", "a.b")])], &["/blog/.json", "/blog/x.json/y", "/blog/x"]),
        ("/blog/[[slug]]", &[("/blog", &[]), ("/blog/", &[]), ("/blog/x", &[("slug", "x")]), ("/blog/x/", &[("slug", "x")])], &["/blog/x/y", "/blogx"]),
        ("/blog/[[slug=type]]/sub", &[("/blog/sub", &[]), ("/blog/x/sub", &[("slug", "x")])], &["/blog/x/y/sub", "/blog"]),
        ("/blog/[[slug]].json", &[("/blog/.json", &[]), ("/blog/x.json", &[("slug", "x")])], &["/blog.json", "/blog/a/b.json"]),
        ("/[...catchall]", &[("/", &[("catchall", "")]), ("/a", &[("catchall", "a")]), ("/a/b/c", &[("catchall", "a/b/c")]), ("/a/b/c/", &[("catchall", "a/b/c/")])], &[]),
        ("/foo/[...catchall]/bar", &[("/foo/bar", &[("catchall", "")]), ("/foo/a/bar", &[("catchall", "a")]), ("/foo/a/b/bar", &[("catchall", "a/b")])], &["/foo/barx", "/foo", "/foo/a"]),
        ("/matched/[id=uuid]", &[("/matched/1", &[("id", "1")])], &["/matched", "/matched/1/2"]),
        ("/@-symbol/[id]", &[("/@-symbol/x", &[("id", "x")])], &["/@-symbol"]),
    ];

    #[test]
    fn exec_vectors() {
        for (id, path, expected) in EXEC {
            let actual = exec(&route(id), path, &vector_matcher);
            assert_eq!(actual, expected.map(params), "route {id} on {path:?}");
        }
    }

    #[test]
    fn parse_vectors() {
        for (id, matches, non_matches) in PARSE {
            let route = route(id);
            for (path, expected) in *matches {
                let actual = exec(&route, path, &vector_matcher);
                assert_eq!(actual, Some(params(expected)), "route {id} on {path:?}");
            }
            for path in *non_matches {
                assert_eq!(
                    exec(&route, path, &vector_matcher),
                    None,
                    "route {id} on {path:?}"
                );
            }
        }
    }

    /// One `find_route[]` vector.
    struct FindCase {
        /// Route ids, in priority order.
        routes: &'static [&'static str],
        path: &'static str,
        /// The route found, if any.
        route: Option<&'static str>,
        /// The decoded params, where the vector gives them.
        params: Option<Pairs>,
    }

    const FIND_ROUTE: &[FindCase] = &[
        FindCase {
            routes: &["/blog", "/blog/[slug]", "/about"],
            path: "/blog/hello-world",
            route: Some("/blog/[slug]"),
            params: Some(&[("slug", "hello-world")]),
        },
        FindCase {
            routes: &["/blog/[slug]", "/blog/[...rest]"],
            path: "/blog/hello",
            route: Some("/blog/[slug]"),
            params: None,
        },
        FindCase {
            routes: &["/blog", "/about"],
            path: "/contact",
            route: None,
            params: None,
        },
        FindCase {
            routes: &["/blog/[slug=word]", "/blog/[slug]"],
            path: "/blog/hello",
            route: Some("/blog/[slug=word]"),
            params: None,
        },
        FindCase {
            routes: &["/blog/[slug=word]", "/blog/[slug]"],
            path: "/blog/hello-world",
            route: Some("/blog/[slug]"),
            params: None,
        },
        FindCase {
            routes: &["/blog/[slug]"],
            path: "/blog/hello%20world",
            route: Some("/blog/[slug]"),
            params: Some(&[("slug", "hello world")]),
        },
    ];

    #[test]
    fn find_route_vectors() {
        for case in FIND_ROUTE {
            let routes: Vec<ReferenceRoute> = case.routes.iter().map(|id| route(id)).collect();
            let found = find_route(case.path, &routes, &word_matcher).unwrap();
            let found_id = found.as_ref().map(|(route, _)| route.id.as_str());
            assert_eq!(found_id, case.route, "path {:?}", case.path);
            if let (Some((_, actual)), Some(expected)) = (&found, case.params) {
                assert_eq!(*actual, params(expected), "path {:?}", case.path);
            }
        }
    }

    #[test]
    fn find_route_fails_on_a_param_that_does_not_decode() {
        let path = decode_pathname("/%255x").unwrap();
        assert_eq!(path, "/%255x");
        let routes = [route("/[a]5[b]"), route("/[...rest]")];
        let error = find_route(&path, &routes, &vector_matcher).unwrap_err();
        assert_eq!(error.uri, "%2");
        assert_eq!(error.to_string(), "malformed percent-encoding in `%2`");
    }

    #[test]
    fn find_route_decodes_params_after_matching() {
        let routes = [route("/[a]")];
        let seen = std::cell::RefCell::new(Vec::new());
        let matcher = |_: &str, value: &str| {
            seen.borrow_mut().push(value.to_owned());
            true
        };
        let routes_with_matcher = [route("/[a=m]")];
        let (_, found) = find_route("/x%2Fy", &routes_with_matcher, &matcher)
            .unwrap()
            .unwrap();
        assert_eq!(found, params(&[("a", "x/y")]));
        assert_eq!(*seen.borrow(), ["x%2Fy"]);
        let (_, found) = find_route("/%25", &routes, &vector_matcher)
            .unwrap()
            .unwrap();
        assert_eq!(found, params(&[("a", "%")]));
    }

    #[test]
    fn empty_in_segment_optionals_are_absent() {
        let prefix = route("/prefix[[suffix]]");
        assert_eq!(exec(&prefix, "/prefix", &vector_matcher), Some(params(&[])));
        assert_eq!(
            exec(&prefix, "/prefixes", &vector_matcher),
            Some(params(&[("suffix", "es")]))
        );
        let all = route("/[a]-[[b]]-[...c]");
        assert_eq!(
            exec(&all, "/x--", &vector_matcher),
            Some(params(&[("a", "x"), ("c", "")]))
        );
    }

    #[test]
    fn static_text_matches_its_encoded_form() {
        let question = route("/[x+3f]");
        assert!(exec(&question, "/%3F", &vector_matcher).is_some());
        assert!(exec(&question, "/%3f", &vector_matcher).is_some());
        assert!(exec(&question, "/?", &vector_matcher).is_none());
        let brackets = route("/[x+5b]x[x+5d]");
        assert!(exec(&brackets, "/[x]", &vector_matcher).is_some());
        assert!(exec(&brackets, "/\\]", &vector_matcher).is_none());
        let specials = route("/[x+2a][x+2b][x+5e][x+24][x+7b][x+7d][x+28][x+29][x+7c][x+5c].");
        assert!(exec(&specials, "/*+^${}()|\\.", &vector_matcher).is_some());
        assert!(exec(&specials, "/*+^${}()|\\x", &vector_matcher).is_none());
        let matched = exec(&route("/[...r]"), "/a\u{2028}b\n", &vector_matcher);
        assert_eq!(matched, Some(params(&[("r", "a\u{2028}b\n")])));
    }

    #[test]
    fn decode_uri_keeps_reserved_escapes_as_written() {
        let decoded = decode_pathname("/a%20b/%2f%2F%3b%3F%23%3A%40%26%3D%2B%24%2C").unwrap();
        assert_eq!(decoded, "/a b/%2f%2F%3b%3F%23%3A%40%26%3D%2B%24%2C");
        assert_eq!(decode_pathname("/caf%C3%a9").unwrap(), "/caf\u{e9}");
        assert_eq!(decode_pathname("/%F0%9F%98%80").unwrap(), "/\u{1f600}");
        assert_eq!(decode_pathname("/%25%41%2525").unwrap(), "/%25A%2525");
        assert_eq!(decode_pathname("/%00").unwrap(), "/\u{0}");
        assert_eq!(decode_pathname("/\u{e9}%41").unwrap(), "/\u{e9}A");
    }

    #[test]
    fn decode_uri_component_decodes_everything() {
        let decoded = decode_uri_component("%2f%3B%3F%23%3A%40%26%3D%2B%24%2C%25%20").unwrap();
        assert_eq!(decoded, "/;?#:@&=+$,% ");
        assert_eq!(decode_uri_component("%F4%8F%BF%BF").unwrap(), "\u{10ffff}");
    }

    #[test]
    fn rejects_malformed_percent_encoding() {
        let malformed = [
            "%",
            "%4",
            "%g0",
            "%%41",
            "%80",
            "%BF",
            "%C3",
            "%C3%",
            "%C3%2",
            "%C3A9",
            "%C3%28",
            "%C0%80",
            "%C1%BF",
            "%E0%80%80",
            "%ED%A0%80",
            "%ED%BF%BF",
            "%F0%80%80%80",
            "%F4%90%80%80",
            "%F5%80%80%80",
            "%F8%80%80%80%80",
            "%FF",
            "%E2%82",
        ];
        for text in malformed {
            assert!(decode_uri_component(text).is_err(), "{text}");
            let path = format!("/a{text}");
            assert_eq!(
                decode_pathname(&path),
                Err(MalformedUri { uri: path.clone() })
            );
        }
    }

    #[test]
    fn every_route_regex_compiles() {
        for id in [
            "/",
            "/(app)",
            "/(a)/(b)",
            "/[[...x]]",
            "/[x+5c][x+5d]",
            "/a/[b]-[[c]]/[...d].e",
        ] {
            route(id);
        }
    }
}
