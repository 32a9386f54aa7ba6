//! `short`: at most two characters.

/// Whether `param` has at most two characters.
pub fn matches(param: &str) -> bool {
    param.chars().count() <= 2
}
