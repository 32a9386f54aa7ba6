//! Percent-encoding of static route text for `href`, done at build time. The run-time twin for
//! param values is `routekit::__private::push_param`; both follow the same rule.

/// Encodes static text so that `decode_pathname` gives back what the route matches: `%`, `/`,
/// `?`, `#` stay encoded (`%25`, `%2F`, `%3F`, `%23`), characters a URL path may hold stay as
/// they are, everything else is encoded as UTF-8.
pub fn encode_static(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_path_characters_and_encodes_the_rest() {
        assert_eq!(encode_static(":-)"), ":-)");
        assert_eq!(encode_static(".well-known"), ".well-known");
        assert_eq!(encode_static("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
        assert_eq!(encode_static("café au lait"), "caf%C3%A9%20au%20lait");
    }
}
