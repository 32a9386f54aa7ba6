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
    if let Ok(ident) = syn::parse_str::<syn::Ident>(name) {
        return ident;
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
        _ => quote!(::std::string::String),
    };
    if param.optional {
        quote!(::core::option::Option<#base>)
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
    let rt = quote!(::routekit::__private);
    let fields = pattern.params.iter().map(|param| {
        let name = field_ident(&param.name);
        let ty = field_type(param, matchers);
        let doc = format!("`{}`", param_text(param));
        quote!(#[doc = #doc] pub #name: #ty)
    });
    let builds = pattern.params.iter().enumerate().map(|(i, param)| {
        let name = field_ident(&param.name);
        let typed = param
            .matcher
            .as_deref()
            .filter(|m| matches!(matchers.get(*m), Some(MatcherKind::Parse(_))));
        let value = match typed {
            Some(matcher) => {
                let module = field_ident(matcher);
                quote!(super::params::#module::parse(v).ok_or(#rt::ParamsError::Rejected)?)
            }
            None => quote!(#rt::decode_param(v)?),
        };
        if param.optional {
            quote!(#name: match values.get(#i).and_then(|v| v.as_ref()).map(|v| v.as_ref()) {
                ::core::option::Option::Some(v) => ::core::option::Option::Some(#value),
                ::core::option::Option::None => ::core::option::Option::None,
            })
        } else {
            quote!(#name: { let v = values.get(#i).and_then(|v| v.as_ref()).map(|v| v.as_ref()).unwrap_or(""); #value })
        }
    });
    let href = href_body(pattern, matchers);
    // A route without params has nothing to read from the request.
    let extract = if pattern.params.is_empty() {
        quote!(::core::result::Result::Ok(Params {}))
    } else {
        quote!(#rt::params_from_parts(parts, #rank, #id, |values| Self::from_values(values)))
    };
    let doc = format!("The params of the route `{id}`.");
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        #[allow(dead_code)]
        pub struct Params {
            #(#fields,)*
        }

        #[allow(dead_code, clippy::all)]
        impl Params {
            /// Builds the params from a match's raw values, percent-decoding each one.
            pub fn from_values<V: ::core::convert::AsRef<str>>(values: &[::core::option::Option<V>]) -> ::core::result::Result<Self, #rt::ParamsError> {
                ::core::result::Result::Ok(Params { #(#builds,)* })
            }

            /// The path of this route with these params, percent-encoded so that it routes back
            /// here. Fails when a value would make the path ambiguous or invalid (an empty
            /// required param, a `/` at the edge of a value, an empty segment).
            pub fn href(&self) -> ::core::result::Result<::std::string::String, #rt::HrefError> {
                #href
            }
        }

        /// The route's params as an axum extractor, in this route's handlers.
        impl<S: ::core::marker::Send + ::core::marker::Sync> #rt::axum::extract::FromRequestParts<S> for Params {
            type Rejection = #rt::axum::response::Response;

            async fn from_request_parts(
                parts: &mut #rt::axum::http::request::Parts,
                _state: &S,
            ) -> ::core::result::Result<Self, Self::Rejection> {
                #extract
            }
        }
    }
}

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

/// The statements of `href`: push each segment, encoding values.
fn href_body(pattern: &RoutePattern, matchers: &BTreeMap<String, MatcherKind>) -> TokenStream {
    let rt = quote!(::routekit::__private);
    if pattern.shape != Shape::Segments {
        return quote!(::core::result::Result::Ok(::std::string::String::from("/")));
    }
    // Each value as an `Option<Cow<str>>`: borrowed for text, formatted for typed params.
    let value_of = |i: usize| {
        let param = &pattern.params[i];
        let name = field_ident(&param.name);
        let typed = param
            .matcher
            .as_deref()
            .is_some_and(|m| matches!(matchers.get(m), Some(MatcherKind::Parse(_))));
        let cow = quote!(::std::borrow::Cow);
        match (param.optional, typed) {
            (false, false) => {
                quote!(::core::option::Option::Some(#cow::Borrowed(self.#name.as_str())))
            }
            (false, true) => {
                quote!(::core::option::Option::Some(#cow::<str>::Owned(self.#name.to_string())))
            }
            (true, false) => quote!(self.#name.as_deref().map(#cow::Borrowed)),
            (true, true) => quote!(self.#name.as_ref().map(|v| #cow::<str>::Owned(v.to_string()))),
        }
    };
    let mut statements = Vec::new();
    for segment in &pattern.segments {
        let parts: &[Part] = match segment {
            Segment::Rest(i) | Segment::Optional(i) => {
                let value = value_of(*i);
                let (name, rest) = (pattern.params[*i].name.as_str(), pattern.params[*i].rest);
                statements.push(quote! {
                    if let ::core::option::Option::Some(v) = #value && !v.is_empty() {
                        path.push('/');
                        #rt::push_param(&mut path, #name, &v, #rest)?;
                    }
                });
                continue;
            }
            Segment::Mixed(parts) => parts,
        };
        statements.push(quote!(path.push('/');));
        for part in parts {
            match part {
                Part::Static(text) => {
                    let encoded = crate::emit::encode::encode_static(text);
                    statements.push(quote!(path.push_str(#encoded);));
                }
                Part::Param(i) => {
                    let param = &pattern.params[*i];
                    let value = value_of(*i);
                    let (name, rest) = (param.name.as_str(), param.rest);
                    let push = quote!(#rt::push_param(&mut path, #name, &v, #rest)?;);
                    statements.push(if param.optional || param.rest {
                        quote!(if let ::core::option::Option::Some(v) = #value && !v.is_empty() { #push })
                    } else {
                        quote! {
                            let v = #value.unwrap_or_default();
                            if v.is_empty() {
                                return ::core::result::Result::Err(#rt::HrefError::Empty(#name));
                            }
                            #push
                        }
                    });
                }
            }
        }
    }
    quote! {
        let mut path = ::std::string::String::new();
        #(#statements)*
        #rt::finish_href(path)
    }
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
        ] {
            assert_eq!(field_ident(name).to_string(), field);
        }
    }
}
