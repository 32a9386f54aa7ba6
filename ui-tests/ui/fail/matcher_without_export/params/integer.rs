pub fn is_integer(param: &str) -> bool {
    param.bytes().all(|b| b.is_ascii_digit())
}
