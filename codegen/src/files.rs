//! Route file names: which slot a file of a route folder fills (SvelteKit 2 §1.3, with
//! routekit's names: `.html` templates and `.rs` modules).

/// The slot a route file fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteFile {
    /// `+page.html` or `+page@x.html`, with the named layout `x` it resets to.
    PageTemplate {
        /// What follows `@` (`""` for `+page@.html`), if anything.
        layout: Option<String>,
    },
    /// `+layout.html` or `+layout@x.html`.
    LayoutTemplate {
        /// What follows `@`, if anything.
        layout: Option<String>,
    },
    /// `+error.html`.
    ErrorTemplate,
    /// `+page.server.rs`: the page's `load` and `actions`.
    PageServer,
    /// `+layout.server.rs`: the layout's `load`.
    LayoutServer,
    /// `+server.rs`: HTTP method handlers.
    Endpoint,
}

/// What a file name in a route folder means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileName {
    /// A route file.
    Route(RouteFile),
    /// Not a route file: no `+` prefix, or an extension routekit does not know.
    Ignored,
    /// No `+` prefix, but the name would be a route file with one (`page.html`): a likely typo.
    MissingPlus,
    /// A `+` name routekit reserves; the string is a hint for the fix, possibly empty.
    Reserved(&'static str),
    /// A `.rs` route file that names a layout; the string is the `@x` part to remove.
    NamedLayoutOnModule(String),
}

const TEMPLATE_EXTENSION: &str = ".html";
const MODULE_EXTENSION: &str = ".rs";

/// Classifies a file of a route folder by its name.
pub fn classify(file_name: &str) -> FileName {
    if let Some(stem) = file_name.strip_suffix(TEMPLATE_EXTENSION) {
        return match stem.strip_prefix('+') {
            Some(name) => classify_template(name),
            None if classify_template(stem) != FileName::Reserved("") => FileName::MissingPlus,
            None => FileName::Ignored,
        };
    }
    if let Some(stem) = file_name.strip_suffix(MODULE_EXTENSION) {
        return match stem.strip_prefix('+') {
            Some(name) => classify_module(name),
            None if matches!(classify_module(stem), FileName::Route(_)) => FileName::MissingPlus,
            None => FileName::Ignored,
        };
    }
    FileName::Ignored
}

/// `page`, `page@x`, `layout`, `layout@x`, `error` (the `+` and `.html` removed).
fn classify_template(name: &str) -> FileName {
    let named_layout = |rest: &str| rest.strip_prefix('@').map(str::to_owned);
    if name == "error" {
        return FileName::Route(RouteFile::ErrorTemplate);
    }
    if let Some(rest) = name.strip_prefix("page")
        && (rest.is_empty() || rest.starts_with('@'))
    {
        return FileName::Route(RouteFile::PageTemplate {
            layout: named_layout(rest),
        });
    }
    if let Some(rest) = name.strip_prefix("layout")
        && (rest.is_empty() || rest.starts_with('@'))
    {
        return FileName::Route(RouteFile::LayoutTemplate {
            layout: named_layout(rest),
        });
    }
    FileName::Reserved("")
}

/// `server`, `page.server`, `layout.server` (the `+` and `.rs` removed). SvelteKit's universal
/// `+page.js`/`+layout.js` have no routekit counterpart, so `+page.rs` is reserved with a hint.
fn classify_module(name: &str) -> FileName {
    match name {
        "server" => return FileName::Route(RouteFile::Endpoint),
        "page.server" => return FileName::Route(RouteFile::PageServer),
        "layout.server" => return FileName::Route(RouteFile::LayoutServer),
        "page" => {
            return FileName::Reserved("a page's `load` and `actions` go in `+page.server.rs`");
        }
        "layout" => return FileName::Reserved("a layout's `load` goes in `+layout.server.rs`"),
        _ => {}
    }
    // `+page@x.server.rs`, `+layout@.rs`: SvelteKit's `(page|layout)(@[a-zA-Z0-9_-]*)?(\.server)?`.
    for base in ["page", "layout"] {
        if let Some(rest) = name.strip_prefix(base).and_then(|r| r.strip_prefix('@')) {
            let at = rest.strip_suffix(".server").unwrap_or(rest);
            if at
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                return FileName::NamedLayoutOnModule(format!("@{at}"));
            }
        }
    }
    FileName::Reserved("")
}

/// The file names routekit knows, for error messages.
pub const KNOWN_NAMES: &str = "`+page.html`, `+page.server.rs`, `+layout.html`, `+layout.server.rs`, `+error.html`, `+server.rs`";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_route_files() {
        let route = |name: &str| match classify(name) {
            FileName::Route(file) => file,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(
            route("+page.html"),
            RouteFile::PageTemplate { layout: None }
        );
        assert_eq!(
            route("+page@(app).html"),
            RouteFile::PageTemplate {
                layout: Some("(app)".into())
            }
        );
        assert_eq!(
            route("+layout@.html"),
            RouteFile::LayoutTemplate {
                layout: Some(String::new())
            }
        );
        assert_eq!(route("+error.html"), RouteFile::ErrorTemplate);
        assert_eq!(route("+page.server.rs"), RouteFile::PageServer);
        assert_eq!(route("+layout.server.rs"), RouteFile::LayoutServer);
        assert_eq!(route("+server.rs"), RouteFile::Endpoint);
    }

    #[test]
    fn ignores_other_files() {
        for name in [
            "default.html",
            "_foo.rs",
            "+server.rs_tmp",
            "+page.beebop",
            "README.md",
        ] {
            assert_eq!(classify(name), FileName::Ignored, "{name}");
        }
        assert_eq!(classify("page.html"), FileName::MissingPlus);
        assert_eq!(classify("page.server.rs"), FileName::MissingPlus);
    }

    #[test]
    fn rejects_reserved_and_named_modules() {
        assert!(matches!(classify("+foo.html"), FileName::Reserved(_)));
        assert!(matches!(classify("+pages.rs"), FileName::Reserved(_)));
        assert!(matches!(
            classify("+layout-foo.html"),
            FileName::Reserved(_)
        ));
        assert!(matches!(classify("+page.rs"), FileName::Reserved(hint) if !hint.is_empty()));
        assert_eq!(
            classify("+page@foo.server.rs"),
            FileName::NamedLayoutOnModule("@foo".into())
        );
        assert_eq!(
            classify("+layout@.server.rs"),
            FileName::NamedLayoutOnModule("@".into())
        );
    }
}
