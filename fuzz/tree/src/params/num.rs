//! `num`: a typed matcher, a `u32`.

/// `param` as a `u32`.
pub fn parse(param: &str) -> Option<u32> {
    param.parse().ok()
}
