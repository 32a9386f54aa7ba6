//! A matcher exporting `parse -> Option<u32>` types its params: the fields are `u32` and
//! `Option<u32>`, a value `parse` rejects falls through to the next route, and `href` formats
//! the typed value back.
#![allow(deprecated)]

#[derive(routekit::Routes)]
#[routes(dir = "./typed_matcher/routes")]
struct App;

use app_routes::{archive_page_integer as page, archive_year_integer_list as list};

fn main() {
    // A match's raw values become the route's typed `Params`.
    let decoded = routekit::decode_pathname("/archive/2024/list").expect("a valid path");
    let raw = App::lookup(&decoded);
    assert_eq!(
        App::routes()[raw.rank as usize].id,
        "/archive/[[year=integer]]/list"
    );
    let params = list::Params::from_values(&raw.values().collect::<Vec<_>>()).expect("2024 parses");
    let year: Option<u32> = params.year;
    assert_eq!(year, Some(2024));

    let decoded = routekit::decode_pathname("/archive/list").expect("a valid path");
    let raw = App::lookup(&decoded);
    let params = list::Params::from_values(&raw.values().collect::<Vec<_>>()).expect("no year");
    assert_eq!(params.year, None);

    let decoded = routekit::decode_pathname("/archive/7").expect("a valid path");
    let raw = App::lookup(&decoded);
    assert_eq!(
        App::routes()[raw.rank as usize].id,
        "/archive/[page=integer]"
    );
    let params = page::Params::from_values(&raw.values().collect::<Vec<_>>()).expect("7 parses");
    let number: u32 = params.page;
    assert_eq!(number, 7);

    // `parse` rejects what does not fit in a `u32`: the path falls through to `[slug]`.
    let id = |path: &str| App::resolve(path).map(|found| found.route.id);
    assert_eq!(id("/archive/4294967295"), Some("/archive/[page=integer]"));
    assert_eq!(id("/archive/4294967296"), Some("/archive/[slug]"));
    assert_eq!(id("/archive/-1"), Some("/archive/[slug]"));
    assert_eq!(id("/archive/x/list"), None);

    // `href` formats the typed values.
    assert_eq!(page::Params { page: 3 }.href().as_deref(), Ok("/archive/3"));
    assert_eq!(
        list::Params { year: Some(1999) }.href().as_deref(),
        Ok("/archive/1999/list")
    );
    assert_eq!(
        list::Params { year: None }.href().as_deref(),
        Ok("/archive/list")
    );
}
