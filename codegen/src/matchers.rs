//! Param matchers: the `.rs` files of the `params/` folder beside the routes folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};

/// A param matcher file, `params/integer.rs` for `[page=integer]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher {
    /// The matcher's name (the file stem).
    pub name: String,
    /// The file.
    pub path: PathBuf,
}

/// The params folder that belongs to a routes folder: `src/params` for `src/routes`.
pub fn params_dir(routes_dir: &Path) -> PathBuf {
    routes_dir
        .parent()
        .map_or_else(|| PathBuf::from("params"), |parent| parent.join("params"))
}

/// Reads the matchers of `params_dir`, sorted by name. A missing folder means no matchers.
/// Files ending in `.test.rs` or `.spec.rs` are skipped, as SvelteKit skips its test files.
pub fn read_matchers(params_dir: &Path) -> (Vec<Matcher>, Vec<Error>) {
    let mut matchers = Vec::new();
    let mut errors = Vec::new();
    let entries = match std::fs::read_dir(params_dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return (matchers, errors),
        Err(error) => {
            errors.push(Error::new(
                ErrorKind::Io,
                None,
                params_dir,
                format!(
                    "cannot read the params folder `{}`: {error}",
                    params_dir.display()
                ),
            ));
            return (matchers, errors);
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                errors.push(Error::new(
                    ErrorKind::Io,
                    None,
                    params_dir,
                    format!(
                        "cannot read the params folder `{}`: {error}",
                        params_dir.display()
                    ),
                ));
                continue;
            }
        };
        let path = entry.path();
        if path.is_dir() {
            continue;
        }
        let Some(file_name) = entry.file_name().to_str().map(str::to_owned) else {
            errors.push(Error::new(
                ErrorKind::NonUtf8Name,
                None,
                &path,
                format!("`{}` is not a valid UTF-8 name", path.display()),
            ));
            continue;
        };
        let Some(stem) = file_name.strip_suffix(".rs") else {
            continue;
        };
        if stem.ends_with(".test") || stem.ends_with(".spec") {
            continue;
        }
        if stem.is_empty() || !stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            errors.push(Error::new(
                ErrorKind::InvalidMatcherName,
                None,
                &path,
                format!(
                    "matcher names can only have underscores and alphanumeric characters: `{file_name}` is invalid"
                ),
            ));
            continue;
        }
        matchers.push(Matcher {
            name: stem.to_owned(),
            path,
        });
    }
    matchers.sort_by(|a, b| a.name.cmp(&b.name));
    (matchers, errors)
}
