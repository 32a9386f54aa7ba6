//! Emits the dispatch function: the plan's trie as code that reads the path segment by
//! segment, with no allocation and no regex.
//!
//! At each node the items (routes ending here, tails, the static edges as one group, each
//! dynamic edge) run in order of the lowest rank they can reach, and the node is left as soon
//! as an item cannot beat the best match so far: the result is the lowest-ranked matching
//! route, which is SvelteKit's first match in priority order.
//!
//! A node is code nested in its parent's, or, when [`partition`] cuts it out, a function of
//! its own that its parent calls: both see the same `path`, `offset`, `best` (the best match
//! so far) and `caps` (the params captured on the way down). Each item is nested in the one
//! before it, under a test of its lowest rank: when an item cannot beat the best match, the
//! items after it cannot either (they are in rank order).
//!
//! The code is terse (helpers of the runtime's, type aliases): the derive's output reaches the
//! compiler as text it lexes, and the dispatch is its largest part.
//!
//! [`partition`]: super::partition

use proc_macro2::{Ident, TokenStream};
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
        cuts: Cuts::new(&plan.root, budget),
        functions: Vec::new(),
    };
    let root = emitter.function(&plan.root);
    let functions = emitter.functions;
    quote! {
        /// The best match so far, for the node functions.
        type Best<'p> = #rt::RawMatch<'p, #n>;
        /// The params captured on the way down, for the node functions.
        type Caps<'p> = [Option<&'p str>; #n];

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

/// The emission's state: the cuts and the node functions emitted so far.
struct Emitter {
    cuts: Cuts,
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
    /// The code of `node`.
    fn node(&mut self, node: &Node) -> TokenStream {
        let rt = rt();
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
        let first_dynamic = items
            .iter()
            .position(|(_, item)| matches!(item, Item::Dynamic(..)));
        // Built from the last item out, each nested in the one before.
        let mut code = TokenStream::new();
        for (at, (min, item)) in items.iter().enumerate().rev() {
            let min = *min as u32;
            let inner = std::mem::take(&mut code);
            let last = inner.is_empty();
            let item_code = match item {
                // The usual leaf: one call, which tests the rank itself.
                Item::Terminal(rank, End::Normal | End::OnlyGroups) if last => {
                    let (rank, slot) = (*rank as u32, node.slot);
                    code = quote!(best.end::<#slot>(#rank, path, offset, caps););
                    continue;
                }
                Item::Terminal(rank, end) => terminal(*rank, *end, node.slot),
                Item::Tail(tail) => tail_match(tail, node.slot),
                Item::Statics => self.statics(node),
                Item::Dynamic(edge, child) => self.dynamic(edge, child, node.slot),
            };
            let segment = (first_dynamic == Some(at))
                .then(|| quote!(let seg = #rt::segment_at(path, offset);));
            code = quote! {
                if #min < best.rank {
                    #segment
                    #item_code
                    #inner
                }
            };
        }
        quote! {
            #rest
            #code
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
        let name = format_ident!("__routekit_node_{}", self.functions.len());
        // Reserve the slot first: the node's own cut descendants are numbered after it.
        self.functions.push(TokenStream::new());
        let at = self.functions.len() - 1;
        let body = self.node(node);
        self.functions[at] = quote! {
            fn #name<'p>(path: &'p str, offset: usize, best: &mut Best<'p>, caps: &mut Caps<'p>) {
                #body
            }
        };
        name
    }

    fn statics(&mut self, node: &Node) -> TokenStream {
        let edges = node
            .statics
            .iter()
            .map(|(text, child)| (text.as_str(), self.child(child)))
            .collect();
        static_dispatch(edges)
    }

    /// A dynamic edge's code (`seg` holds the node's segment).
    fn dynamic(&mut self, edge: &Edge, child: &Node, slot: usize) -> TokenStream {
        let rt = rt();
        let child_code = self.child(child);
        match edge {
            Edge::Static(_) => unreachable!("static edges are grouped"),
            Edge::Param(param) => {
                let cap = quote!(&mut caps[#slot]);
                let capture = match param.matcher.as_deref().map(matcher_fn) {
                    Some(f) => quote!(#rt::capture_if(seg, offset, #cap, #f)),
                    None => quote!(#rt::capture(seg, offset, #cap)),
                };
                quote!(if let Some(offset) = #capture { #child_code })
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
        best.tail(#rank, path, offset, caps, #slot, #atoms, &[#(#infos),*], #accepts);
    }
}
