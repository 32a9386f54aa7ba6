//! SvelteKit 2's `exec` (§3): turns a pattern's captures into params, running matchers, and
//! shifting the value of a whole-segment `[[optional]]` whose matcher rejects it into the next
//! param.

use std::borrow::Cow;

/// What `exec` needs to know of a param.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamInfo {
    /// `[[x]]`.
    pub optional: bool,
    /// `[...x]`.
    pub rest: bool,
    /// Stands at the start of its segment and may take zero segments (SvelteKit's `chained`).
    pub chained: bool,
}

/// Runs SvelteKit's `exec` over `values` (one capture per param, `None` where the group did not
/// take part). `accepts(i, value)` answers param `i`'s matcher (true when it has none). On a
/// match, `out[i]` holds param `i`'s value, `None` for an absent optional.
///
/// The value of a rejected optional moves into the following param; when it lands in a rest,
/// the rest's value is the non-empty values joined with `/`, the one case that allocates.
pub fn exec<'p>(
    params: &[ParamInfo],
    values: &[Option<&'p str>],
    // A trait object: one copy of `exec` for every route of the app, not one per route.
    accepts: &mut dyn FnMut(usize, &str) -> bool,
    out: &mut [Option<Cow<'p, str>>],
) -> bool {
    let needing_match = values.iter().filter(|v| v.is_some()).count();
    let mut matched = 0;
    let mut buffered = 0;
    for (i, param) in params.iter().enumerate() {
        let mut value: Option<Cow<'p, str>> = values
            .get(i - buffered)
            .copied()
            .flatten()
            .map(Cow::Borrowed);
        if param.chained && param.rest && buffered > 0 {
            value = Some(join_non_empty(&values[i - buffered..=i]));
            buffered = 0;
        }
        let value = match value {
            Some(value) => value,
            // A rest always has a value, and its matcher still runs.
            None if param.rest => Cow::Borrowed(""),
            None => continue,
        };
        if accepts(i, &value) {
            out[i] = Some(value);
            matched += 1;
            let next_value_is_truthy = values
                .get(i + 1)
                .copied()
                .flatten()
                .is_some_and(|v| !v.is_empty());
            match params.get(i + 1) {
                Some(next)
                    if !next.rest && next.optional && next_value_is_truthy && param.chained =>
                {
                    buffered = 0;
                }
                None if !next_value_is_truthy && matched == needing_match => buffered = 0,
                _ => {}
            }
            continue;
        }
        if param.optional && param.chained {
            buffered += 1;
            continue;
        }
        return false;
    }
    buffered == 0
}

/// `values.filter(Boolean).join('/')`, borrowing when at most one value is non-empty.
fn join_non_empty<'p>(values: &[Option<&'p str>]) -> Cow<'p, str> {
    let mut non_empty = values.iter().copied().flatten().filter(|v| !v.is_empty());
    let Some(first) = non_empty.next() else {
        return Cow::Borrowed("");
    };
    let mut joined: Option<String> = None;
    for value in non_empty {
        let text = joined.get_or_insert_with(|| first.to_owned());
        text.push('/');
        text.push_str(value);
    }
    joined.map_or(Cow::Borrowed(first), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPT: ParamInfo = ParamInfo {
        optional: true,
        rest: false,
        chained: true,
    };
    const REQ: ParamInfo = ParamInfo {
        optional: false,
        rest: false,
        chained: false,
    };
    const REST: ParamInfo = ParamInfo {
        optional: false,
        rest: true,
        chained: true,
    };

    fn run(
        params: &[ParamInfo],
        values: &[Option<&str>],
        rejected: &[usize],
    ) -> Option<Vec<Option<String>>> {
        let mut out = vec![None; params.len()];
        let accepted = exec(params, values, &mut |i, _| !rejected.contains(&i), &mut out);
        accepted.then(|| out.into_iter().map(|v| v.map(Cow::into_owned)).collect())
    }

    #[test]
    fn a_rejected_optional_shifts_into_the_rest() {
        // `/[[a=no]]/[...rest]` on `/foo/bar`.
        let got = run(&[OPT, REST], &[Some("foo"), Some("bar")], &[0]);
        assert_eq!(got, Some(vec![None, Some("foo/bar".into())]));
    }

    #[test]
    fn leftover_values_mean_no_match() {
        // `/[[a=no]]/[[b=yes]]/c` on `/a/b/c`.
        assert_eq!(run(&[OPT, OPT], &[Some("a"), Some("b")], &[0]), None);
    }

    #[test]
    fn a_rejected_required_param_fails() {
        assert_eq!(run(&[REQ], &[Some("x")], &[0]), None);
        assert_eq!(run(&[REQ], &[Some("x")], &[]), Some(vec![Some("x".into())]));
    }

    #[test]
    fn an_empty_rest_still_runs_its_matcher() {
        assert_eq!(run(&[REST], &[None], &[]), Some(vec![Some(String::new())]));
        assert_eq!(run(&[REST], &[None], &[0]), None);
    }
}
