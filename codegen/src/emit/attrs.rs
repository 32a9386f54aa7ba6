//! `#[routes(dir = "src/routes", state = AppState)]`: the derive's options.

use proc_macro2::Span;
use syn::{DeriveInput, LitStr, Type};

/// The options of one `#[derive(Routes)]`.
pub struct Options {
    /// The routes folder: relative to the crate's manifest folder, to the file holding the
    /// derive when it starts with `./` or `../`, or absolute.
    pub dir: String,
    /// Where `dir` was written, for error spans.
    pub dir_span: Span,
    /// The app state type (`()` when not given).
    pub state: Type,
    /// `__function_budget = N`, for routekit's own tests: how many trie nodes one generated
    /// dispatch function holds (see `partition`), so that small trees exercise the calls
    /// between node functions too.
    pub function_budget: Option<usize>,
}

/// Reads the `#[routes(...)]` attributes; every unknown or malformed option is an error.
pub fn parse_options(input: &DeriveInput) -> Result<Options, syn::Error> {
    let mut dir: Option<LitStr> = None;
    let mut state: Option<Type> = None;
    let mut function_budget: Option<usize> = None;
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("routes"))
    {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("dir") {
                if dir.is_some() {
                    return Err(meta.error("`dir` is given twice"));
                }
                dir = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("state") {
                if state.is_some() {
                    return Err(meta.error("`state` is given twice"));
                }
                state = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("__function_budget") {
                let budget: syn::LitInt = meta.value()?.parse()?;
                function_budget = Some(budget.base10_parse()?);
                Ok(())
            } else {
                Err(meta.error(
                    "unknown option: `#[routes(...)]` takes `dir = \"src/routes\"` and `state = Type`",
                ))
            }
        })?;
    }
    if !matches!(input.data, syn::Data::Struct(_)) || !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "`#[derive(Routes)]` goes on a struct without generics, such as `struct App;`",
        ));
    }
    let (dir, dir_span) = match dir {
        Some(lit) if lit.value().trim().is_empty() => {
            return Err(syn::Error::new(
                lit.span(),
                "`dir` is empty: name the routes folder, such as `dir = \"src/routes\"`",
            ));
        }
        Some(lit) => (lit.value(), lit.span()),
        None => ("src/routes".to_owned(), input.ident.span()),
    };
    Ok(Options {
        dir,
        dir_span,
        state: state.unwrap_or_else(|| syn::parse_quote!(())),
        function_budget,
    })
}
