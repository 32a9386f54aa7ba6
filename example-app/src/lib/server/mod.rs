//! SvelteKit's `$lib/server` (`src/lib/server`): the data access every route shares, so that `/blog` and
//! `/api/posts` read the same posts through the same functions.

pub mod body;
pub mod db;
mod migrations;
pub mod posts;
pub mod sessions;
pub mod todos;
pub mod users;
