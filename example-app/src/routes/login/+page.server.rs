//! `/login`: the sign-in form. Its action checks the credentials against the database, starts
//! a session (a cookie) and redirects to `/dashboard`; wrong ones show the form again (400).

use axum::Form;
use axum::extract::State;
use routekit::cookie::Cookie;
use routekit::cookie::time::Duration;
use serde::{Deserialize, Serialize};

use crate::server::sessions;
use crate::server::users::{self, User};
use crate::state::AppState;

/// Nothing to load, except that a signed-in user has nothing to do here.
pub async fn load(user: Option<routekit::Locals<User>>) -> Result<(), routekit::Error> {
    match user {
        Some(_) => Err(routekit::redirect(303, "/dashboard")),
        None => Ok(()),
    }
}

/// The form's fields (optional, so that a missing one is a message, not a 422).
#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// What the form shows again after a failure (never the password).
#[derive(Serialize)]
pub struct Failure {
    message: &'static str,
    email: String,
}

/// The form actions.
pub mod actions {
    use super::*;

    /// Signs in.
    pub async fn default(
        State(state): State<AppState>,
        cookies: routekit::Cookies,
        Form(form): Form<Credentials>,
    ) -> Result<(), routekit::Error> {
        let failure = |message| routekit::fail(400, Failure { message, email: form.email.clone() });
        if form.email.trim().is_empty() || form.password.is_empty() {
            return Err(failure("Enter your email and password"));
        }
        let Some(user) = users::find_by_credentials(&state.db, &form.email, &form.password).await?
        else {
            return Err(failure("Wrong email or password"));
        };
        let token = sessions::create(&state.db, user.id).await?;
        cookies.set_with(
            Cookie::build((sessions::COOKIE, token)).max_age(Duration::seconds(sessions::LIFETIME_SECS)),
        );
        tracing::info!(user = user.email, "signed in");
        Err(routekit::redirect(303, "/dashboard"))
    }
}
