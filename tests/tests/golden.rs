//! The derive's expansion of a small tree, pretty-printed and compared with the checked-in
//! `tests/fixtures/golden/expanded.rs` (in the workspace). After an intended change to the generated code, run
//! `ROUTEKIT_BLESS=1 cargo test -p routekit-tests --test golden` and review the diff. Also: what
//! an app without templates does not get.

use std::path::Path;

use routekit_codegen::emit::{Invocation, expand_derive};

/// The derive's expansion of `struct App;` for the crate in `crate_dir` (routes in
/// `src/routes`), without a build script's output.
fn expand(crate_dir: &Path) -> proc_macro2::TokenStream {
    let invocation = Invocation {
        manifest_dir: crate_dir.to_path_buf(),
        source_file: Some(crate_dir.join("src/main.rs")),
        tracked: vec![crate_dir.join("src/routes")],
        out_dir: None,
        lex: routekit_codegen::emit::checked_lex,
    };
    expand_derive(
        quote::quote!(
            struct App;
        ),
        &invocation,
    )
}

#[test]
fn expansion_matches_the_checked_in_file() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/golden");
    let tokens = expand(&fixture);
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as a Rust file");
    // The container's `#[path]` names the routes folder in full: not where the repository is.
    let routes = std::fs::canonicalize(fixture.join("src/routes")).expect("the fixture's routes");
    let expanded = prettyplease::unparse(&file).replace(
        &format!("{:?}", routes.to_string_lossy()),
        "\"<fixture>/src/routes\"",
    );
    let golden = fixture.join("expanded.rs");
    if std::env::var_os("ROUTEKIT_BLESS").is_some() {
        std::fs::write(&golden, &expanded).expect("write expanded.rs");
    }
    let expected = std::fs::read_to_string(&golden).expect("read expanded.rs (bless it first)");
    assert!(
        expanded == expected,
        "the expansion changed; if intended, run with ROUTEKIT_BLESS=1 and review the diff of {}",
        golden.display()
    );
}

/// Only an app with templates names the template engine, so that the binary of an app of
/// endpoints alone does not link it.
#[test]
fn only_an_app_with_templates_names_the_template_engine() {
    let with_templates = expand(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/golden"));
    assert!(with_templates.to_string().contains("Templates :: new"));

    let dir = tempfile::tempdir().expect("a temporary folder");
    let endpoint = dir.path().join("src/routes/api/[id]/+server.rs");
    std::fs::create_dir_all(endpoint.parent().expect("its folder")).expect("create folders");
    std::fs::write(&endpoint, "pub async fn GET() {}\n").expect("write +server.rs");
    std::fs::write(dir.path().join("src/main.rs"), "fn main() {}\n").expect("write main.rs");
    let endpoints_only = expand(dir.path()).to_string();
    assert!(endpoints_only.contains("impl :: routekit :: RouteTable"));
    for engine in ["Templates", "minijinja", "fn render"] {
        assert!(
            !endpoints_only.contains(engine),
            "an app without templates names `{engine}`"
        );
    }
}
