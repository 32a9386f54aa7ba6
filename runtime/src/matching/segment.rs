//! Finding segments in a path: the work the generated dispatch does at every param edge, eight
//! bytes at a time ([`segment_at`], [`capture`]). Static edges compare their text in place
//! ([`after_slash`], [`after_segment`]).

/// The segment that starts at `offset` (which holds a `/`), up to the next `/` or the end, or
/// `None` when the path has no segment there.
// Not inlined: inlined at every param edge, it made the generated code 65% larger and a
// 1,000-route app take a third more CPU time to compile, for 10% fewer instructions per lookup.
#[inline(never)]
pub fn segment_at(path: &str, offset: usize) -> Option<&str> {
    let bytes = path.as_bytes();
    if bytes.get(offset) != Some(&b'/') {
        return None;
    }
    let start = offset + 1;
    let len = segment_end(bytes, start) - start;
    // Both ends are at a `/` or the end of the path, so they are char boundaries (checked
    // anyway; this form checks the fewest).
    let rest = path.get(start..)?;
    rest.split_at_checked(len).map(|(segment, _)| segment)
}

/// A param edge of the generated dispatch: when the segment at `offset` (`seg`, from
/// [`segment_at`], shared by the node's dynamic edges) is not empty, stores it in `cap` and
/// returns the offset of its end.
// Always inlined in optimized builds (LLVM's own choice left some of the dispatch's calls out
// of line there: 3–10% more instructions per lookup); plain `inline` in debug builds, where
// `always` expanded every call site of the generated dispatch (four times its IR).
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn capture<'p>(
    seg: Option<&'p str>,
    offset: usize,
    cap: &mut Option<&'p str>,
) -> Option<usize> {
    capture_if(seg, offset, cap, |_| true)
}

/// [`capture`] for a param with a matcher: only a segment that `accepts` takes.
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn capture_if<'p>(
    seg: Option<&'p str>,
    offset: usize,
    cap: &mut Option<&'p str>,
    accepts: impl Fn(&str) -> bool,
) -> Option<usize> {
    let segment = seg.filter(|s| !s.is_empty() && accepts(s))?;
    *cap = Some(segment);
    Some(offset + 1 + segment.len())
}

/// Whether the path ends at `offset`, allowing one trailing slash (SvelteKit's `/?$`).
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn ends_at(path: &str, offset: usize) -> bool {
    matches!(path.as_bytes().get(offset..), Some(b"" | b"/"))
}

/// The path after the `/` at `offset`, or `None` when there is no `/` there: where a static
/// edge's text is compared.
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn after_slash(path: &str, offset: usize) -> Option<&[u8]> {
    path.as_bytes().get(offset..)?.strip_prefix(b"/")
}

/// Whether the segment at the start of `rest` (from [`after_slash`]) is exactly `text`.
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn is_segment(rest: &[u8], text: &[u8]) -> bool {
    rest.starts_with(text) && rest.get(text.len()).is_none_or(|&b| b == b'/')
}

/// Where the segment at the start of `rest` ends when it is exactly `text`: `rest` being the
/// path after the `/` at `offset`, the offset of the `/` after the segment (or of the end).
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn after_segment(rest: &[u8], text: &[u8], offset: usize) -> Option<usize> {
    is_segment(rest, text).then(|| offset + 1 + text.len())
}

/// The index of the first `/` at or after `start`, or the path's length: a word at a time,
/// the last (partial) word read as the path's last eight bytes.
#[inline(always)]
fn segment_end(bytes: &[u8], start: usize) -> usize {
    let Some(mut rest) = bytes.get(start..) else {
        return start;
    };
    while let Some((word, next)) = rest.split_first_chunk::<8>() {
        match zero_byte(u64::from_le_bytes(*word) ^ SLASHES) {
            8 => rest = next,
            found => return bytes.len() - rest.len() + found,
        }
    }
    let at = bytes.len() - rest.len();
    match bytes.last_chunk::<8>() {
        // Shifted so that `at` comes first; the zero bytes shifted in count as the end.
        Some(last) if !rest.is_empty() => {
            let shift = 8 * (8 - rest.len()) as u32;
            at + zero_byte((u64::from_le_bytes(*last) ^ SLASHES) >> shift)
        }
        _ => short_path_end(bytes, at),
    }
}

/// [`segment_end`] in a path shorter than eight bytes, or at its very end.
#[inline(never)]
fn short_path_end(bytes: &[u8], at: usize) -> usize {
    at + bytes[at..]
        .iter()
        .position(|&b| b == b'/')
        .unwrap_or(bytes.len() - at)
}

/// Eight `/`: a word xor this has a zero byte where it had a `/`.
const SLASHES: u64 = u64::from_le_bytes([b'/'; 8]);

/// The index of the lowest zero byte of `word`, or 8. The bit trick can flag bytes above the
/// first zero byte, never below it, so the lowest flag is exact.
#[inline]
fn zero_byte(word: u64) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let flags = word.wrapping_sub(ONES) & !word & HIGHS;
    (flags.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_end_at_the_next_slash() {
        assert_eq!(segment_at("/repos/x", 0), Some("repos"));
        assert_eq!(segment_at("/repos/x", 6), Some("x"));
        assert_eq!(segment_at("/repos/x", 8), None);
        assert_eq!(segment_at("/repos//", 6), Some(""));
        assert_eq!(segment_at("/repos/", 6), Some(""));
        assert_eq!(segment_at("/repos", 3), None);
        assert_eq!(segment_at("/a", 0), Some("a"));
        assert_eq!(segment_at("/", 0), Some(""));
    }

    #[test]
    fn every_length_and_position_agrees_with_a_byte_scan() {
        let text = "/0123456789abcdef/é/xyz/0123456789abcdef0123456789/q//w/";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let Some(path) = text.get(start..end) else {
                    continue;
                };
                for offset in 0..path.len() {
                    // After a `/`, the rest starts on a char boundary.
                    let expected = (path.as_bytes()[offset] == b'/').then(|| {
                        let rest = &path[offset + 1..];
                        &rest[..rest.find('/').unwrap_or(rest.len())]
                    });
                    assert_eq!(segment_at(path, offset), expected, "{path:?} at {offset}");
                }
            }
        }
    }

    #[test]
    fn static_segments_are_compared_in_place() {
        let rest = after_slash("/repos/x", 0).unwrap();
        assert!(is_segment(rest, b"repos"));
        assert!(!is_segment(rest, b"repo"));
        assert!(!is_segment(rest, b"repos/"));
        assert!(is_segment(after_slash("/repos/x", 6).unwrap(), b"x"));
        assert!(is_segment(after_slash("/repos", 0).unwrap(), b"repos"));
        assert_eq!(after_slash("/repos", 6), None);
        assert_eq!(after_slash("/repos", 7), None);
        assert_eq!(after_segment(rest, b"repos", 0), Some(6));
        assert_eq!(after_segment(rest, b"repo", 0), None);
    }

    #[test]
    fn captures_store_a_non_empty_segment_and_move_past_it() {
        let mut cap = None;
        assert_eq!(
            capture(segment_at("/repos/tokio", 6), 6, &mut cap),
            Some(12)
        );
        assert_eq!(cap, Some("tokio"));
        // Nothing there, or an empty segment: no match, and the slot is left as it was.
        let mut cap = Some("kept");
        assert_eq!(capture(segment_at("/repos//x", 6), 6, &mut cap), None);
        assert_eq!(capture(segment_at("/repos", 6), 6, &mut cap), None);
        assert_eq!(cap, Some("kept"));
        // A matcher's refusal is no match either.
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let mut cap = None;
        assert_eq!(
            capture_if(segment_at("/a/x1", 2), 2, &mut cap, digits),
            None
        );
        assert_eq!(cap, None);
        assert_eq!(
            capture_if(segment_at("/a/42/", 2), 2, &mut cap, digits),
            Some(5)
        );
        assert_eq!(cap, Some("42"));
    }

    #[test]
    fn ends_allow_one_trailing_slash() {
        assert!(ends_at("/a", 2));
        assert!(ends_at("/a/", 2));
        assert!(!ends_at("/a//", 2));
        assert!(!ends_at("/a/b", 2));
    }
}
