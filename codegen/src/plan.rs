//! The dispatch plan: the app's servable routes arranged as a trie for generated code to walk.
//!
//! Each route's leading segments that match exactly one path segment become trie edges: a
//! static segment (`repos`), a whole-segment param (`[id]`), or a segment that mixes text and
//! params (`[a]-[b].json`). Whatever follows (a `[[optional]]`, a `[...rest]`, a rest inside a
//! segment) can match a varying number of segments; it becomes the route's *tail*, matched by
//! the runtime's generic matcher from that point on.
//!
//! The walk keeps SvelteKit's semantics exactly: it looks for the matching route of lowest
//! rank (priority order), visiting a node's items in order of the lowest rank they can reach and
//! skipping every item that cannot beat the best match found so far.

use crate::route_id::{Param, Part, RoutePattern, Segment, Shape};

/// One atom of a generic pattern (see `routekit::__private::Atom`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AtomPlan {
    /// `/`.
    Slash,
    /// Static text.
    Lit(String),
    /// `[x]` inside a segment, into local slot `.0`.
    Required(usize),
    /// `[[x]]` inside a segment.
    InOptional(usize),
    /// `[...x]` inside a segment.
    InRest(usize),
    /// A whole `[[x]]` segment.
    OptSeg(usize),
    /// A whole `[...x]` segment.
    RestSeg(usize),
}

/// A param as the plan needs it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParamPlan {
    /// The matcher, if any.
    pub matcher: Option<String>,
    /// `[[x]]`.
    pub optional: bool,
    /// `[...x]`.
    pub rest: bool,
    /// SvelteKit's `chained`.
    pub chained: bool,
}

impl From<&Param> for ParamPlan {
    fn from(param: &Param) -> Self {
        ParamPlan {
            matcher: param.matcher.clone(),
            optional: param.optional,
            rest: param.rest,
            chained: param.chained,
        }
    }
}

/// A trie edge that matches exactly one path segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Edge {
    /// The segment is exactly this text (which holds none of `%/?#`).
    Static(String),
    /// `[x]` or `[x=m]`: the whole segment, into the next slot.
    Param(ParamPlan),
    /// A segment mixing text and params, matched by the generic matcher against the segment
    /// alone; its params fill the next slots.
    Mixed {
        /// The atoms (local slots from 0).
        atoms: Vec<AtomPlan>,
        /// The segment's params.
        params: Vec<ParamPlan>,
    },
}

impl Edge {
    /// How many params the edge captures.
    pub fn param_count(&self) -> usize {
        match self {
            Edge::Static(_) => 0,
            Edge::Param(_) => 1,
            Edge::Mixed { params, .. } => params.len(),
        }
    }
}

/// How a route that ends at a node accepts the rest of the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Nothing or one `/` (`/?$`).
    Normal,
    /// Exactly `/` (the root route and single root groups: `^/$`).
    Root,
    /// Nothing or `/` at the root (only groups, `^/?$`): the same as `Normal`.
    OnlyGroups,
}

/// A route that ends at a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminal {
    /// The route's rank (index in priority order).
    pub rank: usize,
    /// How the path must end.
    pub end: End,
}

/// A route whose remaining pattern can span a varying number of segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tail {
    /// The route's rank.
    pub rank: usize,
    /// The remaining pattern, matched against the rest of the path (local slots from 0).
    pub atoms: Vec<AtomPlan>,
    /// The params of the remaining pattern, run through SvelteKit's `exec`.
    pub params: Vec<ParamPlan>,
}

/// A trie node: the routes ending here, the tails starting here, and the edges onward.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Node {
    /// How many params the path to this node has captured (the next slot).
    pub slot: usize,
    /// Routes that end here.
    pub terminals: Vec<Terminal>,
    /// Routes that continue with a tail from here.
    pub tails: Vec<Tail>,
    /// Static edges, by segment text.
    pub statics: Vec<(String, Node)>,
    /// Param and mixed edges.
    pub dynamics: Vec<(Edge, Node)>,
}

impl Node {
    /// The lowest rank reachable from this node.
    pub fn min_rank(&self) -> usize {
        let terminals = self.terminals.iter().map(|t| t.rank);
        let tails = self.tails.iter().map(|t| t.rank);
        let statics = self.statics.iter().map(|(_, n)| n.min_rank());
        let dynamics = self.dynamics.iter().map(|(_, n)| n.min_rank());
        terminals
            .chain(tails)
            .chain(statics)
            .chain(dynamics)
            .min()
            .unwrap_or(usize::MAX)
    }
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The trie's root (before the first segment).
    pub root: Node,
    /// The largest number of params of any route.
    pub max_params: usize,
}

/// Builds the plan for `patterns`, given in priority order (index = rank).
pub fn build_plan<'a>(patterns: impl IntoIterator<Item = &'a RoutePattern>) -> Plan {
    let mut root = Node::default();
    let mut max_params = 0;
    for (rank, pattern) in patterns.into_iter().enumerate() {
        max_params = max_params.max(pattern.params.len());
        insert(&mut root, rank, pattern);
    }
    Plan { root, max_params }
}

fn insert(root: &mut Node, rank: usize, pattern: &RoutePattern) {
    match pattern.shape {
        Shape::Root => {
            root.terminals.push(Terminal {
                rank,
                end: End::Root,
            });
            return;
        }
        Shape::OnlyGroups => {
            root.terminals.push(Terminal {
                rank,
                end: End::OnlyGroups,
            });
            return;
        }
        Shape::Segments => {}
    }
    let mut node = root;
    let mut slot = 0;
    for (i, segment) in pattern.segments.iter().enumerate() {
        let Some(edge) = edge_of(segment, &pattern.params) else {
            let (atoms, params) = tail_of(&pattern.segments[i..], &pattern.params);
            node.tails.push(Tail {
                rank,
                atoms,
                params,
            });
            return;
        };
        slot += edge.param_count();
        node = child(node, edge, slot);
    }
    node.terminals.push(Terminal {
        rank,
        end: End::Normal,
    });
}

/// The child of `node` along `edge`, created if needed.
fn child(node: &mut Node, edge: Edge, slot: usize) -> &mut Node {
    let fresh = || Node {
        slot,
        ..Node::default()
    };
    match edge {
        Edge::Static(text) => {
            let at = match node.statics.iter().position(|(t, _)| *t == text) {
                Some(at) => at,
                None => {
                    node.statics.push((text, fresh()));
                    node.statics.len() - 1
                }
            };
            &mut node.statics[at].1
        }
        edge => {
            let at = match node.dynamics.iter().position(|(e, _)| *e == edge) {
                Some(at) => at,
                None => {
                    node.dynamics.push((edge, fresh()));
                    node.dynamics.len() - 1
                }
            };
            &mut node.dynamics[at].1
        }
    }
}

/// The edge for a segment that always matches exactly one path segment, or `None` when the
/// segment can span several (or none).
fn edge_of(segment: &Segment, params: &[Param]) -> Option<Edge> {
    let Segment::Mixed(parts) = segment else {
        return None;
    };
    if parts
        .iter()
        .any(|part| matches!(part, Part::Param(i) if params[*i].rest))
    {
        return None;
    }
    match parts.as_slice() {
        [Part::Static(text)] if !text.contains(['%', '/', '?', '#']) => {
            Some(Edge::Static(text.clone()))
        }
        [Part::Param(i)] if !params[*i].optional => Some(Edge::Param(ParamPlan::from(&params[*i]))),
        _ => {
            let mut atoms = Vec::new();
            let mut segment_params = Vec::new();
            push_parts(parts, params, &mut atoms, &mut segment_params);
            Some(Edge::Mixed {
                atoms,
                params: segment_params,
            })
        }
    }
}

/// The atoms and params of the segments from a route's first variable-length one onward.
fn tail_of(segments: &[Segment], params: &[Param]) -> (Vec<AtomPlan>, Vec<ParamPlan>) {
    let mut atoms = Vec::new();
    let mut tail_params = Vec::new();
    for segment in segments {
        match segment {
            Segment::Rest(i) => {
                atoms.push(AtomPlan::RestSeg(tail_params.len()));
                tail_params.push(ParamPlan::from(&params[*i]));
            }
            Segment::Optional(i) => {
                atoms.push(AtomPlan::OptSeg(tail_params.len()));
                tail_params.push(ParamPlan::from(&params[*i]));
            }
            Segment::Mixed(parts) => {
                atoms.push(AtomPlan::Slash);
                push_parts(parts, params, &mut atoms, &mut tail_params);
            }
        }
    }
    (atoms, tail_params)
}

/// Appends the atoms of one mixed segment's parts (no leading `/`).
fn push_parts(
    parts: &[Part],
    params: &[Param],
    atoms: &mut Vec<AtomPlan>,
    out: &mut Vec<ParamPlan>,
) {
    for part in parts {
        match part {
            Part::Static(text) => atoms.push(AtomPlan::Lit(text.clone())),
            Part::Param(i) => {
                let param = &params[*i];
                let slot = out.len();
                atoms.push(if param.rest {
                    AtomPlan::InRest(slot)
                } else if param.optional {
                    AtomPlan::InOptional(slot)
                } else {
                    AtomPlan::Required(slot)
                });
                out.push(ParamPlan::from(param));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route_id::parse_route_id;

    fn plan(ids: &[&str]) -> Plan {
        let patterns: Vec<RoutePattern> =
            ids.iter().map(|id| parse_route_id(id).unwrap()).collect();
        build_plan(&patterns)
    }

    #[test]
    fn shares_prefixes() {
        let p = plan(&["/repos/[owner]/[repo]", "/repos/[owner]", "/users/[user]"]);
        assert_eq!(p.max_params, 2);
        assert_eq!(p.root.statics.len(), 2);
        let (_, repos) = &p.root.statics[0];
        let (edge, owner) = &repos.dynamics[0];
        assert!(matches!(edge, Edge::Param(ParamPlan { matcher: None, .. })));
        assert_eq!(owner.slot, 1);
        assert_eq!(owner.terminals[0].rank, 1);
        assert_eq!(owner.dynamics[0].1.terminals[0].rank, 0);
        assert_eq!(p.root.min_rank(), 0);
    }

    #[test]
    fn variable_length_segments_become_tails() {
        let p = plan(&[
            "/a/[[lang]]/home",
            "/a/[...rest]/z",
            "/[...r].json",
            "/x/[a]-[b]",
        ]);
        let (_, a) = &p.root.statics[0];
        assert_eq!(a.tails.len(), 2);
        assert_eq!(
            a.tails[0].atoms,
            [
                AtomPlan::OptSeg(0),
                AtomPlan::Slash,
                AtomPlan::Lit("home".into())
            ]
        );
        assert_eq!(
            p.root.tails[0].atoms,
            [
                AtomPlan::Slash,
                AtomPlan::InRest(0),
                AtomPlan::Lit(".json".into())
            ]
        );
        let (_, x) = &p.root.statics[1];
        assert!(matches!(&x.dynamics[0].0, Edge::Mixed { params, .. } if params.len() == 2));
    }

    #[test]
    fn root_shapes_end_at_the_root() {
        let p = plan(&["/", "/(a)/(b)"]);
        assert_eq!(p.root.terminals[0].end, End::Root);
        assert_eq!(p.root.terminals[1].end, End::OnlyGroups);
    }

    #[test]
    fn encoded_characters_keep_static_text_out_of_plain_edges() {
        let p = plan(&["/a[x+2f]b"]);
        assert!(matches!(&p.root.dynamics[0].0, Edge::Mixed { .. }));
    }
}
