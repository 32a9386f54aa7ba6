//! `/dashboard`: the signed-in user's page (their posts, drafts included) and a form to write
//! a post. Signed out, it redirects to `/login`.

use axum::Form;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use crate::server::posts::{self, Post, PostInput};
use crate::server::users::User;
use crate::state::AppState;

/// The page's data.
#[derive(Serialize)]
pub struct Dashboard {
    me: User,
    posts: Vec<Post>,
}

/// The user the `handle` hook signed in, or a redirect to the login page.
fn signed_in(user: Option<routekit::Locals<User>>) -> Result<User, routekit::Error> {
    user.map(|routekit::Locals(user)| user)
        .ok_or_else(|| routekit::redirect(303, "/login"))
}

/// Loads the user's posts.
pub async fn load(
    State(state): State<AppState>,
    user: Option<routekit::Locals<User>>,
) -> Result<Dashboard, routekit::Error> {
    let me = signed_in(user)?;
    let posts = posts::by_author(&state.db, me.id).await?;
    Ok(Dashboard { me, posts })
}

/// The new-post form's fields (all optional, so that a missing one is a message, not a 422).
#[derive(Deserialize)]
pub struct NewPost {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    /// A checkbox: present (`on`) when ticked.
    published: Option<String>,
}

/// What the page shows again after a failure.
#[derive(Serialize)]
pub struct Failure {
    message: String,
    title: String,
    body: String,
}

/// The page's form actions.
pub mod actions {
    use super::*;

    /// Writes a post: `{created: slug}`, or the form again with a message.
    pub async fn create(
        State(state): State<AppState>,
        user: Option<routekit::Locals<User>>,
        Form(form): Form<NewPost>,
    ) -> Result<serde_json::Value, routekit::Error> {
        let me = signed_in(user)?;
        let input = PostInput {
            title: form.title.clone(),
            body: form.body.clone(),
            published: form.published.is_some(),
        };
        let input = input.validate().map_err(|message| {
            routekit::fail(
                400,
                Failure {
                    message,
                    title: form.title,
                    body: form.body,
                },
            )
        })?;
        let post = posts::create(&state.db, me.id, input).await?;
        Ok(serde_json::json!({ "created": post.slug }))
    }
}
