//! The generic route matcher: a route pattern as a list of atoms, matched with the exact
//! backtracking order of the regular expression SvelteKit 2 builds for it (§2).
//!
//! Generated dispatch code matches most segments itself; it calls this for the parts that can
//! span several segments or need backtracking (`[[optional]]`, `[...rest]`, `[a]-[b]`, static
//! text holding `%`, `/`, `?` or `#`).

/// One piece of a route pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// A segment separator: `/`.
    Slash,
    /// Static text (NFC, escapes decoded). In the path `%`, `/`, `?`, `#` appear encoded.
    Lit(&'static str),
    /// `[x]` inside a segment: `([^/]+?)`, into slot `.0`.
    Required(usize),
    /// `[[x]]` inside a segment: `([^/]*)?`, absent rather than empty.
    InOptional(usize),
    /// `[...x]` inside a segment: `([^]*?)`, may span segments, may be empty.
    InRest(usize),
    /// A whole `[[x]]` segment: `(?:/([^/]+))?`.
    OptSeg(usize),
    /// A whole `[...x]` segment: `(?:/([^]*))?`.
    RestSeg(usize),
}

/// Matches `atoms` followed by SvelteKit's `/?$` against the whole of `path`, writing each
/// capture into `slots`. Returns whether it matched; on a match every slot an atom names holds
/// that atom's capture (`None` for an absent optional).
pub fn match_atoms<'p>(atoms: &[Atom], path: &'p str, slots: &mut [Option<&'p str>]) -> bool {
    match_from(atoms, path, 0, slots)
}

fn match_from<'p>(
    atoms: &[Atom],
    path: &'p str,
    pos: usize,
    slots: &mut [Option<&'p str>],
) -> bool {
    let Some((atom, rest)) = atoms.split_first() else {
        // `/?$`
        let tail = &path[pos..];
        return tail.is_empty() || tail == "/";
    };
    let bytes = path.as_bytes();
    match *atom {
        Atom::Slash => bytes.get(pos) == Some(&b'/') && match_from(rest, path, pos + 1, slots),
        Atom::Lit(text) => match literal_len(path, pos, text) {
            Some(len) => match_from(rest, path, pos + len, slots),
            None => false,
        },
        Atom::Required(slot) => {
            // Lazy: the shortest non-empty run first.
            let end = segment_end(path, pos);
            for stop in boundaries(path, pos, end).filter(|&stop| stop > pos) {
                slots[slot] = Some(&path[pos..stop]);
                if match_from(rest, path, stop, slots) {
                    return true;
                }
            }
            false
        }
        Atom::InOptional(slot) => {
            // Greedy, but an empty iteration does not count (ECMAScript): longest non-empty
            // run first, then absent.
            let end = segment_end(path, pos);
            for stop in boundaries(path, pos, end).rev().filter(|&stop| stop > pos) {
                slots[slot] = Some(&path[pos..stop]);
                if match_from(rest, path, stop, slots) {
                    return true;
                }
            }
            slots[slot] = None;
            match_from(rest, path, pos, slots)
        }
        Atom::InRest(slot) => {
            // Lazy over any character, `/` included: the shortest run first, possibly empty.
            for stop in boundaries(path, pos, path.len()) {
                slots[slot] = Some(&path[pos..stop]);
                if match_from(rest, path, stop, slots) {
                    return true;
                }
            }
            false
        }
        Atom::OptSeg(slot) => {
            if bytes.get(pos) == Some(&b'/') {
                let start = pos + 1;
                let end = segment_end(path, start);
                for stop in boundaries(path, start, end)
                    .rev()
                    .filter(|&stop| stop > start)
                {
                    slots[slot] = Some(&path[start..stop]);
                    if match_from(rest, path, stop, slots) {
                        return true;
                    }
                }
            }
            slots[slot] = None;
            match_from(rest, path, pos, slots)
        }
        Atom::RestSeg(slot) => {
            if bytes.get(pos) == Some(&b'/') {
                let start = pos + 1;
                for stop in boundaries(path, start, path.len()).rev() {
                    slots[slot] = Some(&path[start..stop]);
                    if match_from(rest, path, stop, slots) {
                        return true;
                    }
                }
            }
            slots[slot] = None;
            match_from(rest, path, pos, slots)
        }
    }
}

/// The index of the next `/` at or after `pos`, or the end of the path.
fn segment_end(path: &str, pos: usize) -> usize {
    path.as_bytes()[pos..]
        .iter()
        .position(|&b| b == b'/')
        .map_or(path.len(), |offset| pos + offset)
}

/// Every char boundary from `start` to `end`, both included, in increasing order.
fn boundaries(path: &str, start: usize, end: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
    (start..=end).filter(move |&i| path.is_char_boundary(i))
}

/// How many bytes of `path` at `pos` spell the static `text`, if they do. The characters that
/// `decode_pathname` leaves encoded must appear encoded: `%` as `%25`, `/` as `%2F` or `%2f`,
/// `?` as `%3F` or `%3f`, `#` as `%23`.
pub fn literal_len(path: &str, pos: usize, text: &str) -> Option<usize> {
    let path = &path.as_bytes()[pos..];
    let mut at = 0;
    for &b in text.as_bytes() {
        let encoded: Option<&[&[u8]]> = match b {
            b'%' => Some(&[b"%25"]),
            b'/' => Some(&[b"%2F", b"%2f"]),
            b'?' => Some(&[b"%3F", b"%3f"]),
            b'#' => Some(&[b"%23"]),
            _ => None,
        };
        match encoded {
            None if path.get(at) == Some(&b) => at += 1,
            None => return None,
            Some(spellings) => {
                let spelled = spellings
                    .iter()
                    .find(|spelling| path[at..].starts_with(spelling))?;
                at += spelled.len();
            }
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::Atom::*;
    use super::*;

    fn run<'p>(atoms: &[Atom], path: &'p str, slots: usize) -> Option<Vec<Option<&'p str>>> {
        let mut values = vec![None; slots];
        match_atoms(atoms, path, &mut values).then_some(values)
    }

    #[test]
    fn required_params_are_lazy() {
        // `/[a]-[b]` on `/x-y-z`: a = x, b = y-z.
        let atoms = [Slash, Required(0), Lit("-"), Required(1)];
        assert_eq!(run(&atoms, "/x-y-z", 2), Some(vec![Some("x"), Some("y-z")]));
        assert_eq!(
            run(&atoms, "/x-y-z/", 2),
            Some(vec![Some("x"), Some("y-z")])
        );
        assert_eq!(run(&atoms, "/-y", 2), None);
        assert_eq!(run(&atoms, "/x-y//", 2), None);
    }

    #[test]
    fn in_segment_optionals_are_absent_when_empty() {
        // `/blog/[[slug]].json`.
        let atoms = [Slash, Lit("blog"), Slash, InOptional(0), Lit(".json")];
        assert_eq!(run(&atoms, "/blog/.json", 1), Some(vec![None]));
        assert_eq!(run(&atoms, "/blog/x.json", 1), Some(vec![Some("x")]));
        assert_eq!(
            run(&atoms, "/blog/a.json.json", 1),
            Some(vec![Some("a.json")])
        );
    }

    #[test]
    fn whole_segment_optionals_and_rests_are_greedy() {
        // `/[[a]]/[...rest]`.
        let atoms = [OptSeg(0), RestSeg(1)];
        assert_eq!(run(&atoms, "/x/y/z", 2), Some(vec![Some("x"), Some("y/z")]));
        assert_eq!(run(&atoms, "/x", 2), Some(vec![Some("x"), None]));
        assert_eq!(run(&atoms, "/", 2), Some(vec![None, Some("")]));
        // A rest keeps a trailing slash: `/[...c]` on `/a/b/`.
        assert_eq!(run(&[RestSeg(0)], "/a/b/", 1), Some(vec![Some("a/b/")]));
        assert_eq!(run(&[RestSeg(0)], "//foo/", 1), Some(vec![Some("/foo/")]));
    }

    #[test]
    fn rests_inside_segments_span_segments() {
        // `/[...r].json`.
        let atoms = [Slash, InRest(0), Lit(".json")];
        assert_eq!(run(&atoms, "/a/b.json", 1), Some(vec![Some("a/b")]));
        assert_eq!(run(&atoms, "/.json", 1), Some(vec![Some("")]));
    }

    #[test]
    fn static_text_matches_its_encoded_form() {
        let atoms = [Slash, Lit("a/b?c#d%e")];
        assert!(run(&atoms, "/a%2Fb%3fc%23d%25e", 0).is_some());
        assert!(run(&atoms, "/a%2fb%3Fc%23d%25e", 0).is_some());
        assert!(run(&atoms, "/a/b?c#d%e", 0).is_none());
    }

    #[test]
    fn non_ascii_text_is_cut_on_char_boundaries() {
        let atoms = [Slash, Required(0), Lit("é"), Required(1)];
        assert_eq!(run(&atoms, "/éééé", 2), Some(vec![Some("é"), Some("éé")]));
    }
}
