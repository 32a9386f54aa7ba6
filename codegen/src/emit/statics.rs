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
/// `Option<&[u8]>` in scope: the path after the segment's `/` at `offset`), if any, with
/// `offset` moved to the segment's end. Texts are distinct and not empty.
pub fn static_dispatch(edges: Vec<(&str, TokenStream)>) -> TokenStream {
    let candidates = edges
        .into_iter()
        .map(|(text, code)| (text.as_bytes(), code))
        .collect();
    let choice = choose(candidates);
    quote! {
        if let Some(rest) = rest {
            #choice
        }
    }
}

/// A full comparison each for a few candidates, else a jump on one byte.
fn choose(group: Vec<Candidate<'_>>) -> TokenStream {
    if group.len() <= SEQUENTIAL {
        let rt = quote!(__rk);
        let tests = group.into_iter().map(|(text, code)| {
            let literal = syn::LitByteStr::new(text, Span::call_site());
            quote!(if let Some(offset) = #rt::after_segment(rest, #literal, offset) { #code })
        });
        return quote!(#(#tests)else*);
    }
    let at = split_position(&group);
    let mut by_byte: Vec<(Option<u8>, Vec<Candidate<'_>>)> = Vec::new();
    for (text, code) in group {
        let byte = text.get(at).copied();
        match by_byte.iter_mut().find(|(b, _)| *b == byte) {
            Some((_, subgroup)) => subgroup.push((text, code)),
            None => by_byte.push((byte, vec![(text, code)])),
        }
    }
    by_byte.sort_by_key(|(byte, _)| *byte);
    let arms = by_byte.into_iter().map(|(byte, subgroup)| {
        let choice = choose(subgroup);
        let pattern = match byte {
            Some(byte) => {
                let byte = syn::LitByte::new(byte, Span::call_site());
                quote!(Some(#byte))
            }
            // The texts that end here: the segment must end here too.
            None => quote!(None | Some(b'/')),
        };
        quote!(#pattern => { #choice })
    });
    quote! {
        match rest.get(#at).copied() {
            #(#arms)*
            _ => {}
        }
    }
}

/// The position with the most distinct bytes among `group` (at least two distinct texts), the
/// first on ties. A position may be the length of the shortest texts: there they have the
/// segment's end (`/` or the end of the path), which no text's byte can be (static texts hold
/// no `/`), so that texts that are prefixes of others (`repos`, `repos-v2`) split too.
fn split_position(group: &[Candidate<'_>]) -> usize {
    let shortest = group.iter().map(|(text, _)| text.len()).min().unwrap_or(0);
    let distinct = |at: usize| {
        let mut seen = [false; 257];
        group
            .iter()
            .filter(|(text, _)| {
                let value = text.get(at).map_or(256, |&b| usize::from(b));
                !std::mem::replace(&mut seen[value], true)
            })
            .count()
    };
    (0..=shortest)
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
        // `user` ends where the others go on.
        let prefixes: Vec<Candidate<'_>> = vec![
            (b"user", quote!()),
            (b"users", quote!()),
            (b"user-x", quote!()),
        ];
        assert_eq!(split_position(&prefixes), 4);
    }

    #[test]
    fn jumps_on_a_byte_then_compares() {
        let code = static_dispatch(vec![
            ("a", quote!(one();)),
            ("bb", quote!(two();)),
            ("cc", quote!(three();)),
            ("user", quote!(four();)),
            ("users", quote!(five();)),
            ("user-x", quote!(six();)),
        ])
        .to_string();
        assert!(code.contains("match rest . get (0usize)"), "{code}");
        assert!(code.contains("Some (b'c') =>"), "{code}");
        assert!(
            code.contains("after_segment (rest , b\"user\" , offset)"),
            "{code}"
        );
        assert!(code.contains("match rest . get (4usize)"), "{code}");
        assert!(code.contains("None | Some (b'/') =>"), "{code}");
    }
}
