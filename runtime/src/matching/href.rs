//! Run-time pieces of the generated `Params::href` and `Params::from_values`.

use std::fmt;

use crate::path::{MalformedUri, decode_uri_component};

/// Why `href` could not build a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HrefError {
    /// A required param is empty: the path would not route back.
    Empty(&'static str),
    /// A value starts or ends with `/`, which would give a path like `foo//bar`.
    SlashAtEdge(&'static str),
    /// The path would hold `//`.
    EmptySegment(String),
}

impl fmt::Display for HrefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty(name) => write!(f, "parameter `{name}` cannot be empty"),
            Self::SlashAtEdge(name) => write!(
                f,
                "parameter `{name}` cannot start or end with a slash: this would give a path like `foo//bar`"
            ),
            Self::EmptySegment(path) => write!(f, "`{path}` has an empty segment (`//`)"),
        }
    }
}

impl std::error::Error for HrefError {}

/// Why a match's values did not make a route's `Params`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamsError {
    /// A value's percent-encoding does not decode.
    Malformed(MalformedUri),
    /// A typed matcher's `parse` rejected a value it had accepted while matching.
    Rejected,
}

impl fmt::Display for ParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(error) => error.fmt(f),
            Self::Rejected => f.write_str("a param matcher rejected a value it had accepted"),
        }
    }
}

impl std::error::Error for ParamsError {}

impl From<MalformedUri> for ParamsError {
    fn from(error: MalformedUri) -> Self {
        Self::Malformed(error)
    }
}

/// A param's value, percent-decoded (SvelteKit decodes params after matching).
pub fn decode_param(value: &str) -> Result<String, MalformedUri> {
    decode_uri_component(value).map(|v| v.into_owned())
}

/// Appends a param value to a path being built: encoded so that matching and decoding give it
/// back (`/` kept in a rest, so that it spans segments).
pub fn push_param(
    path: &mut String,
    name: &'static str,
    value: &str,
    rest: bool,
) -> Result<(), HrefError> {
    if value.starts_with('/') || value.ends_with('/') {
        return Err(HrefError::SlashAtEdge(name));
    }
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c) || (rest && c == '/') {
            path.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                path.push('%');
                path.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
                path.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
            }
        }
    }
    Ok(())
}

/// The finished path: `/` when empty, an error when it holds `//`.
pub fn finish_href(path: String) -> Result<String, HrefError> {
    if path.is_empty() {
        return Ok("/".to_owned());
    }
    if path.contains("//") {
        return Err(HrefError::EmptySegment(path));
    }
    Ok(path)
}
