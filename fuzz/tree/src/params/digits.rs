//! `digits`: one or more ASCII digits.

/// Whether `param` is all ASCII digits.
pub fn matches(param: &str) -> bool {
    !param.is_empty() && param.bytes().all(|b| b.is_ascii_digit())
}
