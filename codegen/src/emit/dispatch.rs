//! Emits the dispatch function: the plan's trie as nested labelled blocks that read the path
//! segment by segment, with no allocation and no regex.
//!
//! At each node the items (routes ending here, tails, the static edges as one group, each
//! dynamic edge) run in order of the lowest rank they can reach, and the node is left as soon
//! as an item cannot beat the best match so far: the result is the lowest-ranked matching
//! route, which is SvelteKit's first match in priority order.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::plan::{AtomPlan, Edge, End, Node, ParamPlan, Plan, Tail};

/// The path to the runtime's private items.
fn rt() -> TokenStream {
    quote!(::routekit::__private)
}

/// The name of the generated function that answers matcher `name`.
pub fn matcher_fn(name: &str) -> Ident {
    format_ident!("__routekit_matcher_{}", name)
}

/// `pub fn lookup<'p>(path: &'p str) -> RawMatch<'p, N>`.
pub fn lookup_fn(plan: &Plan) -> TokenStream {
    let rt = rt();
    let n = plan.max_params;
    let mut labels = 0;
    let body = node(&plan.root, n, &mut labels);
    quote! {
        /// Finds the route a decoded path (`decode_pathname`'s output) reaches: the rank of
        /// the first route, in priority order, whose pattern and matchers accept it, and its
        /// raw (not yet percent-decoded) param values. Allocates nothing.
        #[allow(unused_variables, unused_mut, unused_labels, clippy::all)]
        pub fn lookup<'p>(path: &'p str) -> #rt::RawMatch<'p, #n> {
            let mut best = #rt::RawMatch::<'p, #n>::NONE;
            let mut caps: [::core::option::Option<&'p str>; #n] = [::core::option::Option::None; #n];
            let offset = 0usize;
            #body
            best
        }
    }
}

/// One item of a node, with the lowest rank it can reach.
enum Item<'a> {
    Terminal(usize, End),
    Tail(&'a Tail),
    Statics,
    Dynamic(&'a Edge, &'a Node),
}

fn node(node: &Node, n: usize, labels: &mut usize) -> TokenStream {
    let rt = rt();
    *labels += 1;
    let label = syn::Lifetime::new(&format!("'n{labels}"), Span::call_site());
    let mut items: Vec<(usize, Item<'_>)> = Vec::new();
    for terminal in &node.terminals {
        items.push((terminal.rank, Item::Terminal(terminal.rank, terminal.end)));
    }
    for tail in &node.tails {
        items.push((tail.rank, Item::Tail(tail)));
    }
    if let Some(min) = node.statics.iter().map(|(_, child)| child.min_rank()).min() {
        items.push((min, Item::Statics));
    }
    for (edge, child) in &node.dynamics {
        items.push((child.min_rank(), Item::Dynamic(edge, child)));
    }
    items.sort_by_key(|(min, _)| *min);

    let needs_segment = !node.statics.is_empty() || !node.dynamics.is_empty();
    let segment = needs_segment.then(|| quote!(let seg = #rt::segment_at(path, offset);));
    let mut code = Vec::new();
    for (min, item) in &items {
        let min = *min as u32;
        code.push(quote! { if #min >= best.rank { break #label; } });
        code.push(match item {
            Item::Terminal(rank, end) => terminal(*rank, *end, node.slot, n),
            Item::Tail(tail) => tail_match(tail, node.slot, n),
            Item::Statics => statics(node, n, labels),
            Item::Dynamic(edge, child) => dynamic(edge, child, node.slot, n, labels),
        });
    }
    quote! {
        #label: {
            #segment
            #(#code)*
        }
    }
}

/// `best = (rank, caps[..slot] ++ extra ++ None…)`.
fn record(rank: usize, slot: usize, extra: &[TokenStream], n: usize) -> TokenStream {
    let rank = rank as u32;
    let mut values: Vec<TokenStream> = (0..slot)
        .map(|i| quote!(caps[#i].map(::std::borrow::Cow::Borrowed)))
        .collect();
    values.extend(extra.iter().cloned());
    values.resize(n, quote!(::core::option::Option::None));
    quote! {
        best.rank = #rank;
        best.values = [#(#values),*];
    }
}

fn terminal(rank: usize, end: End, slot: usize, n: usize) -> TokenStream {
    let rt = rt();
    let record = record(rank, slot, &[], n);
    let test = match end {
        End::Root => quote!(path.get(offset..) == ::core::option::Option::Some("/")),
        End::Normal | End::OnlyGroups => quote!(#rt::ends_at(path, offset)),
    };
    quote! { if #test { #record } }
}

fn atoms(atoms: &[AtomPlan]) -> TokenStream {
    let rt = rt();
    let atoms = atoms.iter().map(|atom| match atom {
        AtomPlan::Slash => quote!(#rt::Atom::Slash),
        AtomPlan::Lit(text) => quote!(#rt::Atom::Lit(#text)),
        AtomPlan::Required(i) => quote!(#rt::Atom::Required(#i)),
        AtomPlan::InOptional(i) => quote!(#rt::Atom::InOptional(#i)),
        AtomPlan::InRest(i) => quote!(#rt::Atom::InRest(#i)),
        AtomPlan::OptSeg(i) => quote!(#rt::Atom::OptSeg(#i)),
        AtomPlan::RestSeg(i) => quote!(#rt::Atom::RestSeg(#i)),
    });
    quote!(&[#(#atoms),*])
}

/// `__matcher(value)`, or `None` when the param has no matcher.
fn accepts(param: &ParamPlan, value: TokenStream) -> Option<TokenStream> {
    let f = matcher_fn(param.matcher.as_deref()?);
    Some(quote!(#f(#value)))
}

fn tail_match(tail: &Tail, slot: usize, n: usize) -> TokenStream {
    let rt = rt();
    let count = tail.params.len();
    let atoms = atoms(&tail.atoms);
    let infos = tail.params.iter().map(|p| {
        let (optional, rest, chained) = (p.optional, p.rest, p.chained);
        quote!(#rt::ParamInfo { optional: #optional, rest: #rest, chained: #chained })
    });
    let arms: Vec<TokenStream> = tail
        .params
        .iter()
        .enumerate()
        .filter_map(|(i, p)| accepts(p, quote!(v)).map(|test| quote!(#i => #test,)))
        .collect();
    let accepts = if arms.is_empty() {
        quote!(|_: usize, _: &str| true)
    } else {
        quote!(|i: usize, v: &str| -> bool { match i { #(#arms)* _ => true } })
    };
    let outs: Vec<TokenStream> = (0..count).map(|i| quote!(out[#i].take())).collect();
    let record = record(tail.rank, slot, &outs, n);
    quote! {
        {
            let mut t: [::core::option::Option<&'p str>; #count] = [::core::option::Option::None; #count];
            if let ::core::option::Option::Some(rest) = path.get(offset..)
                && #rt::match_atoms(#atoms, rest, &mut t)
            {
                let mut out: [::core::option::Option<::std::borrow::Cow<'p, str>>; #count] =
                    [const { ::core::option::Option::None }; #count];
                if #rt::exec(&[#(#infos),*], &t, #accepts, &mut out) {
                    #record
                }
            }
        }
    }
}

fn statics(node: &Node, n: usize, labels: &mut usize) -> TokenStream {
    // Group the static edges by length: one jump on the length, then a compare or two.
    let mut by_len: Vec<(usize, Vec<(&String, &Node)>)> = Vec::new();
    for (text, child) in &node.statics {
        match by_len.iter_mut().find(|(len, _)| *len == text.len()) {
            Some((_, group)) => group.push((text, child)),
            None => by_len.push((text.len(), vec![(text, child)])),
        }
    }
    by_len.sort_by_key(|(len, _)| *len);
    let arms = by_len.into_iter().map(|(len, group)| {
        let tests = group.into_iter().map(|(text, child)| {
            let child = self::node(child, n, labels);
            quote! {
                if seg == #text {
                    let offset = offset + 1 + #len;
                    #child
                }
            }
        });
        quote!(#len => { #(#tests)else* })
    });
    quote! {
        if let ::core::option::Option::Some(seg) = seg {
            match seg.len() {
                #(#arms)*
                _ => {}
            }
        }
    }
}

fn dynamic(edge: &Edge, child: &Node, slot: usize, n: usize, labels: &mut usize) -> TokenStream {
    let rt = rt();
    let child_code = node(child, n, labels);
    match edge {
        Edge::Static(_) => unreachable!("static edges are grouped"),
        Edge::Param(param) => {
            let test = accepts(param, quote!(seg)).map(|test| quote!(&& #test));
            quote! {
                if let ::core::option::Option::Some(seg) = seg
                    && !seg.is_empty()
                    #test
                {
                    caps[#slot] = ::core::option::Option::Some(seg);
                    let offset = offset + 1 + seg.len();
                    #child_code
                }
            }
        }
        Edge::Mixed {
            atoms: list,
            params,
        } => {
            let count = params.len();
            let atoms = atoms(list);
            let tests = params.iter().enumerate().filter_map(|(i, p)| {
                let test = accepts(p, quote!(v))?;
                Some(quote!(m[#i].is_none_or(|v| #test)))
            });
            let stores = (0..count).map(|i| {
                let at = slot + i;
                quote!(caps[#at] = m[#i];)
            });
            quote! {
                if let ::core::option::Option::Some(seg) = seg {
                    let mut m: [::core::option::Option<&'p str>; #count] = [::core::option::Option::None; #count];
                    if #rt::match_atoms(#atoms, seg, &mut m) #(&& #tests)* {
                        #(#stores)*
                        let offset = offset + 1 + seg.len();
                        #child_code
                    }
                }
            }
        }
    }
}
