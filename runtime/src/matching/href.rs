//! The generated `Params::href`: a route's path built back from its params, each route giving
//! only the list of its parts.

use std::borrow::Cow;
use std::fmt;

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

/// One part of a route's path, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HrefPart<'a> {
    /// Static text, percent-encoded at build time, with its `/`s.
    Text(&'static str),
    /// `[x]` (in a segment or a whole one): it must not be empty.
    Required(&'static str, Cow<'a, str>),
    /// `[[x]]` inside a segment: nothing when absent or empty.
    Optional(&'static str, Option<Cow<'a, str>>),
    /// `[...x]` inside a segment: may be empty, keeps its `/`s.
    Rest(&'static str, Cow<'a, str>),
    /// A whole `[[x]]` segment: `/` and the value, or nothing when absent or empty.
    OptionalSegment(&'static str, Option<Cow<'a, str>>),
    /// A whole `[...x]` segment: `/` and the value (its `/`s kept), or nothing when empty.
    RestSegment(&'static str, Cow<'a, str>),
}

/// A text field's value for an [`HrefPart`].
pub fn text(value: &str) -> Cow<'_, str> {
    Cow::Borrowed(value)
}

/// A typed field's value (a matcher's `parse` result) for an [`HrefPart`]: its `Display` text.
pub fn shown<T: fmt::Display>(value: &T) -> Cow<'static, str> {
    Cow::Owned(value.to_string())
}

/// The path of a route: `parts` joined, values percent-encoded so that the path routes back to
/// the route with the same params.
///
/// # Errors
///
/// A required value is empty, a value starts or ends with `/`, or the path would hold `//`.
pub fn href(parts: &[HrefPart<'_>]) -> Result<String, HrefError> {
    let mut path = String::new();
    for part in parts {
        match part {
            HrefPart::Text(text) => path.push_str(text),
            HrefPart::Required(name, value) if value.is_empty() => {
                return Err(HrefError::Empty(name));
            }
            HrefPart::Required(name, value) => push_param(&mut path, name, value, false)?,
            HrefPart::Optional(name, Some(value)) => push_param(&mut path, name, value, false)?,
            HrefPart::Optional(_, None) => {}
            HrefPart::Rest(name, value) => push_param(&mut path, name, value, true)?,
            HrefPart::OptionalSegment(name, Some(value)) if !value.is_empty() => {
                path.push('/');
                push_param(&mut path, name, value, false)?;
            }
            HrefPart::OptionalSegment(..) => {}
            HrefPart::RestSegment(name, value) if !value.is_empty() => {
                path.push('/');
                push_param(&mut path, name, value, true)?;
            }
            HrefPart::RestSegment(..) => {}
        }
    }
    finish_href(path)
}

/// Appends a param value to a path being built: encoded so that matching and decoding give it
/// back (`/` kept in a rest, so that it spans segments).
fn push_param(
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
fn finish_href(path: String) -> Result<String, HrefError> {
    if path.is_empty() {
        return Ok("/".to_owned());
    }
    if path.contains("//") {
        return Err(HrefError::EmptySegment(path));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_each_kind_of_part() {
        let parts = [
            HrefPart::OptionalSegment("lang", Some(text("fr"))),
            HrefPart::Text("/blog/"),
            HrefPart::Required("slug", text("a b")),
            HrefPart::Optional("v", None),
            HrefPart::Text(".json"),
            HrefPart::RestSegment("rest", text("x/y")),
        ];
        assert_eq!(href(&parts).as_deref(), Ok("/fr/blog/a%20b.json/x/y"));
        let parts = [
            HrefPart::OptionalSegment("lang", Some(text(""))),
            HrefPart::RestSegment("r", shown(&"")),
        ];
        assert_eq!(href(&parts).as_deref(), Ok("/"));
    }

    #[test]
    fn refuses_paths_that_would_not_route_back() {
        let empty = [HrefPart::Text("/a/"), HrefPart::Required("id", text(""))];
        assert_eq!(href(&empty), Err(HrefError::Empty("id")));
        let edge = [HrefPart::Text("/a/"), HrefPart::Rest("r", text("x/"))];
        assert_eq!(href(&edge), Err(HrefError::SlashAtEdge("r")));
        let double = [
            HrefPart::Text("/a/"),
            HrefPart::Optional("o", None),
            HrefPart::Text("/b"),
        ];
        assert_eq!(href(&double), Err(HrefError::EmptySegment("/a//b".into())));
    }
}
