//! `never`: rejects everything, so its routes always fall through.

/// Never.
pub fn matches(_param: &str) -> bool {
    false
}
