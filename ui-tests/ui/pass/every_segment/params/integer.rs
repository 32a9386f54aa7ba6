pub fn matches(param: &str) -> bool {
    !param.is_empty() && param.bytes().all(|b| b.is_ascii_digit())
}
