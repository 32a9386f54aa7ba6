//! Names of generated modules: one per route folder, and the container's.

use std::collections::BTreeSet;

use quote::format_ident;

/// Names the container module already gives its own modules (the matchers, the hooks file).
const RESERVED: &[&str] = &["params", "hooks"];

/// Whether `name` can be written as a plain identifier: syn's check, and not `gen`, which syn
/// takes for one but is a keyword from edition 2024 on.
pub(crate) fn is_identifier(name: &str) -> bool {
    name != "gen" && syn::parse_str::<syn::Ident>(name).is_ok()
}

/// One module name per route id: the id's words joined with `_` (`/blog/[slug]` →
/// `blog_slug`, `/` → `root`), prefixed with `r_` where that is not an identifier or is a
/// name the container uses, and made unique in order (`_2`, `_3`, … after a name taken).
pub(crate) fn module_names<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<syn::Ident> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    ids.into_iter()
        .map(|id| {
            let mut name = snake_case(id);
            if name.is_empty() {
                name = "root".to_owned();
            }
            if RESERVED.contains(&name.as_str()) || !is_identifier(&name) {
                name = format!("r_{name}");
            }
            let unique = (1..)
                .map(|n| match n {
                    1 => name.clone(),
                    n => format!("{name}_{n}"),
                })
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or(name);
            taken.insert(unique.clone());
            format_ident!("{}", unique)
        })
        .collect()
}

/// Lowercase words of ASCII letters and digits joined with `_`.
pub(crate) fn snake_case(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        }
    }
    out.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ids: &[&str]) -> Vec<String> {
        module_names(ids.iter().copied())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn words_of_the_id() {
        assert_eq!(
            names(&[
                "/",
                "/blog/[slug]",
                "/[[lang]]/about",
                "/(app)/[a]-[b].json",
                "/Api/getUser"
            ]),
            [
                "root",
                "blog_slug",
                "lang_about",
                "app_a_b_json",
                "api_get_user"
            ]
        );
    }

    #[test]
    fn never_a_name_the_container_uses_nor_one_taken() {
        assert_eq!(
            names(&[
                "/params", "/hooks", "/gen", "/1st", "/fn", "/a-2", "/a", "/a_", "/root"
            ]),
            [
                "r_params", "r_hooks", "r_gen", "r_1st", "r_fn", "a_2", "a", "a_3", "root"
            ]
        );
    }
}
