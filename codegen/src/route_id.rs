//! The route-id grammar: a route id (`/blog/[slug]`, `/[[lang]]/home`, `/a/[...rest]/z`) parsed
//! into the segments and params that matching uses (SvelteKit 2 `parse_route_id`, §2).

use unicode_normalization::UnicodeNormalization;

/// One param of a route, in the order it appears in the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The param's name (`slug` in `[slug]`).
    pub name: String,
    /// The matcher's name (`integer` in `[page=integer]`).
    pub matcher: Option<String>,
    /// `[[name]]`: the param may be absent.
    pub optional: bool,
    /// `[...name]`: the param spans any number of segments, possibly none.
    pub rest: bool,
    /// Whether the param stands at the start of its segment and may take zero segments, so that a
    /// rejected optional value before it shifts into it (SvelteKit's `chained`).
    pub chained: bool,
}

/// A piece of a segment that mixes static text and params (`foo-[c]`, `[file].[ext]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Literal text, NFC-normalised, with escapes decoded. In a request path the characters
    /// `%`, `/`, `?` and `#` of this text appear percent-encoded (`%25`, `%2F`/`%2f`,
    /// `%3F`/`%3f`, `%23`), because `decode_pathname` leaves those encoded.
    Static(String),
    /// The param with this index in [`RoutePattern::params`].
    Param(usize),
}

/// One URL-affecting segment of a route id (groups are dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A whole-segment `[...rest]`: zero or more segments.
    Rest(usize),
    /// A whole-segment `[[optional]]`: zero or one segment.
    Optional(usize),
    /// A segment of static text and params, never empty.
    Mixed(Vec<Part>),
}

/// What the route's pattern looks like as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `/` or a single root group such as `/(app)`: matches exactly `/`.
    Root,
    /// Only groups, more than one level (`/(a)/(b)`): matches `` and `/`.
    OnlyGroups,
    /// Made of [`Segment`]s, then an optional trailing `/`.
    Segments,
}

/// A parsed route id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutePattern {
    /// The overall shape.
    pub shape: Shape,
    /// The URL-affecting segments (empty unless `shape` is [`Shape::Segments`]).
    pub segments: Vec<Segment>,
    /// The params, in order.
    pub params: Vec<Param>,
}

/// Bracket contents that are not a valid param (`[foo-bar]`), or brackets outside a param.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParam {
    /// The offending text.
    pub content: String,
    /// Whether the problem is a stray `[` or `]` rather than a bad name.
    pub stray_bracket: bool,
}

/// Whether a segment is a `(group)`, which does not affect the URL.
pub fn is_group(segment: &str) -> bool {
    segment.len() > 2
        && segment.starts_with('(')
        && segment.ends_with(')')
        && !segment[1..segment.len() - 1].contains(')')
}

/// The segments of `id` that affect the URL: no groups, no empty segments.
pub fn url_segments(id: &str) -> impl Iterator<Item = &str> {
    id.strip_prefix('/')
        .unwrap_or(id)
        .split('/')
        .filter(|segment| !segment.is_empty() && !is_group(segment))
}

/// Parses a route id. Directory-level checks (balanced brackets, escapes, …) are the caller's;
/// this reports only bracket contents that are not a param.
pub fn parse_route_id(id: &str) -> Result<RoutePattern, InvalidParam> {
    let is_root = id == "/" || (id.matches('/').count() == 1 && is_group(&id[1..]));
    if is_root {
        return Ok(RoutePattern {
            shape: Shape::Root,
            segments: Vec::new(),
            params: Vec::new(),
        });
    }
    let mut params = Vec::new();
    let mut segments = Vec::new();
    for segment in url_segments(id) {
        segments.push(parse_segment(segment, &mut params)?);
    }
    let shape = if segments.is_empty() {
        Shape::OnlyGroups
    } else {
        Shape::Segments
    };
    Ok(RoutePattern {
        shape,
        segments,
        params,
    })
}

fn parse_segment(segment: &str, params: &mut Vec<Param>) -> Result<Segment, InvalidParam> {
    if let Some(inner) = segment
        .strip_prefix("[...")
        .and_then(|s| s.strip_suffix(']'))
        && let Some((name, matcher)) = name_and_matcher(inner)
    {
        params.push(Param {
            name,
            matcher,
            optional: false,
            rest: true,
            chained: true,
        });
        return Ok(Segment::Rest(params.len() - 1));
    }
    if let Some(inner) = segment
        .strip_prefix("[[")
        .and_then(|s| s.strip_suffix("]]"))
        && let Some((name, matcher)) = name_and_matcher(inner)
    {
        params.push(Param {
            name,
            matcher,
            optional: true,
            rest: false,
            chained: true,
        });
        return Ok(Segment::Optional(params.len() - 1));
    }

    let pieces = split_brackets(segment);
    let mut parts: Vec<Part> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let is_bracket_content = i % 2 == 1;
        if !is_bracket_content {
            if piece.contains(['[', ']']) {
                return Err(InvalidParam {
                    content: segment.to_owned(),
                    stray_bracket: true,
                });
            }
            push_static(&mut parts, piece);
            continue;
        }
        if piece.starts_with("x+") || piece.starts_with("u+") {
            let escape = format!("[{piece}]");
            let decoded =
                crate::escape::decode_escape(&escape, segment).map_err(|_| InvalidParam {
                    content: piece.to_string(),
                    stray_bracket: false,
                })?;
            push_static(&mut parts, &decoded);
            continue;
        }
        let param = parse_param(piece, i == 1 && pieces[0].is_empty())?;
        params.push(param);
        parts.push(Part::Param(params.len() - 1));
    }
    Ok(Segment::Mixed(parts))
}

/// Appends literal text, merging it with a preceding literal (an escape between two texts makes
/// one literal).
fn push_static(parts: &mut Vec<Part>, text: &str) {
    if text.is_empty() {
        return;
    }
    let text: String = text.nfc().collect();
    match parts.last_mut() {
        Some(Part::Static(previous)) => previous.push_str(&text),
        _ => parts.push(Part::Static(text)),
    }
}

/// A param inside a mixed segment: `name`, `name=m`, `[name]` (optional), `...name` (rest).
fn parse_param(content: &str, first_in_segment: bool) -> Result<Param, InvalidParam> {
    let invalid = || InvalidParam {
        content: content.to_owned(),
        stray_bracket: false,
    };
    // SvelteKit's pattern is `^(\[)?(\.\.\.)?(\w+)(?:=(\w+))?(\])?$`.
    let (optional, rest_of) = match content.strip_prefix('[') {
        Some(inner) => (true, inner),
        None => (false, content),
    };
    let (rest, rest_of) = match rest_of.strip_prefix("...") {
        Some(inner) => (true, inner),
        None => (false, rest_of),
    };
    let rest_of = rest_of.strip_suffix(']').unwrap_or(rest_of);
    let (name, matcher) = name_and_matcher(rest_of).ok_or_else(invalid)?;
    Ok(Param {
        name,
        matcher,
        optional,
        rest,
        chained: rest && first_in_segment,
    })
}

/// `name` or `name=matcher`, both `\w+` (ASCII letters, digits, `_`).
fn name_and_matcher(text: &str) -> Option<(String, Option<String>)> {
    let (name, matcher) = match text.split_once('=') {
        Some((name, matcher)) => (name, Some(matcher)),
        None => (text, None),
    };
    let is_word =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !is_word(name) || !matcher.is_none_or(is_word) {
        return None;
    }
    Some((name.to_owned(), matcher.map(str::to_owned)))
}

/// Splits a segment as SvelteKit's `segment.split(/\[(.+?)\](?!\])/)` does: static text and
/// bracket contents alternate, starting and ending with static text (possibly empty).
pub(crate) fn split_brackets(segment: &str) -> Vec<&str> {
    let bytes = segment.as_bytes();
    let mut pieces = Vec::new();
    let mut copied = 0;
    let mut search = 0;
    while let Some(offset) = segment[search..].find('[') {
        let open = search + offset;
        match find_closing(segment, open) {
            Some(close) => {
                pieces.push(&segment[copied..open]);
                pieces.push(&segment[open + 1..close]);
                copied = close + 1;
                search = copied;
            }
            None => search = open + 1,
        }
        if search >= bytes.len() {
            break;
        }
    }
    pieces.push(&segment[copied..]);
    pieces
}

/// The first `]` after `open` (leaving at least one character of content) that is not followed by
/// another `]`; the content may not hold a line break, as JS's `.` does not match one.
fn find_closing(segment: &str, open: usize) -> Option<usize> {
    let bytes = segment.as_bytes();
    let content_start = open + 1;
    for (offset, c) in segment[content_start..].char_indices() {
        let at = content_start + offset;
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            return None;
        }
        if c == ']' && at > content_start && bytes.get(at + 1) != Some(&b']') {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(name: &str, optional: bool, rest: bool, chained: bool) -> Param {
        Param {
            name: name.into(),
            matcher: None,
            optional,
            rest,
            chained,
        }
    }

    #[test]
    fn splits_like_sveltekit() {
        assert_eq!(split_brackets("foo-[c]"), ["foo-", "c", ""]);
        assert_eq!(split_brackets("[file].[ext]"), ["", "file", ".", "ext", ""]);
        assert_eq!(split_brackets("sub[[param]]"), ["sub", "[param]", ""]);
        assert_eq!(split_brackets("[[a]]x[b]"), ["", "[a]", "x", "b", ""]);
        assert_eq!(split_brackets("plain"), ["plain"]);
        assert_eq!(split_brackets("a[]b"), ["a[]b"]);
    }

    #[test]
    fn parses_whole_segment_params() {
        let p = parse_route_id("/[[lang]]/home/[...rest]").unwrap();
        assert_eq!(p.shape, Shape::Segments);
        assert_eq!(
            p.params,
            [
                param("lang", true, false, true),
                param("rest", false, true, true)
            ]
        );
        assert_eq!(p.segments[0], Segment::Optional(0));
        assert_eq!(
            p.segments[1],
            Segment::Mixed(vec![Part::Static("home".into())])
        );
        assert_eq!(p.segments[2], Segment::Rest(1));
    }

    #[test]
    fn parses_mixed_segments() {
        let p = parse_route_id("/blog/[[slug]]/sub[[param]]").unwrap();
        assert_eq!(
            p.params,
            [
                param("slug", true, false, true),
                param("param", true, false, false)
            ]
        );
        let p = parse_route_id("/[...r].json/p-[...q]").unwrap();
        assert_eq!(
            p.params,
            [
                param("r", false, true, true),
                param("q", false, true, false)
            ]
        );
        let p = parse_route_id("/[page=integer]").unwrap();
        assert_eq!(p.params[0].matcher.as_deref(), Some("integer"));
    }

    #[test]
    fn escapes_become_static_text() {
        let p = parse_route_id("/smileys/[x+3a]-[x+29]").unwrap();
        assert_eq!(
            p.segments[1],
            Segment::Mixed(vec![Part::Static(":-)".into())])
        );
        assert!(p.params.is_empty());
        let p = parse_route_id("/[x+2e]well-known").unwrap();
        assert_eq!(
            p.segments[0],
            Segment::Mixed(vec![Part::Static(".well-known".into())])
        );
    }

    #[test]
    fn static_text_is_nfc_normalised() {
        let p = parse_route_id("/cafe\u{301}").unwrap();
        assert_eq!(
            p.segments[0],
            Segment::Mixed(vec![Part::Static("caf\u{e9}".into())])
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(parse_route_id("/").unwrap().shape, Shape::Root);
        assert_eq!(parse_route_id("/(app)").unwrap().shape, Shape::Root);
        assert_eq!(parse_route_id("/(a)/(b)").unwrap().shape, Shape::OnlyGroups);
        assert_eq!(parse_route_id("/(a)/b").unwrap().shape, Shape::Segments);
    }

    #[test]
    fn rejects_bad_params() {
        assert_eq!(parse_route_id("/[foo-bar]").unwrap_err().content, "foo-bar");
        assert!(parse_route_id("/a]b[").unwrap_err().stray_bracket);
        assert!(parse_route_id("/a[]b").unwrap_err().stray_bracket);
    }
}
