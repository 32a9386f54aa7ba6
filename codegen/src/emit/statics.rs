//! Emits the choice among a node's static edges: a jump on the segment's length, then on the
//! byte that best tells the remaining candidates apart, down to one full comparison. The cost
//! stays about the same whether a node has three static children or a thousand, where a chain
//! of string comparisons (what a `match` on `&str` compiles to) grows with their number.

use proc_macro2::TokenStream;
use quote::quote;

/// A static edge: its text's bytes and the code to run when the segment equals it.
type Candidate<'a> = (&'a [u8], TokenStream);

/// Up to this many candidates are compared one after the other rather than split on a byte.
const SEQUENTIAL: usize = 2;

/// The code that runs `code` of the edge whose text equals `seg` (an `Option<&str>` in scope),
/// if any. Texts are distinct.
pub fn static_dispatch(edges: Vec<(&str, TokenStream)>) -> TokenStream {
    let mut by_len: Vec<(usize, Vec<Candidate<'_>>)> = Vec::new();
    for (text, code) in edges {
        let bytes = text.as_bytes();
        match by_len.iter_mut().find(|(len, _)| *len == bytes.len()) {
            Some((_, group)) => group.push((bytes, code)),
            None => by_len.push((bytes.len(), vec![(bytes, code)])),
        }
    }
    by_len.sort_by_key(|(len, _)| *len);
    let arms = by_len.into_iter().map(|(len, group)| {
        let choice = choose(group);
        quote!(#len => { #choice })
    });
    quote! {
        if let ::core::option::Option::Some(seg) = seg {
            let bytes = seg.as_bytes();
            match bytes.len() {
                #(#arms)*
                _ => {}
            }
        }
    }
}

/// Among texts of one length: a full comparison each for a few, else a jump on one byte.
fn choose(group: Vec<Candidate<'_>>) -> TokenStream {
    if group.len() <= SEQUENTIAL {
        let tests = group.into_iter().map(|(text, code)| {
            let literal = syn::LitByteStr::new(text, proc_macro2::Span::call_site());
            quote!(if bytes == #literal { #code })
        });
        return quote!(#(#tests)else*);
    }
    let at = split_position(&group);
    let mut by_byte: Vec<(u8, Vec<Candidate<'_>>)> = Vec::new();
    for (text, code) in group {
        match by_byte.iter_mut().find(|(byte, _)| *byte == text[at]) {
            Some((_, subgroup)) => subgroup.push((text, code)),
            None => by_byte.push((text[at], vec![(text, code)])),
        }
    }
    by_byte.sort_by_key(|(byte, _)| *byte);
    let arms = by_byte.into_iter().map(|(byte, subgroup)| {
        let byte = syn::LitByte::new(byte, proc_macro2::Span::call_site());
        let choice = choose(subgroup);
        quote!(#byte => { #choice })
    });
    quote! {
        match bytes[#at] {
            #(#arms)*
            _ => {}
        }
    }
}

/// The byte position with the most distinct values among `group` (distinct texts of one
/// length, at least two, so some position has two values); the first such position on ties.
fn split_position(group: &[Candidate<'_>]) -> usize {
    let len = group[0].0.len();
    let distinct = |at: usize| {
        let mut seen = [false; 256];
        group
            .iter()
            .filter(|(text, _)| !std::mem::replace(&mut seen[usize::from(text[at])], true))
            .count()
    };
    (0..len)
        .max_by(|&a, &b| distinct(a).cmp(&distinct(b)).then(b.cmp(&a)))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_the_most_telling_byte() {
        let group: Vec<Candidate<'_>> = vec![
            (b"repos", quote!()),
            (b"reply", quote!()),
            (b"rests", quote!()),
            (b"users", quote!()),
        ];
        // Position 3 has o, l, t, r: four values.
        assert_eq!(split_position(&group), 3);
    }

    #[test]
    fn groups_by_length_then_byte() {
        let code = static_dispatch(vec![
            ("a", quote!(one();)),
            ("bb", quote!(two();)),
            ("cc", quote!(three();)),
            ("dd", quote!(four();)),
        ])
        .to_string();
        assert!(code.contains("match bytes . len ()"), "{code}");
        assert!(
            code.contains("1usize =>") && code.contains("2usize =>"),
            "{code}"
        );
        assert!(code.contains("match bytes [0usize]"), "{code}");
        assert!(code.contains("b'c' =>"), "{code}");
    }
}
