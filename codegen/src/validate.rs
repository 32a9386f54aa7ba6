//! Checks every route folder's id, in SvelteKit 2's order (§1.2), before it is parsed.

use crate::error::ErrorKind;
use crate::escape;
use crate::route_id::{self, RoutePattern};

/// Checks a folder's route id and parses it. `segment` is the folder's own name.
pub fn check_route_id(id: &str, segment: &str) -> Result<RoutePattern, (ErrorKind, String)> {
    let unescaped = escape::unescape_id(id)?;
    if unescaped.contains("][") {
        return Err((
            ErrorKind::ParamsNotSeparated,
            format!(
                "invalid route `{id}`: parameters must be separated (by static text such as `-` or `.`)"
            ),
        ));
    }
    if id.matches('[').count() != id.matches(']').count() {
        return Err((
            ErrorKind::UnbalancedBrackets,
            format!("invalid route `{id}`: brackets are unbalanced"),
        ));
    }
    if segment.contains('#') {
        let renamed = id.replace('#', "[x+23]");
        return Err((
            ErrorKind::HashInName,
            format!(
                "route `{id}` should be renamed to `{renamed}`: `#` cannot appear in a folder name"
            ),
        ));
    }
    if has_optional_after_rest(id) {
        return Err((
            ErrorKind::OptionalAfterRest,
            format!(
                "invalid route `{id}`: an `[[optional]]` route segment cannot follow a `[...rest]` route segment"
            ),
        ));
    }
    if id.contains("[[...") {
        return Err((
            ErrorKind::OptionalRest,
            format!(
                "invalid route `{id}`: a rest route segment is always optional, remove the outer square brackets"
            ),
        ));
    }
    let pattern = route_id::parse_route_id(id).map_err(|invalid| {
        if invalid.stray_bracket {
            (
                ErrorKind::UnbalancedBrackets,
                format!(
                    "invalid route `{id}`: `{}` has a `[` or `]` outside a param (write `[x+5b]` or `[x+5d]` for a literal bracket)",
                    invalid.content
                ),
            )
        } else {
            (
                ErrorKind::InvalidParamName,
                format!(
                    "invalid param `{}` in route `{id}`: params and matcher names can only have underscores and alphanumeric characters",
                    invalid.content
                ),
            )
        }
    })?;
    // SvelteKit lets a later value overwrite an earlier one; a typed `Params` struct cannot hold
    // two fields of one name, so routekit asks for distinct names.
    for (i, param) in pattern.params.iter().enumerate() {
        if pattern.params[..i]
            .iter()
            .any(|earlier| earlier.name == param.name)
        {
            return Err((
                ErrorKind::InvalidParamName,
                format!(
                    "param `{}` appears twice in route `{id}`: give each param of a route its own name",
                    param.name
                ),
            ));
        }
    }
    Ok(pattern)
}

/// SvelteKit's `/\[\.\.\.\w+\]\/\[\[/`: a `[...rest]` directly followed by a `/[[` segment.
fn has_optional_after_rest(id: &str) -> bool {
    id.match_indices("[...").any(|(start, _)| {
        let after = &id[start + 4..];
        let name_len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        name_len > 0 && after[name_len..].starts_with("]/[[")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(id: &str) -> ErrorKind {
        let segment = id.rsplit('/').next().unwrap();
        check_route_id(id, segment).unwrap_err().0
    }

    #[test]
    fn reports_each_class() {
        assert_eq!(kind("/[foo][bar]"), ErrorKind::ParamsNotSeparated);
        assert_eq!(kind("/[x+5d][x+5b]"), ErrorKind::ParamsNotSeparated);
        assert_eq!(kind("/a[b"), ErrorKind::UnbalancedBrackets);
        assert_eq!(kind("/a#b"), ErrorKind::HashInName);
        assert_eq!(kind("/[...rest]/[[opt]]"), ErrorKind::OptionalAfterRest);
        assert_eq!(kind("/[[...rest]]"), ErrorKind::OptionalRest);
        assert_eq!(kind("/[foo-bar]"), ErrorKind::InvalidParamName);
        assert_eq!(kind("/a]b["), ErrorKind::UnbalancedBrackets);
        assert_eq!(kind("/[X+41]"), ErrorKind::BadEscapeCase);
        assert_eq!(kind("/[x]/[[x]]"), ErrorKind::InvalidParamName);
    }

    #[test]
    fn accepts_valid_ids() {
        for id in [
            "/",
            "/[a][x+41]",
            "/blog/[slug]",
            "/[[lang]]/home",
            "/a/[...rest]/z",
            "/(app)",
        ] {
            let segment = id.rsplit('/').next().unwrap();
            assert!(check_route_id(id, segment).is_ok(), "{id}");
        }
    }
}
