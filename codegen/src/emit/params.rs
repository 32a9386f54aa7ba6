//! Emits a route's `Params` struct: one field per param, built from a match, and `href`, the
//! typed link builder that round-trips through the matcher.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::matchers::MatcherKind;
use crate::route_id::{Param, Part, RoutePattern, Segment, Shape};

/// The field name for a param: the name itself, a raw identifier for a keyword (`[type]` gives
/// `r#type`), a trailing `_` for the words that cannot be raw (`self_`), a leading `_` for a
/// name that starts with a digit (`[1st]` gives `_1st`).
pub fn field_ident(name: &str) -> syn::Ident {
    if super::names::is_identifier(name) {
        return format_ident!("{}", name);
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format_ident!("_{}", name);
    }
    if matches!(name, "self" | "Self" | "super" | "crate" | "_") {
        return format_ident!("{}_", name);
    }
    format_ident!("r#{}", name)
}

/// The Rust type of a param's field.
fn field_type(param: &Param, matchers: &BTreeMap<String, MatcherKind>) -> TokenStream {
    let base = match param
        .matcher
        .as_deref()
        .and_then(|m| matchers.get(m).map(|k| (m, k)))
    {
        Some((name, MatcherKind::Parse(_))) => {
            let module = format_ident!("__routekit_type_of_{}", name);
            quote!(super::#module::T)
        }
        _ => quote!(String),
    };
    if param.optional {
        quote!(Option<#base>)
    } else {
        base
    }
}

/// The `Params` struct of a route, with `from_values` and `href`.
pub fn params_struct(
    id: &str,
    rank: usize,
    pattern: &RoutePattern,
    matchers: &BTreeMap<String, MatcherKind>,
) -> TokenStream {
    if pattern.params.is_empty() {
        return no_params(id, pattern);
    }
    let rt = quote!(__rk);
    let fields = pattern.params.iter().map(|param| {
        let name = field_ident(&param.name);
        let ty = field_type(param, matchers);
        let doc = format!("`{}`", param_text(param));
        quote!(#[doc = #doc] pub #name: #ty)
    });
    let builds = pattern.params.iter().enumerate().map(|(i, param)| {
        let name = field_ident(&param.name);
        let parse = typed_matcher(param, matchers).map(|matcher| {
            let module = field_ident(matcher);
            quote!(super::params::#module::parse)
        });
        let value = match (param.optional, parse) {
            (false, None) => quote!(#rt::decoded(values, #i)),
            (true, None) => quote!(#rt::decoded_optional(values, #i)),
            (false, Some(parse)) => quote!(#rt::parsed(values, #i, #parse)),
            (true, Some(parse)) => quote!(#rt::parsed_optional(values, #i, #parse)),
        };
        quote!(#name: #value?)
    });
    let href = href_parts(pattern, matchers)
        .into_iter()
        .map(|part| match part {
            HrefPiece::Text(text) => quote!(#rt::HrefPart::Text(#text)),
            HrefPiece::Param(part) => part,
        });
    let extractor = quote!(::routekit::__params_extractor!(Params, #rank, #id););
    let doc = format!("The params of the route `{id}`.");
    // `Eq` too when every field is text. A matcher's type may not be `Eq`: its `PartialEq` is
    // then written out, since clippy's `derive_partial_eq_without_eq` reports a derived one
    // even in a derive's output, and an `allow` of it is an error where the user forbids it.
    let typed = pattern
        .params
        .iter()
        .any(|param| typed_matcher(param, matchers).is_some());
    let (derives, partial_eq) = if typed {
        let names = pattern.params.iter().map(|param| field_ident(&param.name));
        let partial_eq = quote! {
            impl ::core::cmp::PartialEq for Params {
                fn eq(&self, other: &Self) -> bool {
                    #(self.#names == other.#names)&&*
                }
            }
        };
        (quote!(#[derive(Debug, Clone)]), partial_eq)
    } else {
        (quote!(#[derive(Debug, Clone, PartialEq, Eq)]), quote!())
    };
    quote! {
        #[doc = #doc]
        #derives
        pub struct Params {
            #(#fields,)*
        }

        impl Params {
            /// Builds the params from a match's raw values, percent-decoding each one.
            pub fn from_values<V: AsRef<str>>(values: &[Option<V>]) -> Result<Self, #rt::ParamsError> {
                Ok(Params { #(#builds,)* })
            }

            #[doc = #HREF_DOC]
            pub fn href(&self) -> Result<String, #rt::HrefError> {
                #rt::href(&[#(#href),*])
            }
        }

        #partial_eq

        #extractor
    }
}

/// The `Params` of a route without params: `routekit::NoParams`, which gives every such
/// route the same impls, named for this route by a marker type that carries its path. The
/// marker's name is reserved-looking and hidden: route files glob-import their module
/// (`use super::*`), and a `Route` there could clash with one of theirs.
fn no_params(id: &str, pattern: &RoutePattern) -> TokenStream {
    // A route without params has only static text in its `href`.
    let path: String = href_parts(pattern, &BTreeMap::new())
        .into_iter()
        .filter_map(|part| match part {
            HrefPiece::Text(text) => Some(text),
            HrefPiece::Param(_) => None,
        })
        .collect();
    let doc = format!(
        "The params of the route `{id}`: it has none (`Params::new()`, `href()` gives its path)."
    );
    quote! {
        #[doc = #doc]
        pub type Params = ::routekit::NoParams<__Route>;
        #[doc(hidden)]
        pub struct __Route;
        impl __rk::StaticRoute for __Route {
            const PATH: &'static str = #path;
        }
    }
}

/// `href`'s doc, one attribute (each `///` line would be one more).
const HREF_DOC: &str = " The path of this route with these params, percent-encoded so that it \
routes back here.\n Fails when a value would make the path ambiguous or invalid (an empty \
required param, a `/` at the edge of a value, an empty segment).";

fn param_text(param: &Param) -> String {
    let matcher = param
        .matcher
        .as_deref()
        .map(|m| format!("={m}"))
        .unwrap_or_default();
    match (param.optional, param.rest) {
        (true, _) => format!("[[{}{matcher}]]", param.name),
        (_, true) => format!("[...{}{matcher}]", param.name),
        _ => format!("[{}{matcher}]", param.name),
    }
}

/// The matcher of a param whose field is typed (the matcher exports `parse`).
fn typed_matcher<'a>(
    param: &'a Param,
    matchers: &BTreeMap<String, MatcherKind>,
) -> Option<&'a str> {
    param
        .matcher
        .as_deref()
        .filter(|m| matches!(matchers.get(*m), Some(MatcherKind::Parse(_))))
}

/// A part of `href`: static text (merged and encoded at build time), or a param's
/// `routekit::__private::HrefPart`.
enum HrefPiece {
    Text(String),
    Param(TokenStream),
}

/// The parts of `href`, in order.
fn href_parts(pattern: &RoutePattern, matchers: &BTreeMap<String, MatcherKind>) -> Vec<HrefPiece> {
    let rt = quote!(__rk);
    let mut parts = Vec::new();
    if pattern.shape != Shape::Segments {
        return parts;
    }
    // A field's value as `Cow<str>` (`Option<Cow<str>>` for an optional field).
    let value_of = |param: &Param| {
        let name = field_ident(&param.name);
        let typed = typed_matcher(param, matchers).is_some();
        match (param.optional, typed) {
            (false, false) => quote!(#rt::text(&self.#name)),
            (false, true) => quote!(#rt::shown(&self.#name)),
            (true, false) => quote!(self.#name.as_deref().map(#rt::text)),
            (true, true) => quote!(self.#name.as_ref().map(#rt::shown)),
        }
    };
    let mut text = String::new();
    let flush = |text: &mut String, parts: &mut Vec<HrefPiece>| {
        if !text.is_empty() {
            parts.push(HrefPiece::Text(std::mem::take(text)));
        }
    };
    for segment in &pattern.segments {
        let segment_parts: &[Part] = match segment {
            Segment::Rest(i) | Segment::Optional(i) => {
                flush(&mut text, &mut parts);
                let param = &pattern.params[*i];
                let (name, value) = (param.name.as_str(), value_of(param));
                parts.push(HrefPiece::Param(if param.rest {
                    quote!(#rt::HrefPart::RestSegment(#name, #value))
                } else {
                    quote!(#rt::HrefPart::OptionalSegment(#name, #value))
                }));
                continue;
            }
            Segment::Mixed(parts) => parts,
        };
        text.push('/');
        for part in segment_parts {
            match part {
                Part::Static(static_text) => {
                    text.push_str(&crate::emit::encode::encode_static(static_text));
                }
                Part::Param(i) => {
                    flush(&mut text, &mut parts);
                    let param = &pattern.params[*i];
                    let (name, value) = (param.name.as_str(), value_of(param));
                    parts.push(HrefPiece::Param(if param.optional {
                        quote!(#rt::HrefPart::Optional(#name, #value))
                    } else if param.rest {
                        quote!(#rt::HrefPart::Rest(#name, #value))
                    } else {
                        quote!(#rt::HrefPart::Required(#name, #value))
                    }));
                }
            }
        }
    }
    flush(&mut text, &mut parts);
    parts
}

#[cfg(test)]
mod tests {
    use super::field_ident;

    #[test]
    fn every_param_name_makes_a_field() {
        for (name, field) in [
            ("slug", "slug"),
            ("type", "r#type"),
            ("self", "self_"),
            ("_", "__"),
            ("1st", "_1st"),
            ("gen", "r#gen"),
        ] {
            assert_eq!(field_ident(name).to_string(), field);
        }
    }
}
