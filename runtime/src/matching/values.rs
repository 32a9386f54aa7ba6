//! The generated `Params::from_values`: each field read from a match's raw values and
//! percent-decoded (or parsed by a typed matcher) by one call.

use std::fmt;

use crate::path::{MalformedUri, decode_uri_component};

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
///
/// # Errors
///
/// The value's percent-encoding is malformed.
pub fn decode_param(value: &str) -> Result<String, MalformedUri> {
    decode_uri_component(value).map(|v| v.into_owned())
}

/// The raw value of param `index`, if present.
fn raw<V: AsRef<str>>(values: &[Option<V>], index: usize) -> Option<&str> {
    values.get(index)?.as_ref().map(AsRef::as_ref)
}

/// A `String` field: param `index`, decoded (empty when absent, as for an empty rest).
///
/// # Errors
///
/// The value's percent-encoding is malformed.
pub fn decoded<V: AsRef<str>>(values: &[Option<V>], index: usize) -> Result<String, ParamsError> {
    Ok(decode_param(raw(values, index).unwrap_or(""))?)
}

/// An `Option<String>` field (`[[x]]`): param `index`, decoded, `None` when absent.
///
/// # Errors
///
/// The value's percent-encoding is malformed.
pub fn decoded_optional<V: AsRef<str>>(
    values: &[Option<V>],
    index: usize,
) -> Result<Option<String>, ParamsError> {
    raw(values, index)
        .map(|v| decode_param(v).map_err(ParamsError::from))
        .transpose()
}

/// A typed field: param `index` as the matcher's `parse` reads it (the raw value, as the
/// matcher saw it while matching; empty when absent).
///
/// # Errors
///
/// `parse` rejects the value.
pub fn parsed<V: AsRef<str>, T>(
    values: &[Option<V>],
    index: usize,
    parse: fn(&str) -> Option<T>,
) -> Result<T, ParamsError> {
    parse(raw(values, index).unwrap_or("")).ok_or(ParamsError::Rejected)
}

/// An optional typed field: as [`parsed`], `None` when absent.
///
/// # Errors
///
/// `parse` rejects the value.
pub fn parsed_optional<V: AsRef<str>, T>(
    values: &[Option<V>],
    index: usize,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, ParamsError> {
    raw(values, index)
        .map(|v| parse(v).ok_or(ParamsError::Rejected))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_kind_of_field() {
        let values = [Some("a%20b"), None, Some("7")];
        assert_eq!(decoded(&values, 0), Ok("a b".to_owned()));
        assert_eq!(decoded(&values, 1), Ok(String::new()));
        assert_eq!(decoded_optional(&values, 1), Ok(None));
        assert_eq!(parsed(&values, 2, |v| v.parse::<u8>().ok()), Ok(7));
        assert_eq!(
            parsed_optional(&values, 1, |v| v.parse::<u8>().ok()),
            Ok(None)
        );
        assert_eq!(
            parsed(&values, 0, |v| v.parse::<u8>().ok()),
            Err(ParamsError::Rejected)
        );
        assert!(matches!(
            decoded(&[Some("%E0")], 0),
            Err(ParamsError::Malformed(_))
        ));
    }
}
