//! Emits the choice among a node's static edges, read straight from the path: a jump on the
//! byte that best tells the candidates apart, again on the next, down to one or two
//! comparisons of the text followed by a check that the segment ends there. No scan for the
//! segment's end is needed (only params need one), and the cost stays about the same whether a
//! node has three static children or a thousand, where a chain of string comparisons (what a
//! `match` on `&str` compiles to) grows with their number.

use proc_macro2::{Span, TokenStream};
use quote::quote;

/// A static edge: its text's bytes and the code to run when the segment equals it.
type Candidate<'a> = (&'a [u8], TokenStream);

/// Up to this many candidates are compared one after the other rather than split on a byte.
const SEQUENTIAL: usize = 2;

/// The code that runs `code` of the edge whose text is the segment at the start of `rest` (an
/// `Option<&[u8]>` in scope: the path after the segment's `/`), if any. Texts are distinct and
/// not empty.
pub fn static_dispatch(edges: Vec<(&str, TokenStream)>) -> TokenStream {
    let candidates = edges
        .into_iter()
        .map(|(text, code)| (text.as_bytes(), code))
        .collect();
    let choice = choose(candidates);
    quote! {
        if let ::core::option::Option::Some(rest) = rest {
            #choice
        }
    }
}

/// A full comparison each for a few candidates (or when no byte tells them apart), else a jump
/// on one byte.
fn choose(group: Vec<Candidate<'_>>) -> TokenStream {
    let at = split_position(&group).filter(|_| group.len() > SEQUENTIAL);
    let Some(at) = at else {
        let rt = quote!(::routekit::__private);
        let tests = group.into_iter().map(|(text, code)| {
            let literal = syn::LitByteStr::new(text, Span::call_site());
            quote!(if #rt::is_segment(rest, #literal) { #code })
        });
        return quote!(#(#tests)else*);
    };
    let mut by_byte: Vec<(u8, Vec<Candidate<'_>>)> = Vec::new();
    for (text, code) in group {
        match by_byte.iter_mut().find(|(byte, _)| *byte == text[at]) {
            Some((_, subgroup)) => subgroup.push((text, code)),
            None => by_byte.push((text[at], vec![(text, code)])),
        }
    }
    by_byte.sort_by_key(|(byte, _)| *byte);
    let arms = by_byte.into_iter().map(|(byte, subgroup)| {
        let byte = syn::LitByte::new(byte, Span::call_site());
        let choice = choose(subgroup);
        quote!(::core::option::Option::Some(#byte) => { #choice })
    });
    quote! {
        match rest.get(#at).copied() {
            #(#arms)*
            _ => {}
        }
    }
}

/// Among the positions every candidate has, the one with the most distinct bytes (the first on
/// ties), if some position has two.
fn split_position(group: &[Candidate<'_>]) -> Option<usize> {
    let shortest = group.iter().map(|(text, _)| text.len()).min()?;
    let distinct = |at: usize| {
        let mut seen = [false; 256];
        group
            .iter()
            .filter(|(text, _)| !std::mem::replace(&mut seen[usize::from(text[at])], true))
            .count()
    };
    (0..shortest)
        .map(|at| (distinct(at), at))
        .filter(|&(count, _)| count > 1)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, at)| at)
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
        assert_eq!(split_position(&group), Some(3));
        // `user` and `users` agree on every position both have.
        let prefixes: Vec<Candidate<'_>> = vec![(b"user", quote!()), (b"users", quote!())];
        assert_eq!(split_position(&prefixes), None);
    }

    #[test]
    fn jumps_on_a_byte_then_compares() {
        let code = static_dispatch(vec![
            ("a", quote!(one();)),
            ("bb", quote!(two();)),
            ("cc", quote!(three();)),
            ("user", quote!(four();)),
        ])
        .to_string();
        assert!(code.contains("match rest . get (0usize)"), "{code}");
        assert!(code.contains("Some (b'c') =>"), "{code}");
        assert!(code.contains("is_segment (rest , b\"user\")"), "{code}");
    }
}
