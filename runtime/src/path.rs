//! Request paths: SvelteKit 2's trailing-slash normalisation and percent-decoding.
//!
//! Decoding follows ECMAScript's `Decode` abstract operation (behind `decodeURI` and
//! `decodeURIComponent`) byte for byte, so routekit accepts and rejects exactly the paths
//! SvelteKit does. Everything returns [`Cow::Borrowed`] when nothing changes.

use std::borrow::Cow;
use std::fmt;

/// The trailing-slash policy of a route (SvelteKit's `trailingSlash` page option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrailingSlash {
    /// `/about/` redirects to `/about` (SvelteKit's default).
    #[default]
    Never,
    /// `/about` redirects to `/about/`.
    Always,
    /// Both spellings are served as they are.
    Ignore,
}

/// SvelteKit's `normalize_path`: the canonical spelling of `path` under `trailing_slash`.
///
/// `/` is always left alone. `Never` drops one trailing `/` (a slice, no allocation);
/// `Always` appends one if missing (the only case that allocates).
///
/// ```
/// # use routekit::path::{normalize_path, TrailingSlash};
/// assert_eq!(normalize_path("/foo/", TrailingSlash::Never), "/foo");
/// assert_eq!(normalize_path("/foo", TrailingSlash::Always), "/foo/");
/// assert_eq!(normalize_path("/foo/", TrailingSlash::Ignore), "/foo/");
/// ```
pub fn normalize_path(path: &str, trailing_slash: TrailingSlash) -> Cow<'_, str> {
    if path == "/" {
        return Cow::Borrowed(path);
    }
    match trailing_slash {
        TrailingSlash::Ignore => Cow::Borrowed(path),
        TrailingSlash::Never => Cow::Borrowed(path.strip_suffix('/').unwrap_or(path)),
        TrailingSlash::Always if !path.ends_with('/') => Cow::Owned(format!("{path}/")),
        TrailingSlash::Always => Cow::Borrowed(path),
    }
}

/// SvelteKit's `decode_pathname`: `pathname.split('%25').map(decodeURI).join('%25')`.
///
/// Decodes every escape except `%25` (so a decoded `%` can never start a second round of
/// decoding when params are decoded later) and except those `decodeURI` keeps: an escape for
/// one of `; / ? : @ & = + $ , #` stays as written, `%2f` and `%2F` alike. Characters that are
/// not escapes, ASCII or not, are kept as they are.
///
/// Decoding the whole string in one pass, with `%25` kept, is the same as splitting on it:
/// no valid escape can overlap a `%25`, and a multi-byte sequence cut short by one fails
/// either way (`%` is not a continuation byte).
///
/// ```
/// # use routekit::path::decode_pathname;
/// assert_eq!(decode_pathname("/caf%C3%A9/a%2Fb%25").unwrap(), "/café/a%2Fb%25");
/// assert!(decode_pathname("/%c0%ae%c0%ae/etc/passwd").is_err());
/// ```
pub fn decode_pathname(pathname: &str) -> Result<Cow<'_, str>, MalformedUri> {
    decode(pathname, Keep::UriReservedAndPercent)
}

/// ECMAScript's `decodeURIComponent`: decodes every escape, used on each param value after a
/// route matched.
///
/// ```
/// # use routekit::path::decode_uri_component;
/// assert_eq!(decode_uri_component("a%2Fb%25c%20d").unwrap(), "a/b%c d");
/// assert!(decode_uri_component("%E2%82").is_err());
/// ```
pub fn decode_uri_component(s: &str) -> Result<Cow<'_, str>, MalformedUri> {
    decode(s, Keep::Nothing)
}

/// Percent-encoding that does not decode: a bad or truncated `%XX`, or bytes that are not
/// UTF-8 (overlong forms, surrogates, code points above U+10FFFF). JavaScript throws a
/// `URIError` here; SvelteKit answers 400 "Malformed URI".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MalformedUri;

impl fmt::Display for MalformedUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Malformed URI")
    }
}

impl std::error::Error for MalformedUri {}

/// Which single-byte escapes `decode` leaves as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// `decodeURIComponent`: none.
    Nothing,
    /// `decodeURI`'s reserved set, plus `%25` for `decode_pathname`.
    UriReservedAndPercent,
}

impl Keep {
    fn keeps(self, byte: u8) -> bool {
        match self {
            Keep::Nothing => false,
            Keep::UriReservedAndPercent => matches!(
                byte,
                b';' | b'/' | b'?' | b':' | b'@' | b'&' | b'=' | b'+' | b'$' | b',' | b'#' | b'%'
            ),
        }
    }
}

/// ECMAScript's `Decode(string, preserveEscapeSet)`, over UTF-8 instead of UTF-16 (the same
/// thing: only `%XX` escapes change, and they are ASCII).
///
/// The output is only allocated at the first escape that decodes; it is never longer than the
/// input, so it never reallocates.
fn decode(s: &str, keep: Keep) -> Result<Cow<'_, str>, MalformedUri> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    // `s[copied..i]` is input not yet copied to `out`.
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = find_percent(&bytes[i..]) {
        i += offset;
        let lead = hex_octet(bytes, i)?;
        let (decoded, len) = if lead < 0x80 {
            if keep.keeps(lead) {
                i += 3;
                continue;
            }
            (char::from(lead), 3)
        } else {
            (
                decode_multibyte(bytes, i, lead)?,
                3 * lead.leading_ones() as usize,
            )
        };
        let buf = out.get_or_insert_with(|| String::with_capacity(s.len()));
        // `copied` and `i` both sit at ASCII bytes, so these are char boundaries.
        buf.push_str(s.get(copied..i).ok_or(MalformedUri)?);
        buf.push(decoded);
        i += len;
        copied = i;
    }
    Ok(match out {
        None => Cow::Borrowed(s),
        Some(mut buf) => {
            buf.push_str(s.get(copied..).ok_or(MalformedUri)?);
            Cow::Owned(buf)
        }
    })
}

/// The index of the first `%` in `bytes`, looked for eight bytes at a time (paths are short
/// and mostly without escapes: this is most of what decoding one costs).
#[inline]
fn find_percent(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        if let Some(i) = percent_in(chunk) {
            return Some(at + i);
        }
        at += 8;
    }
    if at == bytes.len() {
        return None;
    }
    // The last eight bytes, overlapping those already looked at (which hold no `%`).
    if let Some(start) = bytes.len().checked_sub(8) {
        return percent_in(&bytes[start..]).map(|i| start + i);
    }
    bytes.iter().position(|&b| b == b'%')
}

/// The index of the first `%` in `chunk`, eight bytes long.
#[inline]
fn percent_in(chunk: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const PERCENTS: u64 = u64::from_le_bytes([b'%'; 8]);
    let word = u64::from_le_bytes(chunk.try_into().ok()?) ^ PERCENTS;
    // The lowest zero byte (a `%`) sets its high bit here; bits above it may be spurious.
    let found = word.wrapping_sub(ONES) & !word & HIGHS;
    (found != 0).then(|| found.trailing_zeros() as usize / 8)
}

/// Decodes the UTF-8 sequence whose first escape (for byte `lead` ≥ 0x80) is at `bytes[at]`.
fn decode_multibyte(bytes: &[u8], at: usize, lead: u8) -> Result<char, MalformedUri> {
    // A continuation byte as lead (one leading 1) or a 5+ byte form is never valid.
    let n = lead.leading_ones() as usize;
    if !(2..=4).contains(&n) {
        return Err(MalformedUri);
    }
    let mut octets = [lead, 0, 0, 0];
    for (j, octet) in octets.iter_mut().enumerate().take(n).skip(1) {
        *octet = hex_octet(bytes, at + 3 * j)?;
    }
    // `from_utf8` rejects exactly what the spec's "valid UTF-8" check does: bad continuation
    // bytes, overlong forms, surrogates and code points above U+10FFFF.
    let text = std::str::from_utf8(&octets[..n]).map_err(|_| MalformedUri)?;
    text.chars().next().ok_or(MalformedUri)
}

/// The byte written as `%XX` at `bytes[at]` (either case of hex digit).
fn hex_octet(bytes: &[u8], at: usize) -> Result<u8, MalformedUri> {
    match bytes.get(at..at + 3) {
        Some(&[b'%', hi, lo]) => Ok(hex_digit(hi)? << 4 | hex_digit(lo)?),
        _ => Err(MalformedUri),
    }
}

fn hex_digit(b: u8) -> Result<u8, MalformedUri> {
    match b {
        b'0'..=b'9' => Ok(b - b'0'),
        b'a'..=b'f' => Ok(b - b'a' + 10),
        b'A'..=b'F' => Ok(b - b'A' + 10),
        _ => Err(MalformedUri),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_percent_finds_the_first() {
        for len in 0..40 {
            for at in 0..=len {
                let mut text = vec![b'a'; len];
                if at < len {
                    text[at] = b'%';
                    if at + 9 < len {
                        text[at + 9] = b'%';
                    }
                }
                text.iter_mut()
                    .step_by(5)
                    .for_each(|b| *b |= 0x80 * u8::from(*b != b'%'));
                assert_eq!(find_percent(&text), (at < len).then_some(at), "{len} {at}");
            }
        }
    }

    #[track_caller]
    fn pathname(input: &str, expected: &str) {
        let got = decode_pathname(input);
        assert_eq!(got.as_deref(), Ok(expected), "decode_pathname({input:?})");
    }

    #[track_caller]
    fn component(input: &str, expected: &str) {
        let got = decode_uri_component(input);
        assert_eq!(
            got.as_deref(),
            Ok(expected),
            "decode_uri_component({input:?})"
        );
    }

    #[test]
    fn normalize_path_vectors() {
        use TrailingSlash::*;
        let vectors = [
            ("/", Ignore, "/"),
            ("/", Always, "/"),
            ("/", Never, "/"),
            ("/foo", Ignore, "/foo"),
            ("/foo", Always, "/foo/"),
            ("/foo", Never, "/foo"),
            ("/foo/", Ignore, "/foo/"),
            ("/foo/", Always, "/foo/"),
            ("/foo/", Never, "/foo"),
        ];
        for (path, policy, expected) in vectors {
            assert_eq!(
                normalize_path(path, policy),
                expected,
                "{path:?} {policy:?}"
            );
        }
    }

    #[test]
    fn normalize_path_edges() {
        use TrailingSlash::*;
        assert_eq!(TrailingSlash::default(), Never);
        // Only one slash is dropped, and `//` is not special.
        assert_eq!(normalize_path("/foo//", Never), "/foo/");
        assert_eq!(normalize_path("//", Never), "/");
        assert_eq!(normalize_path("", Never), "");
        assert_eq!(normalize_path("", Always), "/");
        assert_eq!(normalize_path("/é", Always), "/é/");
        assert!(matches!(
            normalize_path("/foo/", Never),
            Cow::Borrowed("/foo")
        ));
        assert!(matches!(normalize_path("/foo/", Always), Cow::Borrowed(_)));
        assert!(matches!(normalize_path("/foo", Always), Cow::Owned(_)));
    }

    #[test]
    fn decode_pathname_basics() {
        pathname("", "");
        pathname("/", "/");
        pathname("/blog/hello%20world", "/blog/hello world");
        pathname("/caf%C3%A9", "/café");
        pathname("/caf%c3%a9", "/café");
        pathname("/%E2%82%AC/%F0%9F%98%80", "/€/😀");
        pathname("/%7E%41%00", "/~A\0");
        // Raw non-ASCII is kept.
        pathname("/café/%C3%A9", "/café/é");
        pathname("/ü%20ü", "/ü ü");
    }

    #[test]
    fn decode_pathname_keeps_reserved_escapes_as_written() {
        pathname("/a%2fb%2Fc", "/a%2fb%2Fc");
        pathname(
            "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23",
            "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23",
        );
        pathname("%3b%3f%3a%2b%2c", "%3b%3f%3a%2b%2c");
        // Unreserved and other ASCII escapes decode.
        pathname("%5B%5D%20%21%2A%27%28%29%2D%2E%5F%7e", "[] !*'()-._~");
    }

    #[test]
    fn decode_pathname_keeps_percent_25() {
        pathname("/100%25", "/100%25");
        pathname("/%25%20", "/%25 ");
        pathname("%2525", "%2525");
        pathname("%25%32%35", "%2525");
        pathname("/a%25b%2Fc%C3%A9", "/a%25b%2Fcé");
        // Pieces are decoded separately: a sequence cannot span a `%25`.
        assert_eq!(decode_pathname("%25c3%a9"), Err(MalformedUri));
        assert_eq!(decode_pathname("%C3%25%A9"), Err(MalformedUri));
        assert_eq!(decode_pathname("%C3%25"), Err(MalformedUri));
        assert_eq!(decode_pathname("%2%25"), Err(MalformedUri));
        assert_eq!(decode_pathname("%%25"), Err(MalformedUri));
    }

    #[test]
    fn malformed() {
        for bad in [
            "%",
            "%2",
            "/%zz",
            "/%g0",
            "/% 20",
            "/%-1",
            "%é0",
            "/%80",
            "/%BF",
            "/%C3",
            "/%C3%",
            "/%C3%A",
            "/%C3A9",
            "/%C3%C3",
            "/%C3%41",
            "/%E2%82",
            "/%F0%9F%98",
            "/%c0%ae%c0%ae/etc/passwd",
            "/%C1%BF",
            "/%E0%80%AF",
            "/%F0%80%80%AF",
            "/%ed%a0%80",
            "/%ED%BF%BF",
            "/%F4%90%80%80",
            "/%F5%80%80%80",
            "/%F8%88%80%80%80",
            "/%FE",
            "/%FF",
        ] {
            assert_eq!(
                decode_pathname(bad),
                Err(MalformedUri),
                "decode_pathname({bad:?})"
            );
            assert_eq!(
                decode_uri_component(bad),
                Err(MalformedUri),
                "component({bad:?})"
            );
        }
    }

    #[test]
    fn boundary_code_points() {
        component("%7F", "\u{7F}");
        component("%C2%80", "\u{80}");
        component("%DF%BF", "\u{7FF}");
        component("%E0%A0%80", "\u{800}");
        component("%ED%9F%BF", "\u{D7FF}");
        component("%EE%80%80", "\u{E000}");
        component("%EF%BF%BF", "\u{FFFF}");
        component("%F0%90%80%80", "\u{10000}");
        component("%F4%8F%BF%BF", "\u{10FFFF}");
        component("%EF%BB%BF", "\u{FEFF}");
    }

    #[test]
    fn decode_uri_component_decodes_everything() {
        component("hello%20world", "hello world");
        component("a%2Fb%2fc", "a/b/c");
        component("%25", "%");
        component("%2525", "%25");
        component("%3B%2F%3F%3A%40%26%3D%2B%24%2C%23", ";/?:@&=+$,#");
        component("+", "+");
        component("é%C3%A9", "éé");
        // A decoded `%` never starts another escape.
        component("%2541", "%41");
    }

    #[test]
    fn borrows_when_nothing_changes() {
        for input in ["", "/plain/path", "/café", "/a%2Fb", "/100%25", "%3b%25%2f"] {
            assert!(matches!(decode_pathname(input), Ok(Cow::Borrowed(s)) if s == input));
        }
        assert!(matches!(
            decode_uri_component("plain"),
            Ok(Cow::Borrowed("plain"))
        ));
        assert!(matches!(decode_uri_component("%41"), Ok(Cow::Owned(_))));
    }

    #[test]
    fn error_is_displayable() {
        assert_eq!(MalformedUri.to_string(), "Malformed URI");
        let boxed: Box<dyn std::error::Error> = Box::new(MalformedUri);
        assert_eq!(boxed.to_string(), "Malformed URI");
    }

    #[test]
    fn long_inputs_are_linear() {
        let start = std::time::Instant::now();
        let plain = "a".repeat(1_000_000);
        assert!(matches!(decode_pathname(&plain), Ok(Cow::Borrowed(_))));
        let escaped = "%C3%A9".repeat(200_000);
        assert_eq!(decode_uri_component(&escaped).unwrap().len(), 400_000);
        let kept = "%2F%25".repeat(200_000);
        assert!(matches!(decode_pathname(&kept), Ok(Cow::Borrowed(_))));
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }
}
