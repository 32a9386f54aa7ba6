//! Relative paths for the generated `#[path]` attributes, so that rustc and rust-analyzer find
//! route files from the source file that holds the derive, wherever the crate lives.

use std::path::{Component, Path, PathBuf};

/// The path from folder `base` to `target`, using `..` where needed. Both are made absolute
/// against the current folder first; symlinks are resolved where the paths exist.
pub fn relative_path(base: &Path, target: &Path) -> PathBuf {
    let base = absolute(base);
    let target = absolute(target);
    let base: Vec<Component<'_>> = base.components().collect();
    let target: Vec<Component<'_>> = target.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..base.len() {
        relative.push("..");
    }
    for component in &target[common..] {
        relative.push(component.as_os_str());
    }
    if relative.as_os_str().is_empty() {
        relative.push(".");
    }
    relative
}

/// The texts of generated `#[path]`s and `include_str!`s, from the folder of the source file
/// that holds the derive. The two roots are resolved once; a path below the routes folder (a
/// route folder, a template) is kept as the walk found it (lexically), so a large tree costs no
/// file system call per file here.
pub struct PathAttrs {
    /// Whether the texts are the paths themselves (for a file outside the source tree).
    absolute: bool,
    routes_dir: PathBuf,
    /// The routes folder, relative to the source file's folder.
    from_base: PathBuf,
    base_dir: PathBuf,
}

impl PathAttrs {
    /// For the routes folder `routes_dir` and the source file's folder `base_dir`.
    pub fn new(base_dir: &Path, routes_dir: &Path) -> Self {
        Self {
            absolute: false,
            routes_dir: routes_dir.to_path_buf(),
            from_base: relative_path(base_dir, routes_dir),
            base_dir: base_dir.to_path_buf(),
        }
    }

    /// For paths from the routes folder `routes_dir` itself (inside the container module,
    /// whose own `#[path]` names the routes folder).
    pub fn within(routes_dir: &Path) -> Self {
        Self::new(routes_dir, routes_dir)
    }

    /// Texts that are the (absolute) paths themselves: for the build script's output, which
    /// lives in `OUT_DIR`, where `include_str!` resolves relative paths from.
    pub fn absolute() -> Self {
        Self {
            absolute: true,
            routes_dir: PathBuf::new(),
            from_base: PathBuf::new(),
            base_dir: PathBuf::new(),
        }
    }

    /// The text for `path`: a file or folder of the walk, or anywhere else (then resolved in
    /// full: the `params/` folder, the hooks file).
    pub fn attr(&self, path: &Path) -> String {
        if self.absolute {
            // As the platform spells it: `include_str!` takes the path as given.
            return path.to_string_lossy().into_owned();
        }
        match path.strip_prefix(&self.routes_dir) {
            Ok(below) => attr_path(&self.from_base.join(below)),
            Err(_) => attr_path(&relative_path(&self.base_dir, path)),
        }
    }
}

/// The text of the container module's `#[path]`: the routes folder in full, as the platform
/// spells it. A relative one would be read from another folder when the derive sits inside an
/// inline `mod` block (rustc reads such a `#[path]` from a folder named after the block), and
/// the proc macro cannot see the blocks around it.
pub fn container_attr(routes_dir: &Path) -> String {
    absolute(routes_dir).to_string_lossy().into_owned()
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// The path as `#[path]` wants it: `/`-separated text, without `.` components unless it is
/// the folder itself.
pub fn attr_path(path: &Path) -> String {
    let text = path
        .components()
        .filter(|c| *c != Component::CurDir)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    if text.is_empty() {
        ".".to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_up_and_down() {
        assert_eq!(
            relative_path(Path::new("/a/b/src"), Path::new("/a/b/src/routes")),
            Path::new("routes")
        );
        assert_eq!(
            relative_path(Path::new("/a/b/src/bin"), Path::new("/a/b/src/routes")),
            Path::new("../routes")
        );
        assert_eq!(
            relative_path(Path::new("/a/b"), Path::new("/a/b")),
            Path::new(".")
        );
        assert_eq!(
            attr_path(Path::new("../routes/blog/[slug]")),
            "../routes/blog/[slug]"
        );
    }

    #[test]
    fn route_dirs_below_the_routes_folder() {
        let dirs = PathAttrs::new(Path::new("/a/b/src"), Path::new("/a/b/src/routes"));
        assert_eq!(dirs.attr(Path::new("/a/b/src/routes")), "routes");
        assert_eq!(
            dirs.attr(Path::new("/a/b/src/routes/blog/[slug]")),
            "routes/blog/[slug]"
        );
        assert_eq!(dirs.attr(Path::new("/a/b/other")), "../other");
        let within = PathAttrs::within(Path::new("/a/b/src/routes"));
        assert_eq!(within.attr(Path::new("/a/b/src/routes")), ".");
        assert_eq!(within.attr(Path::new("/a/b/src/routes/blog")), "blog");
        assert_eq!(within.attr(Path::new("/a/b/src/params")), "../params");
    }
}
