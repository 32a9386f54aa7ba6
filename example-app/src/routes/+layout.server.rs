//! The root layout's load: the signed-in user (if any), for the navigation of every page.

use serde::Serialize;

use crate::server::users::User;

/// What every page sees.
#[derive(Serialize)]
pub struct Root {
    /// The signed-in user, or `null`.
    user: Option<User>,
}

/// Reads the user the `handle` hook signed in.
pub async fn load(user: Option<routekit::Locals<User>>) -> Result<Root, routekit::Error> {
    Ok(Root {
        user: user.map(|routekit::Locals(user)| user),
    })
}
