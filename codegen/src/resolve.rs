//! SvelteKit 2's `resolve_route` (§8): a route id filled in with param values gives a path, the
//! reverse of matching.

use std::collections::BTreeMap;
use std::fmt;

/// Why a route id could not be filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// A required param has no value, or an empty one.
    MissingParam {
        /// The param's name.
        name: String,
        /// The route id.
        route: String,
    },
    /// A value starts or ends with `/`, which would make an empty segment (`foo//bar`).
    SlashAtEdge {
        /// The param's name.
        name: String,
        /// The route id.
        route: String,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingParam { name, route } => {
                write!(f, "missing parameter `{name}` in route `{route}`")
            }
            Self::SlashAtEdge { name, route } => write!(
                f,
                "parameter `{name}` in route `{route}` cannot start or end with a slash, \
                 as that would make an empty segment (`foo//bar`)"
            ),
        }
    }
}

impl std::error::Error for ResolveError {}

/// Builds the path of route `id` from `params`, as SvelteKit 2's `resolve_route` does.
///
/// Groups are dropped, an optional param without a (non-empty) value drops out with its
/// segment, as does a rest param whose value is `""`, and a trailing `/` on the id is kept.
/// Values are inserted as given (no percent-encoding), and `[x+..]`/`[u+..]` escapes stay as
/// written, as in SvelteKit 2.
///
/// # Errors
///
/// [`ResolveError::MissingParam`] if a required param (or a rest param) has no value, or a
/// required param an empty one; [`ResolveError::SlashAtEdge`] if a used value starts or ends
/// with `/`.
pub fn resolve_route(id: &str, params: &BTreeMap<String, String>) -> Result<String, ResolveError> {
    let mut filled = Vec::new();
    for segment in crate::route_id::url_segments(id) {
        let segment = fill_segment(segment, id, params)?;
        // A segment that was only a dropped param disappears, slashes and all.
        if !segment.is_empty() {
            filled.push(segment);
        }
    }
    let trailing_slash = if id != "/" && id.ends_with('/') {
        "/"
    } else {
        ""
    };
    Ok(format!("/{}{trailing_slash}", filled.join("/")))
}

/// Replaces every param in one segment by its value.
fn fill_segment(
    segment: &str,
    id: &str,
    params: &BTreeMap<String, String>,
) -> Result<String, ResolveError> {
    let mut out = String::new();
    let mut rest = segment;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        match ParamRef::parse(&rest[start..]) {
            Some(param) => {
                out.push_str(param.value(id, params)?);
                rest = &rest[start + param.len..];
            }
            // Not a param (an escape such as `[x+3a]`, say): the `[` stays as written.
            None => {
                out.push('[');
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// A param reference as SvelteKit's `/\[(\[)?(\.\.\.)?(\w+?)(?:=(\w+))?\]\]?/` finds it.
struct ParamRef<'a> {
    name: &'a str,
    /// Opens with `[[`.
    optional: bool,
    /// Has `...` before the name.
    rest: bool,
    /// Bytes matched, brackets included.
    len: usize,
}

impl<'a> ParamRef<'a> {
    /// Reads the param reference at the start of `text`, which begins with `[`. The pattern
    /// never backtracks into a shorter name or matcher, since the text after either must be a
    /// non-word character.
    fn parse(text: &'a str) -> Option<Self> {
        let mut at = 1;
        let optional = text[at..].starts_with('[');
        at += usize::from(optional);
        let rest = text[at..].starts_with("...");
        if rest {
            at += 3;
        }
        let name_len = word_len(&text[at..]);
        if name_len == 0 {
            return None;
        }
        let name = &text[at..at + name_len];
        at += name_len;
        if let Some(after) = text[at..].strip_prefix('=') {
            let matcher_len = word_len(after);
            if matcher_len > 0 {
                at += 1 + matcher_len;
            }
        }
        if !text[at..].starts_with(']') {
            return None;
        }
        at += 1;
        // The second `]` is taken whenever it is there, `[[x]]` or not.
        if text[at..].starts_with(']') {
            at += 1;
        }
        Some(Self {
            name,
            optional,
            rest,
            len: at,
        })
    }

    /// The text that replaces this reference.
    fn value<'p>(
        &self,
        id: &str,
        params: &'p BTreeMap<String, String>,
    ) -> Result<&'p str, ResolveError> {
        // JS tests `!value`, which holds for both a missing value and `""`.
        match params.get(self.name).map(String::as_str) {
            None | Some("") if self.optional => Ok(""),
            Some("") if self.rest => Ok(""),
            None | Some("") => Err(ResolveError::MissingParam {
                name: self.name.to_owned(),
                route: id.to_owned(),
            }),
            Some(value) if value.starts_with('/') || value.ends_with('/') => {
                Err(ResolveError::SlashAtEdge {
                    name: self.name.to_owned(),
                    route: id.to_owned(),
                })
            }
            Some(value) => Ok(value),
        }
    }
}

/// The length of the run of ASCII word characters (`\w`) at the start of `text`.
fn word_len(text: &str) -> usize {
    text.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// Param names and values.
    type Pairs = &'static [(&'static str, &'static str)];

    /// The `resolve[]` vectors that give a path.
    const RESOLVES: &[(&str, Pairs, &str)] = &[
        (
            "/blog/[one]/[two]",
            &[("one", "one"), ("two", "two")],
            "/blog/one/two",
        ),
        (
            "/blog/[one]/[two]/",
            &[("one", "one"), ("two", "two")],
            "/blog/one/two/",
        ),
        (
            "/blog/[one=matcher]/[...two]",
            &[("one", "one"), ("two", "two/three")],
            "/blog/one/two/three",
        ),
        (
            "/blog/[one=matcher]/[...two]/",
            &[("one", "one"), ("two", "two/three")],
            "/blog/one/two/three/",
        ),
        (
            "/blog/[one=matcher]/[[two]]",
            &[("one", "one")],
            "/blog/one",
        ),
        (
            "/blog/[one=matcher]/[[two]]/",
            &[("one", "one")],
            "/blog/one/",
        ),
        (
            "/blog/[one]/[two]-and-[three]",
            &[("one", "one"), ("two", "2"), ("three", "3")],
            "/blog/one/2-and-3",
        ),
        (
            "/blog/[one]/[two]-and-[three]/",
            &[("one", "one"), ("two", "2"), ("three", "3")],
            "/blog/one/2-and-3/",
        ),
        ("/blog/[...one]", &[("one", "")], "/blog"),
        ("/blog/[...one]/", &[("one", "")], "/blog/"),
        (
            "/blog/[one]/[...two]-not-three",
            &[("one", "one"), ("two", "two/2")],
            "/blog/one/two/2-not-three",
        ),
        (
            "/blog/[one]/[...two]-not-three/",
            &[("one", "one"), ("two", "two/2")],
            "/blog/one/two/2-not-three/",
        ),
    ];

    #[test]
    fn resolves_the_vectors() {
        for (id, values, expected) in RESOLVES {
            assert_eq!(
                resolve_route(id, &params(values)).as_deref(),
                Ok(*expected),
                "route {id}"
            );
        }
    }

    #[test]
    fn rejects_a_missing_param() {
        let error = resolve_route("/blog/[one]/[two]", &params(&[("one", "one")])).unwrap_err();
        assert_eq!(
            error,
            ResolveError::MissingParam {
                name: "two".into(),
                route: "/blog/[one]/[two]".into()
            }
        );
        assert_eq!(
            error.to_string(),
            "missing parameter `two` in route `/blog/[one]/[two]`"
        );
    }

    #[test]
    fn rejects_a_slash_at_either_edge() {
        for value in ["/two", "two/"] {
            let error = resolve_route(
                "/blog/[one]/[two]",
                &params(&[("one", "one"), ("two", value)]),
            )
            .unwrap_err();
            assert_eq!(
                error,
                ResolveError::SlashAtEdge {
                    name: "two".into(),
                    route: "/blog/[one]/[two]".into()
                }
            );
            assert!(
                error
                    .to_string()
                    .starts_with("parameter `two` in route `/blog/[one]/[two]`")
            );
        }
    }

    #[test]
    fn follows_javascript_truthiness() {
        // An empty required value is missing; a missing rest value too, an empty one is not.
        let empty = params(&[("a", "")]);
        assert!(matches!(
            resolve_route("/[a]", &empty),
            Err(ResolveError::MissingParam { .. })
        ));
        assert!(matches!(
            resolve_route("/x/[...r]", &empty),
            Err(ResolveError::MissingParam { .. })
        ));
        assert_eq!(resolve_route("/x/[[o]]", &empty).as_deref(), Ok("/x"));
        // Only a value that is used is checked for slashes.
        assert_eq!(
            resolve_route("/x", &params(&[("a", "/")])).as_deref(),
            Ok("/x")
        );
    }

    #[test]
    fn drops_groups_and_keeps_escapes() {
        let values = params(&[("slug", "hi")]);
        assert_eq!(
            resolve_route("/(app)/blog/[slug]", &values).as_deref(),
            Ok("/blog/hi")
        );
        assert_eq!(resolve_route("/(app)", &values).as_deref(), Ok("/"));
        assert_eq!(resolve_route("/", &values).as_deref(), Ok("/"));
        assert_eq!(
            resolve_route("/[x+3a]-[slug]", &values).as_deref(),
            Ok("/[x+3a]-hi")
        );
        assert_eq!(
            resolve_route("/a[[slug]]b", &params(&[])).as_deref(),
            Ok("/ab")
        );
        assert_eq!(
            resolve_route("/[[slug]]/", &params(&[])).as_deref(),
            Ok("//")
        );
    }
}
