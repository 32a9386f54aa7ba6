//! `word`: one or more ASCII letters.

/// Whether `param` is all ASCII letters.
pub fn matches(param: &str) -> bool {
    !param.is_empty() && param.bytes().all(|b| b.is_ascii_alphabetic())
}
