//! `/home` and `/{lang}/home`: an optional param. Without it the page is in English.

use serde::Serialize;

/// The page's data.
#[derive(Serialize)]
pub struct Home {
    lang: &'static str,
    greeting: &'static str,
}

/// The greeting in the language asked for: 404 for one the site does not speak.
pub async fn load(params: super::Params) -> Result<Home, routekit::Error> {
    let (lang, greeting) = match params.lang.as_deref() {
        None | Some("en") => ("en", "Welcome home"),
        Some("fr") => ("fr", "Bienvenue à la maison"),
        Some("de") => ("de", "Willkommen zu Hause"),
        Some(other) => return Err(routekit::error(404, format!("No `{other}` version"))),
    };
    Ok(Home { lang, greeting })
}
