/// Accepts decimal numbers that fit in a `u32`.
pub fn parse(param: &str) -> Option<u32> {
    param.parse().ok()
}
