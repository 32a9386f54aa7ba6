pub fn matches(param: &str) -> bool {
    !param.is_empty()
}
