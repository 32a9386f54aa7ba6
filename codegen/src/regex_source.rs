//! The regex SvelteKit 2 builds for a route (§2), as source text: exactly what its
//! `parse_route_id` hands to `new RegExp`, and the same pattern spelled for Rust's `regex` crate.

use crate::route_id::{Part, RoutePattern, Segment, Shape};

/// ECMAScript's "any character, line breaks included".
const JS_ANY: &str = "[^]";
/// The same class for the `regex` crate, where `[^]` does not parse.
const RUST_ANY: &str = r"[\s\S]";

/// The regex source SvelteKit 2 builds for `pattern`, character for character (with SvelteKit
/// 3's fix for `[` and `]` in static text: they are escaped once, as `\[` and `\]`).
pub fn js_regex_source(pattern: &RoutePattern) -> String {
    build(pattern, JS_ANY)
}

/// [`js_regex_source`] for the `regex` crate: the same pattern, with `[^]` spelled `[\s\S]`.
///
/// The two match the same paths with the same captures, except that an empty in-segment
/// optional param (`([^/]*)?`) is a non-participating group in ECMAScript but captures `""`
/// here; callers must treat that empty capture as absent.
pub fn rust_regex_source(pattern: &RoutePattern) -> String {
    build(pattern, RUST_ANY)
}

fn build(pattern: &RoutePattern, any: &str) -> String {
    match pattern.shape {
        Shape::Root => "^/$".to_owned(),
        Shape::OnlyGroups => "^/?$".to_owned(),
        Shape::Segments => {
            let mut source = String::from("^");
            for segment in &pattern.segments {
                push_segment(&mut source, segment, pattern, any);
            }
            source.push_str("/?$");
            source
        }
    }
}

fn push_segment(source: &mut String, segment: &Segment, pattern: &RoutePattern, any: &str) {
    match segment {
        // Both may take no segment at all, so the leading `/` is inside the optional group.
        Segment::Rest(_) => source.push_str(&format!("(?:/({any}*))?")),
        Segment::Optional(_) => source.push_str("(?:/([^/]+))?"),
        Segment::Mixed(parts) => {
            source.push('/');
            for part in parts {
                match part {
                    Part::Static(text) => push_static(source, text),
                    Part::Param(index) => push_param(source, pattern, *index, any),
                }
            }
        }
    }
}

/// A param inside a mixed segment.
fn push_param(source: &mut String, pattern: &RoutePattern, index: usize, any: &str) {
    let param = &pattern.params[index];
    if param.rest {
        source.push_str(&format!("({any}*?)"));
    } else if param.optional {
        source.push_str("([^/]*)?");
    } else {
        source.push_str("([^/]+?)");
    }
}

/// Literal text as SvelteKit's `escape()` writes it. `%`, `/`, `?` and `#` are matched in their
/// encoded forms, because `decode_pathname` leaves them encoded in the path.
fn push_static(source: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '%' => source.push_str("%25"),
            '/' => source.push_str("%2[Ff]"),
            '?' => source.push_str("%3[Ff]"),
            '#' => source.push_str("%23"),
            '.' | '*' | '+' | '^' | '$' | '{' | '}' | '(' | ')' | '|' | '\\' | '[' | ']' => {
                source.push('\\');
                source.push(c);
            }
            _ => source.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route_id::parse_route_id;

    /// Route ids and the regex sources the conformance vectors give for them (`parse[]` and
    /// `manifest[]`), plus escapes of every character `escape()` treats specially.
    const SOURCES: &[(&str, &str)] = &[
        // parse[]
        ("/", "^/$"),
        ("/blog", "^/blog/?$"),
        ("/blog.json", r"^/blog\.json/?$"),
        ("/blog/[slug]", "^/blog/([^/]+?)/?$"),
        ("/blog/[slug].json", r"^/blog/([^/]+?)\.json/?$"),
        ("/blog/[[slug]]", "^/blog(?:/([^/]+))?/?$"),
        ("/blog/[[slug=type]]/sub", "^/blog(?:/([^/]+))?/sub/?$"),
        ("/blog/[[slug]].json", r"^/blog/([^/]*)?\.json/?$"),
        ("/[...catchall]", "^(?:/([^]*))?/?$"),
        ("/foo/[...catchall]/bar", "^/foo(?:/([^]*))?/bar/?$"),
        ("/matched/[id=uuid]", "^/matched/([^/]+?)/?$"),
        ("/@-symbol/[id]", "^/@-symbol/([^/]+?)/?$"),
        // manifest[].expected.routes[].source
        ("/about", "^/about/?$"),
        ("/foo", "^/foo/?$"),
        ("/a/[...rest]", "^/a(?:/([^]*))?/?$"),
        ("/b/[...rest]", "^/b(?:/([^]*))?/?$"),
        ("/prefix-[...rest]", "^/prefix-([^]*?)/?$"),
        ("/[...rest].json", r"^/([^]*?)\.json/?$"),
        ("/[[foo]]bar", "^/([^/]*)?bar/?$"),
        ("/nested/[[optional]]/sub", "^/nested(?:/([^/]+))?/sub/?$"),
        ("/nested/[[optional]]", "^/nested(?:/([^/]+))?/?$"),
        ("/prefix[[suffix]]", "^/prefix([^/]*)?/?$"),
        ("/[[optional]]", "^(?:/([^/]+))?/?$"),
        ("/[[a]]/[[b]]", "^(?:/([^/]+))?(?:/([^/]+))?/?$"),
        ("/[[optional]]/(group)", "^(?:/([^/]+))?/?$"),
        ("/(group)", "^/$"),
        ("/(group)/[[optional]]", "^(?:/([^/]+))?/?$"),
        ("/[file].[ext]", r"^/([^/]+?)\.([^/]+?)/?$"),
        ("/foo/bar/baz", "^/foo/bar/baz/?$"),
        ("/(special)/a/a2", "^/a/a2/?$"),
        ("/(special)/(alsospecial)/b/c/c1", "^/b/c/c1/?$"),
        ("/b/d/(special)", "^/b/d/?$"),
        ("/b/d/(special)/(extraspecial)/d2", "^/b/d/d2/?$"),
        ("/error/[...path]", "^/error(?:/([^]*))?/?$"),
        ("/layout/redirect", "^/layout/redirect/?$"),
        // manifest[].expected.route_sources_in_order (fixture `encoding`)
        ("/[x+3f]", "^/%3[Ff]/?$"),
        ("/[x+23]", "^/%23/?$"),
        ("/[x+22]", "^/\"/?$"),
        // not in the vectors
        ("/(a)/(b)", "^/?$"),
        ("/[x+25]", "^/%25/?$"),
        ("/a[x+2f]b", "^/a%2[Ff]b/?$"),
        ("/[x+5b]x[x+5d]", r"^/\[x\]/?$"),
        (
            "/[x+2a][x+2b][x+5e][x+24][x+7b][x+7d][x+28][x+29][x+7c][x+5c]",
            r"^/\*\+\^\$\{\}\(\)\|\\/?$",
        ),
        ("/[[...catchall]]", "^/([^]*?)/?$"),
        ("/[a]-[[b]]-[...c]", "^/([^/]+?)-([^/]*)?-([^]*?)/?$"),
    ];

    fn js(id: &str) -> String {
        js_regex_source(&parse_route_id(id).unwrap())
    }

    #[test]
    fn js_sources_match_the_vectors() {
        for (id, expected) in SOURCES {
            assert_eq!(js(id), *expected, "route {id}");
        }
    }

    #[test]
    fn rust_sources_differ_only_in_the_any_class() {
        for (id, _) in SOURCES {
            let rust = rust_regex_source(&parse_route_id(id).unwrap());
            assert_eq!(rust, js(id).replace("[^]", r"[\s\S]"), "route {id}");
        }
    }
}
