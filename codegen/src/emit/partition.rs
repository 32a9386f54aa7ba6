//! Which trie nodes the dispatch emits as functions of their own.
//!
//! Emitting the whole trie as one function makes the compiler's work grow faster than the number
//! of routes (LLVM and the borrow checker on one huge body: 10,000 routes took more than ten
//! minutes). Cutting the trie into functions of bounded size keeps compile time about linear,
//! while small subtrees stay inline in their parent, where a call would cost more than the
//! work it wraps.

use std::collections::HashSet;

use crate::plan::Node;

/// About how many trie nodes one generated function holds before subtrees move out to
/// functions of their own. A node with more children than this still holds one call per cut
/// child.
pub const BUDGET: usize = 64;

/// The nodes that get their own function, by address (the plan outlives the emission).
#[derive(Debug, Default)]
pub struct Cuts(HashSet<usize>);

impl Cuts {
    /// Chooses the cuts for the trie under `root` (the root itself is never cut: it is the body
    /// of `lookup`).
    pub fn new(root: &Node, budget: usize) -> Self {
        let mut cuts = Cuts::default();
        cuts.weigh(root, budget);
        cuts
    }

    /// Whether `node` is emitted as a function of its own.
    pub fn is_cut(&self, node: &Node) -> bool {
        self.0.contains(&key(node))
    }

    /// The number of nodes `node`'s code holds inline (a cut child counts as one, its call),
    /// cutting the heaviest children until it fits the budget.
    fn weigh(&mut self, node: &Node, budget: usize) -> usize {
        let children = node
            .statics
            .iter()
            .map(|(_, child)| child)
            .chain(node.dynamics.iter().map(|(_, child)| child));
        let mut weights: Vec<(usize, &Node)> = children
            .map(|child| (self.weigh(child, budget), child))
            .collect();
        let mut total = 1 + weights.iter().map(|(w, _)| w).sum::<usize>();
        // Heaviest first; ties in trie order, so that the output is deterministic.
        weights.sort_by_key(|(weight, _)| std::cmp::Reverse(*weight));
        for (weight, child) in weights {
            if total <= budget || weight <= 1 {
                break;
            }
            self.0.insert(key(child));
            total -= weight - 1;
        }
        total
    }
}

fn key(node: &Node) -> usize {
    std::ptr::from_ref(node) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::build_plan;
    use crate::route_id::parse_route_id;

    fn children(node: &Node) -> impl Iterator<Item = &Node> {
        let statics = node.statics.iter().map(|(_, child)| child);
        statics.chain(node.dynamics.iter().map(|(_, child)| child))
    }

    /// The number of nodes the function rooted at `node` holds inline.
    fn size(node: &Node, cuts: &Cuts) -> usize {
        1 + children(node)
            .map(|child| {
                if cuts.is_cut(child) {
                    1
                } else {
                    size(child, cuts)
                }
            })
            .sum::<usize>()
    }

    /// Checks every function under `node`: within the budget, or only calls left to cut.
    fn check(node: &Node, cuts: &Cuts, budget: usize) {
        for child in children(node) {
            if cuts.is_cut(child) {
                let limit = budget.max(1 + children(child).count());
                assert!(size(child, cuts) <= limit);
            }
            check(child, cuts, budget);
        }
    }

    #[test]
    fn functions_stay_within_the_budget() {
        let ids: Vec<String> = (0..300)
            .map(|i| format!("/s{}/r{i}/[id]/edit", i % 7))
            .collect();
        let patterns: Vec<_> = ids.iter().map(|id| parse_route_id(id).unwrap()).collect();
        let plan = build_plan(&patterns);
        let cuts = Cuts::new(&plan.root, 16);
        assert!(!cuts.0.is_empty());
        assert!(!cuts.is_cut(&plan.root));
        assert!(size(&plan.root, &cuts) <= 16.max(1 + children(&plan.root).count()));
        check(&plan.root, &cuts, 16);
    }

    #[test]
    fn small_tries_stay_in_one_function() {
        let patterns: Vec<_> = ["/a/[b]", "/c"]
            .iter()
            .map(|id| parse_route_id(id).unwrap())
            .collect();
        let plan = build_plan(&patterns);
        assert!(Cuts::new(&plan.root, BUDGET).0.is_empty());
    }
}
