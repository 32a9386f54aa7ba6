//! The `x` param matcher of the sort example (`[[a=x]]`): hexadecimal numbers written `0x…`.

/// Whether `param` is `0x` followed by at least one hexadecimal digit.
pub fn matches(param: &str) -> bool {
    param
        .strip_prefix("0x")
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit()))
}
