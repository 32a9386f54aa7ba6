//! Build errors: one typed value per problem, each naming the route id and the file or folder.

use std::fmt;
use std::path::{Path, PathBuf};

/// The class of a build error. The names match the `error_kind`s of the conformance vectors,
/// plus the classes routekit adds for bad input (missing folder, unreadable file, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Two params touch (`][` after escapes are decoded): `[a][b]`.
    ParamsNotSeparated,
    /// The id has a different number of `[` and `]`, or a bracket outside a param.
    UnbalancedBrackets,
    /// A `[...rest]` segment directly followed by an `[[optional]]` segment.
    OptionalAfterRest,
    /// `[[...rest]]`: a rest param is already optional.
    OptionalRest,
    /// A folder name contains `#`.
    HashInName,
    /// An `[x+..]`/`[u+..]` escape that is not all lowercase.
    BadEscapeCase,
    /// An escape whose code is not hexadecimal or not a valid character.
    BadEscape,
    /// An `[x+..]` code that is not 2 characters, or a `[u+..]` code not 4 to 6.
    EscapeLength,
    /// Bracket contents that are not `name`, `name=matcher`, `[name]` or `...name`.
    InvalidParamName,
    /// A `+` file with a known extension but an unknown name.
    ReservedFileName,
    /// A `.rs` route file that names a layout with `@`.
    NamedLayoutOnModule,
    /// Two files for the same slot in one folder.
    DuplicateFiles,
    /// `+page@x`/`+layout@x` where no ancestor folder is named `x`.
    MissingLayoutSegment,
    /// Two routes match the same URLs.
    Conflict,
    /// `[p=m]` with no `params/m.rs`.
    UnknownMatcher,
    /// A `params/` file whose name is not `\w+`.
    InvalidMatcherName,
    /// The routes folder holds no route file.
    NoRoutes,
    /// The routes folder does not exist or is not a folder.
    RoutesDirMissing,
    /// A file or folder could not be read.
    Io,
    /// A file or folder name is not valid UTF-8.
    NonUtf8Name,
}

impl ErrorKind {
    /// The stable snake_case name of the class (the conformance vectors' `error_kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ParamsNotSeparated => "params_not_separated",
            Self::UnbalancedBrackets => "unbalanced_brackets",
            Self::OptionalAfterRest => "optional_after_rest",
            Self::OptionalRest => "optional_rest",
            Self::HashInName => "hash_in_name",
            Self::BadEscapeCase => "bad_escape_case",
            Self::BadEscape => "bad_escape",
            Self::EscapeLength => "escape_length",
            Self::InvalidParamName => "invalid_param_name",
            Self::ReservedFileName => "reserved_file_name",
            Self::NamedLayoutOnModule => "named_layout_on_module",
            Self::DuplicateFiles => "duplicate_files",
            Self::MissingLayoutSegment => "missing_layout_segment",
            Self::Conflict => "conflict",
            Self::UnknownMatcher => "unknown_matcher",
            Self::InvalidMatcherName => "invalid_matcher_name",
            Self::NoRoutes => "no_routes",
            Self::RoutesDirMissing => "routes_dir_missing",
            Self::Io => "io",
            Self::NonUtf8Name => "non_utf8_name",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One build error: what is wrong, in which route, and the file or folder to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The class of the problem.
    pub kind: ErrorKind,
    /// The route id concerned, when the problem belongs to a route.
    pub route_id: Option<String>,
    /// The offending file or folder (as found under the routes folder the caller gave).
    pub path: PathBuf,
    /// What is wrong and how to fix it: lowercase, no trailing period, names in backticks.
    pub message: String,
}

impl Error {
    /// An error about `path`, in the route `route_id` when there is one.
    pub fn new(
        kind: ErrorKind,
        route_id: Option<&str>,
        path: impl AsRef<Path>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            route_id: route_id.map(str::to_owned),
            path: path.as_ref().to_path_buf(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for Error {}

/// Every error found in a routes tree, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    /// The errors, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
