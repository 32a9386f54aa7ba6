//! Emits the dispatch function: the plan's trie as code that reads the path segment by
//! segment, with no allocation and no regex.
//!
//! At each node the items (routes ending here, tails, the static edges as one group, each
//! dynamic edge) run in order of the lowest rank they can reach, and the node is left as soon
//! as an item cannot beat the best match so far: the result is the lowest-ranked matching
//! route, which is SvelteKit's first match in priority order.
//!
//! A node is a labelled block nested in its parent's, or, when [`partition`] cuts it out, a
//! function of its own that its parent calls: both see the same `path`, `offset`, `best` (the
//! best match so far) and `caps` (the params captured on the way down).
//!
//! [`partition`]: super::partition

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::partition::Cuts;
use super::statics::static_dispatch;
use crate::plan::{AtomPlan, Edge, End, Node, ParamPlan, Plan, Tail};

/// The runtime's items for generated code, by the short name the container module gives them:
/// the derive's output crosses into the compiler token by token, and the dispatch is its
/// largest part. (The prelude's `Option`, `Some` and `None` are safe there too: the container
/// holds only generated items, and route modules have lowercase names.)
fn rt() -> TokenStream {
    quote!(__rk)
}

/// The name of the generated function that answers matcher `name`.
pub fn matcher_fn(name: &str) -> Ident {
    format_ident!("__routekit_matcher_{}", name)
}

/// `pub fn lookup<'p>(path: &'p str) -> RawMatch<'p, N>`, and the functions of the nodes it
/// reaches through calls, each holding about `budget` trie nodes.
pub fn lookup_fn(plan: &Plan, budget: usize) -> TokenStream {
    let rt = rt();
    let n = plan.max_params;
    let mut emitter = Emitter {
        n,
        cuts: Cuts::new(&plan.root, budget),
        labels: 0,
        functions: Vec::new(),
    };
    let root = emitter.function(&plan.root);
    let functions = emitter.functions;
    quote! {
        /// Finds the route a decoded path (`decode_pathname`'s output) reaches: the rank of
        /// the first route, in priority order, whose pattern and matchers accept it, and its
        /// raw (not yet percent-decoded) param values. Allocates nothing.
        // Inlined, so that the match is built where the caller keeps it, not copied there.
        #[inline]
        pub fn lookup<'p>(path: &'p str) -> #rt::RawMatch<'p, #n> {
            let mut found = #rt::RawMatch::<'p, #n>::NONE;
            #root(path, 0, &mut found, &mut [None; #n]);
            found
        }

        #(#functions)*
    }
}

/// The emission's state: the cuts, the label counter and the node functions emitted so far.
struct Emitter {
    /// The largest number of params of any route.
    n: usize,
    cuts: Cuts,
    labels: usize,
    functions: Vec<TokenStream>,
}

/// One item of a node, with the lowest rank it can reach.
enum Item<'a> {
    Terminal(usize, End),
    Tail(&'a Tail),
    Statics,
    Dynamic(&'a Edge, &'a Node),
}

impl Emitter {
    /// The code of `node`: a labelled block.
    fn node(&mut self, node: &Node) -> TokenStream {
        let rt = rt();
        self.labels += 1;
        let label = syn::Lifetime::new(&format!("'n{}", self.labels), Span::call_site());
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

        // Static edges read the path after the `/`; param edges need the segment's end, found
        // only when the first of them is reached.
        let rest =
            (!node.statics.is_empty()).then(|| quote!(let rest = #rt::after_slash(path, offset);));
        let mut segment = Some(quote!(let seg = #rt::segment_at(path, offset);));
        let mut code = Vec::new();
        for (min, item) in &items {
            let min = *min as u32;
            code.push(quote! { if #min >= best.rank { break #label; } });
            if let Item::Dynamic(..) = item {
                code.extend(segment.take());
            }
            code.push(match item {
                Item::Terminal(rank, end) => terminal(*rank, *end, node.slot),
                Item::Tail(tail) => tail_match(tail, node.slot),
                Item::Statics => self.statics(node),
                Item::Dynamic(edge, child) => self.dynamic(edge, child, node.slot),
            });
        }
        quote! {
            #label: {
                #rest
                #(#code)*
            }
        }
    }

    /// The code that runs `child`: its block, or a call to its function.
    fn child(&mut self, child: &Node) -> TokenStream {
        if !self.cuts.is_cut(child) {
            return self.node(child);
        }
        let name = self.function(child);
        quote!(#name(path, offset, best, caps);)
    }

    /// Emits `node` as a function of its own; returns its name.
    fn function(&mut self, node: &Node) -> Ident {
        let rt = rt();
        let n = self.n;
        let name = format_ident!("__routekit_node_{}", self.functions.len());
        // Reserve the slot first: the node's own cut descendants are numbered after it.
        self.functions.push(TokenStream::new());
        let at = self.functions.len() - 1;
        let body = self.node(node);
        self.functions[at] = quote! {
            #[allow(unused_variables, unused_mut, unused_labels)]
            fn #name<'p>(
                path: &'p str,
                offset: usize,
                best: &mut #rt::RawMatch<'p, #n>,
                caps: &mut [Option<&'p str>; #n],
            ) {
                #body
            }
        };
        name
    }

    fn statics(&mut self, node: &Node) -> TokenStream {
        let edges = node
            .statics
            .iter()
            .map(|(text, child)| {
                let len = text.len();
                let child = self.child(child);
                let code = quote! {
                    let offset = offset + 1 + #len;
                    #child
                };
                (text.as_str(), code)
            })
            .collect();
        static_dispatch(edges)
    }

    fn dynamic(&mut self, edge: &Edge, child: &Node, slot: usize) -> TokenStream {
        let rt = rt();
        let child_code = self.child(child);
        match edge {
            Edge::Static(_) => unreachable!("static edges are grouped"),
            Edge::Param(param) => {
                let test = accepts(param, quote!(seg)).map(|test| quote!(&& #test));
                quote! {
                    if let Some(seg) = seg
                        && !seg.is_empty()
                        #test
                    {
                        caps[#slot] = Some(seg);
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
                    if let Some(seg) = seg {
                        let mut m: [Option<&'p str>; #count] = [None; #count];
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
}

fn terminal(rank: usize, end: End, slot: usize) -> TokenStream {
    let rt = rt();
    let rank = rank as u32;
    let test = match end {
        End::Root => quote!(path.as_bytes().get(offset..) == Some(b"/")),
        End::Normal | End::OnlyGroups => quote!(#rt::ends_at(path, offset)),
    };
    quote! { if #test { best.record::<#slot>(#rank, caps); } }
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

fn tail_match(tail: &Tail, slot: usize) -> TokenStream {
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
        quote!(&mut |_: usize, _: &str| true)
    } else {
        quote!(&mut |i: usize, v: &str| -> bool { match i { #(#arms)* _ => true } })
    };
    let rank = tail.rank as u32;
    quote! {
        {
            let mut t: [Option<&'p str>; #count] = [None; #count];
            if let Some(rest) = path.get(offset..)
                && #rt::match_atoms(#atoms, rest, &mut t)
            {
                let mut out: [Option<::std::borrow::Cow<'p, str>>; #count] =
                    [const { None }; #count];
                if #rt::exec(&[#(#infos),*], &t, #accepts, &mut out) {
                    best.record_tail(#rank, caps, #slot, &mut out);
                }
            }
        }
    }
}
