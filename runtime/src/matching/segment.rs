//! Finding segments in a path: the one piece of work the generated dispatch does at every
//! trie node, so it reads eight bytes at a time and keeps its inlined part small.

/// The segment that starts at `offset` (which holds a `/`), up to the next `/` or the end, or
/// `None` when the path has no segment there.
#[inline(always)]
pub fn segment_at(path: &str, offset: usize) -> Option<&str> {
    let bytes = path.as_bytes();
    if bytes.get(offset) != Some(&b'/') {
        return None;
    }
    let start = offset + 1;
    // Both ends are at a `/` or the end of the path, so they are char boundaries.
    path.get(start..segment_end(bytes, start))
}

/// Whether the path ends at `offset`, allowing one trailing slash (SvelteKit's `/?$`).
#[inline]
pub fn ends_at(path: &str, offset: usize) -> bool {
    matches!(path.get(offset..), Some("" | "/"))
}

/// The index of the first `/` at or after `start`, or the path's length: a word at a time,
/// the last (partial) word read as the path's last eight bytes.
#[inline(always)]
fn segment_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    while let Some(word) = bytes.get(at..at + 8) {
        match first_slash(word) {
            8 => at += 8,
            found => return at + found,
        }
    }
    let left = bytes.len() - at;
    match bytes.len().checked_sub(8) {
        // Shifted so that `at` comes first; the zero bytes shifted in count as the end.
        Some(from) if left > 0 => {
            let shift = 8 * (8 - left) as u32;
            at + zero_byte(slashes_to_zeros(&bytes[from..]) >> shift)
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

/// The index of the first `/` in an eight-byte `word`, or 8.
#[inline]
fn first_slash(word: &[u8]) -> usize {
    zero_byte(slashes_to_zeros(word))
}

/// Eight bytes as a little-endian word in which each `/` became a zero byte.
#[inline]
fn slashes_to_zeros(word: &[u8]) -> u64 {
    const SLASHES: u64 = u64::from_le_bytes([b'/'; 8]);
    u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) ^ SLASHES
}

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
    fn ends_allow_one_trailing_slash() {
        assert!(ends_at("/a", 2));
        assert!(ends_at("/a/", 2));
        assert!(!ends_at("/a//", 2));
        assert!(!ends_at("/a/b", 2));
    }
}
