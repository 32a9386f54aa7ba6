//! `/marx-brothers/[...path]`: any other brother is a 404, rendered by
//! `marx-brothers/+error.html` inside this section's layouts (SvelteKit's recipe for a custom
//! 404 in a subtree: a catch-all route whose load fails).

/// Always fails: the real brothers have their own routes, which rank before this one.
pub async fn load(params: super::Params) -> Result<(), routekit::Error> {
    Err(routekit::error(404, format!("No brother called `{}`", params.path)))
}
