//! The derive's expansion of a small tree, pretty-printed and compared with the checked-in
//! `tests/fixtures/golden/expanded.rs` (in the workspace). After an intended change to the generated code, run
//! `ROUTEKIT_BLESS=1 cargo test -p routekit-tests --test golden` and review the diff.

use std::path::Path;

use routekit_codegen::emit::{Invocation, expand_derive};

#[test]
fn expansion_matches_the_checked_in_file() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/golden");
    let invocation = Invocation {
        manifest_dir: fixture.clone(),
        source_file: Some(fixture.join("src/main.rs")),
        tracked: vec![fixture.join("src/routes")],
        out_dir: None,
        lex: routekit_codegen::emit::checked_lex,
    };
    let tokens = expand_derive(
        quote::quote!(
            struct App;
        ),
        &invocation,
    );
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as a Rust file");
    let expanded = prettyplease::unparse(&file);
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
