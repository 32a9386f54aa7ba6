//! The matched route, carried in the request's context for extractors to read.

use std::fmt;

/// How many bytes of param text a [`RouteMatch`] keeps without allocating.
const INLINE_TEXT: usize = 56;
/// How many params a [`RouteMatch`] keeps without allocating.
const INLINE_PARAMS: usize = 6;
/// The start of an absent value's span.
const ABSENT: u8 = u8::MAX;

/// The route a request reached: its rank and its raw (not yet percent-decoded) param values,
/// in id order. Generated `Params` extractors build themselves from it.
///
/// The values of a usual match (a few short ones) are copied side by side into the match
/// itself, so that finding a route allocates nothing; longer ones are kept as `String`s.
#[derive(Clone, PartialEq, Eq)]
pub struct RouteMatch {
    rank: usize,
    values: Values,
}

#[derive(Clone, PartialEq, Eq)]
enum Values {
    /// Value `i` is `text[spans[i].0..spans[i].1]` (absent when the start is [`ABSENT`]).
    Inline {
        count: u8,
        spans: [(u8, u8); INLINE_PARAMS],
        text: [u8; INLINE_TEXT],
    },
    Heap(Vec<Option<String>>),
}

impl RouteMatch {
    /// Puts the match in `request`'s extensions, for the route's `Params`. Not inlined, so
    /// that the extension's code is compiled once, in routekit, not in every app.
    #[inline(never)]
    pub(crate) fn attach(self, request: &mut axum::extract::Request) {
        request.extensions_mut().insert(self);
    }

    /// Takes a lookup's result: `None` when nothing matched.
    pub fn from_raw<const N: usize>(
        raw: &crate::matching::RawMatch<'_, N>,
        param_count: usize,
    ) -> Option<Self> {
        let rank = usize::try_from(raw.rank)
            .ok()
            .filter(|_| raw.rank != u32::MAX)?;
        // A route without params (the usual static route) skips the copying loop.
        if param_count == 0 {
            return Some(Self::new(rank, std::iter::empty()));
        }
        Some(match raw.borrowed() {
            Some(values) => Self::new(rank, values.iter().take(param_count).copied()),
            None => Self::new(rank, raw.values().take(param_count)),
        })
    }

    /// The match of the route of rank `rank` with `values`, in id order (`None` for an absent
    /// optional).
    pub fn new<'v>(rank: usize, values: impl IntoIterator<Item = Option<&'v str>>) -> Self {
        let values = values.into_iter();
        let mut spans = [(ABSENT, ABSENT); INLINE_PARAMS];
        let mut text = [0; INLINE_TEXT];
        let (mut count, mut end) = (0, 0);
        let mut pending = values;
        for value in pending.by_ref() {
            let Some(span) = spans.get_mut(count) else {
                return Self::spill(rank, &spans[..count], &text, Some(value), pending);
            };
            if let Some(value) = value {
                let Some(slot) = text.get_mut(end..end + value.len()) else {
                    return Self::spill(rank, &spans[..count], &text, Some(Some(value)), pending);
                };
                slot.copy_from_slice(value.as_bytes());
                // `end + len` ≤ INLINE_TEXT < ABSENT: both fit a byte.
                *span = (end as u8, (end + value.len()) as u8);
                end += value.len();
            }
            count += 1;
        }
        RouteMatch {
            rank,
            values: Values::Inline {
                count: count as u8,
                spans,
                text,
            },
        }
    }

    /// The match with its values as `String`s: those inline so far, `next` (the value that
    /// did not fit, if any), then the rest of `values`.
    #[cold]
    fn spill<'v>(
        rank: usize,
        spans: &[(u8, u8)],
        text: &[u8; INLINE_TEXT],
        next: Option<Option<&'v str>>,
        rest: impl Iterator<Item = Option<&'v str>>,
    ) -> Self {
        let inline = spans.iter().map(|&span| inline_value(text, span));
        let values = inline
            .map(|v| v.map(str::to_owned))
            .chain(next.map(|v| v.map(str::to_owned)))
            .chain(rest.map(|v| v.map(str::to_owned)))
            .collect();
        RouteMatch {
            rank,
            values: Values::Heap(values),
        }
    }

    /// The route's rank in priority order.
    pub fn rank(&self) -> usize {
        self.rank
    }

    /// How many params the route has.
    pub fn len(&self) -> usize {
        match &self.values {
            Values::Inline { count, .. } => usize::from(*count),
            Values::Heap(values) => values.len(),
        }
    }

    /// Whether the route has no params.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The raw value of param `index`: `None` for an absent optional and past the params.
    pub fn value(&self, index: usize) -> Option<&str> {
        match &self.values {
            Values::Inline { count, spans, text } => {
                let span = *spans.get(index).filter(|_| index < usize::from(*count))?;
                inline_value(text, span)
            }
            Values::Heap(values) => values.get(index)?.as_deref(),
        }
    }

    /// The raw values in id order (see [`value`](Self::value)).
    pub fn values(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        (0..self.len()).map(|index| self.value(index))
    }

    /// The values, to read as a slice.
    fn value_list(&self) -> ValueList<'_> {
        match &self.values {
            Values::Inline { count, spans, text } => {
                let count = usize::from(*count);
                let mut values = [None; INLINE_PARAMS];
                for (value, &span) in values.iter_mut().zip(spans).take(count) {
                    *value = inline_value(text, span);
                }
                ValueList::Inline(values, count)
            }
            Values::Heap(values) => ValueList::Heap(values.iter().map(Option::as_deref).collect()),
        }
    }
}

/// A match's values, borrowed: as many as a usual match has in place, more in a `Vec`.
enum ValueList<'s> {
    Inline([Option<&'s str>; INLINE_PARAMS], usize),
    Heap(Vec<Option<&'s str>>),
}

impl<'s> ValueList<'s> {
    fn as_slice(&self) -> &[Option<&'s str>] {
        match self {
            ValueList::Inline(values, count) => &values[..*count],
            ValueList::Heap(values) => values,
        }
    }
}

/// The inline value at `span`.
fn inline_value(text: &[u8; INLINE_TEXT], (start, end): (u8, u8)) -> Option<&str> {
    if start == ABSENT {
        return None;
    }
    // The spans are the bounds of whole `str`s copied in: this never fails.
    std::str::from_utf8(text.get(usize::from(start)..usize::from(end))?).ok()
}

impl fmt::Debug for RouteMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RouteMatch")
            .field("rank", &self.rank)
            .field("values", &self.values().collect::<Vec<_>>())
            .finish()
    }
}

/// Builds a route's `Params` from the request's [`RouteMatch`] (the generated `Params`
/// extractor). A handler of another route asking for these params is a mistake in the app (a
/// 500 saying so); a value that does not percent-decode is a 400.
// The rejection is a response, as axum extractors' rejections are.
#[allow(clippy::result_large_err)]
pub fn params_from_parts<'p, P>(
    parts: &'p axum::http::request::Parts,
    rank: usize,
    id: &str,
    build: impl FnOnce(&[Option<&'p str>]) -> Result<P, crate::matching::ParamsError>,
) -> Result<P, axum::response::Response> {
    // Only the call of `build` is generic (compiled once per route in the app): finding the
    // match and wording the errors are compiled once, here.
    let values = route_match_of(parts, rank, id)?.value_list();
    build(values.as_slice()).map_err(|error| malformed(&error))
}

/// The request's match when it is route `rank`'s. The match is the request's own extension
/// when its handler was served without a context, and in the context otherwise.
#[allow(clippy::result_large_err)]
fn route_match_of<'p>(
    parts: &'p axum::http::request::Parts,
    rank: usize,
    id: &str,
) -> Result<&'p RouteMatch, axum::response::Response> {
    let extensions = &parts.extensions;
    let own = extensions
        .get::<RouteMatch>()
        .filter(|found| found.rank == rank);
    own.or_else(|| {
        super::context::Context::of(extensions)
            .and_then(|context| context.found())
            .filter(|found| found.rank == rank)
    })
    .ok_or_else(|| outside(id))
}

/// A handler of another route asked for route `id`'s params.
fn outside(id: &str) -> axum::response::Response {
    crate::server::error::error_response(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        format!("the params of route {id} were asked for outside that route's handlers"),
    )
}

/// A param value that does not percent-decode.
fn malformed(error: &crate::matching::ParamsError) -> axum::response::Response {
    crate::server::error::error_response(
        axum::http::StatusCode::BAD_REQUEST,
        format!("Malformed URI: {error}"),
    )
}

/// The response for a handler the route table does not have (a bug in generated code).
pub fn no_such_handler(rank: usize, handler: &str) -> axum::response::Response {
    crate::server::error::error_response(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        format!("routekit: route {rank} has no handler {handler}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_stay_inline_and_long_ones_spill() {
        let found = RouteMatch::new(3, [Some("a"), None, Some("ccc"), Some("")]);
        assert!(matches!(found.values, Values::Inline { .. }));
        assert_eq!(found.rank(), 3);
        assert_eq!(found.len(), 4);
        assert_eq!(
            found.values().collect::<Vec<_>>(),
            [Some("a"), None, Some("ccc"), Some("")]
        );
        assert_eq!(found.value(4), None);

        let long = "é".repeat(40);
        let spilled = RouteMatch::new(1, [Some("x"), None, Some(long.as_str()), Some("y")]);
        assert!(matches!(spilled.values, Values::Heap(_)));
        assert_eq!(
            spilled.values().collect::<Vec<_>>(),
            [Some("x"), None, Some(long.as_str()), Some("y")]
        );

        let many: Vec<Option<&str>> = (0..9).map(|i| Some(["a", "b", "c"][i % 3])).collect();
        let spilled = RouteMatch::new(2, many.iter().copied());
        assert!(matches!(spilled.values, Values::Heap(_)));
        assert_eq!(spilled.values().collect::<Vec<_>>(), many);
        assert_eq!(spilled.value_list().as_slice(), many.as_slice());

        let none = RouteMatch::new(0, []);
        assert!(none.is_empty());
        assert!(none.value_list().as_slice().is_empty());
    }
}
