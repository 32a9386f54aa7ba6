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

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// The path as `#[path]` wants it: `/`-separated text.
pub fn attr_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
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
}
