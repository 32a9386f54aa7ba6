//! `locale`: two lowercase ASCII letters.

/// Whether `param` is a two-letter language code.
pub fn matches(param: &str) -> bool {
    param.len() == 2 && param.bytes().all(|b| b.is_ascii_lowercase())
}
