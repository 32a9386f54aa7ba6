//! `[x+hh]` and `[u+hhhh]` character escapes in folder names (SvelteKit 2 §1.2 step 1).
//!
//! routekit is stricter than SvelteKit 2 in two places, both deliberate: every character of the
//! code must be a hex digit (SvelteKit's `parseInt` silently reads `[x+4g]` as `\u{4}`), and a
//! `[u+…]` code above U+FFFF is decoded as the code point it names (SvelteKit 2 truncates it to
//! 16 bits; SvelteKit 3 fixed that). A code that is not a Unicode scalar value is an error.

use crate::error::ErrorKind;

/// An escape found in a route id: where it is and what it decodes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Escape<'a> {
    /// The whole `[x+…]`/`[u+…]` text as written.
    pub text: &'a str,
    /// Byte offset of `text` in the id.
    pub start: usize,
}

/// Finds every escape in `id`, case-insensitively, left to right, as SvelteKit's
/// `/\[([ux])\+([^\]]+)\]/gi` does.
pub(crate) fn find_escapes(id: &str) -> Vec<Escape<'_>> {
    let bytes = id.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 3 < bytes.len() {
        let is_escape_start = bytes[i] == b'['
            && matches!(bytes[i + 1], b'x' | b'X' | b'u' | b'U')
            && bytes[i + 2] == b'+'
            && bytes[i + 3] != b']';
        if is_escape_start && let Some(len) = id[i + 3..].find(']') {
            let end = i + 3 + len + 1;
            found.push(Escape {
                text: &id[i..end],
                start: i,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// Checks one escape (`[x+41]`) and returns the text it stands for, or the error class and a
/// message naming the route.
pub(crate) fn decode_escape(escape: &str, id: &str) -> Result<String, (ErrorKind, String)> {
    let is_unicode = escape.as_bytes()[1].eq_ignore_ascii_case(&b'u');
    let code = &escape[3..escape.len() - 1];
    if escape.chars().any(|c| c.is_uppercase()) {
        return Err((
            ErrorKind::BadEscapeCase,
            format!("character escape sequence `{escape}` in `{id}` must be lowercase"),
        ));
    }
    if !code.bytes().any(|b| b.is_ascii_hexdigit()) {
        return Err((
            ErrorKind::BadEscape,
            format!(
                "invalid character escape sequence `{escape}` in `{id}`: the code must be hexadecimal"
            ),
        ));
    }
    let length = code.encode_utf16().count();
    if !is_unicode && length != 2 {
        return Err((
            ErrorKind::EscapeLength,
            format!("hexadecimal escape sequence `{escape}` in `{id}` must be two characters"),
        ));
    }
    if is_unicode && !(4..=6).contains(&length) {
        return Err((
            ErrorKind::EscapeLength,
            format!(
                "unicode escape sequence `{escape}` in `{id}` must be between four and six characters"
            ),
        ));
    }
    // `[u+41-42]` names several characters, as SvelteKit's parser allows.
    let pieces: Vec<&str> = if is_unicode {
        code.split('-').collect()
    } else {
        vec![code]
    };
    let mut decoded = String::new();
    for piece in pieces {
        let scalar = (!piece.is_empty() && piece.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(piece, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        match scalar {
            Some(c) => decoded.push(c),
            None => {
                return Err((
                    ErrorKind::BadEscape,
                    format!(
                        "invalid character escape sequence `{escape}` in `{id}`: `{piece}` is not the hexadecimal code of a character"
                    ),
                ));
            }
        }
    }
    Ok(decoded)
}

/// Replaces every escape in `id` by the text it stands for, checking each one.
pub(crate) fn unescape_id(id: &str) -> Result<String, (ErrorKind, String)> {
    let mut out = String::with_capacity(id.len());
    let mut copied = 0;
    for escape in find_escapes(id) {
        out.push_str(&id[copied..escape.start]);
        out.push_str(&decode_escape(escape.text, id)?);
        copied = escape.start + escape.text.len();
    }
    out.push_str(&id[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_hex_and_unicode_escapes() {
        assert_eq!(unescape_id("/[x+3a]-[x+29]").unwrap(), "/:-)");
        assert_eq!(unescape_id("/[u+1f600]").unwrap(), "/\u{1f600}");
        assert_eq!(unescape_id("/[u+41-42]").unwrap(), "/AB");
        assert_eq!(unescape_id("/[a][x+41]").unwrap(), "/[a]A");
    }

    #[test]
    fn classifies_bad_escapes() {
        let kind = |id: &str| unescape_id(id).unwrap_err().0;
        assert_eq!(kind("/[X+41]"), ErrorKind::BadEscapeCase);
        assert_eq!(kind("/[x+2F]"), ErrorKind::BadEscapeCase);
        assert_eq!(kind("/[x+zz]"), ErrorKind::BadEscape);
        assert_eq!(kind("/[x+4g]"), ErrorKind::BadEscape);
        assert_eq!(kind("/[x+041]"), ErrorKind::EscapeLength);
        assert_eq!(kind("/[u+41]"), ErrorKind::EscapeLength);
        assert_eq!(kind("/[u+0010ffff]"), ErrorKind::EscapeLength);
        assert_eq!(kind("/[u+d800]"), ErrorKind::BadEscape);
    }

    #[test]
    fn ignores_non_escapes() {
        assert!(find_escapes("/[x]/[x+]/[u]").is_empty());
        assert_eq!(unescape_id("/[slug]").unwrap(), "/[slug]");
    }
}
