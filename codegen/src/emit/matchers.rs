//! Param matchers (`src/params/NAME.rs`): what each exports, read with syn.

use quote::ToTokens;

use crate::exports::FallbackLexer;
use crate::matchers::Matcher;

/// What a matcher file exports.
#[derive(Debug)]
pub enum MatcherKind {
    /// `pub fn matches(param: &str) -> bool`: the param stays a `String`.
    Matches,
    /// `pub fn parse(param: &str) -> Option<T>`: the param is typed `T` (the text of `T`, to be
    /// parsed again where it is emitted: tokens read for positions can't join the output).
    Parse(String),
}

/// Reads a matcher file and tells which function it exports, or why it can't be used.
pub fn matcher_kind(matcher: &Matcher) -> Result<MatcherKind, String> {
    let path = matcher.path.display();
    let source = std::fs::read_to_string(&matcher.path)
        .map_err(|error| format!("{path}: cannot read the matcher: {error}"))?;
    // Lex with proc-macro2's own lexer so that errors point into the matcher file.
    let _lexer = FallbackLexer::enter();
    let file = syn::parse_file(&source).map_err(|error| {
        let start = error.span().start();
        format!("{path}:{}:{}: {error}", start.line, start.column + 1)
    })?;
    let public_fn = |name: &str| {
        file.items.iter().find_map(|item| match item {
            syn::Item::Fn(f) if f.sig.ident == name && crate::exports::exported(&f.vis) => Some(f),
            _ => None,
        })
    };
    if let Some(parse) = public_fn("parse") {
        return option_inner(&parse.sig.output).map(MatcherKind::Parse).ok_or_else(|| {
            format!(
                "{path}: `parse` must return `Option<T>` (`None` rejects the value), such as `pub fn parse(param: &str) -> Option<u32>`"
            )
        });
    }
    if public_fn("matches").is_some() {
        return Ok(MatcherKind::Matches);
    }
    Err(format!(
        "{path}: matcher `{}` exports neither `pub fn matches(param: &str) -> bool` nor `pub fn parse(param: &str) -> Option<T>`",
        matcher.name
    ))
}

/// `T` of a return type written `Option<T>`, as text.
fn option_inner(output: &syn::ReturnType) -> Option<String> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let syn::Type::Path(path) = ty.as_ref() else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner.to_token_stream().to_string()),
        _ => None,
    }
}
