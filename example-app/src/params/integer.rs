//! The `integer` param matcher: `[page=integer]` accepts decimal digits and types the param `u32`.

/// Parses a param value as a `u32`; `None` rejects the value, so matching falls through to the
/// next route.
pub fn parse(param: &str) -> Option<u32> {
    if param.bytes().all(|b| b.is_ascii_digit()) {
        param.parse().ok()
    } else {
        None
    }
}
