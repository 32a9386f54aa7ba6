//! Shared helpers for routekit's integration tests and benchmarks.

use std::io;
use std::path::Path;

/// Writes a synthetic routes tree of `count` routes under `root/src/routes` (with a matcher in
/// `root/src/params`), mixing every kind of segment: static, `[param]`, several params in one
/// segment, `[[optional]]`, `[...rest]` in the middle and at the end, `(group)`s, matchers,
/// layouts, pages and endpoints. No two routes conflict.
pub fn write_route_tree(root: &Path, count: usize) -> io::Result<()> {
    let routes = root.join("src/routes");
    let write = |relative: &str| -> io::Result<()> {
        let path = routes.join(relative);
        std::fs::create_dir_all(path.parent().unwrap_or(&routes))?;
        std::fs::write(path, "")
    };
    write("+layout.html")?;
    write("+page.html")?;
    let params = root.join("src/params");
    std::fs::create_dir_all(&params)?;
    std::fs::write(params.join("integer.rs"), "")?;
    for i in 0..count {
        let section = format!("s{}", i / 50);
        if i % 50 == 0 {
            write(&format!("{section}/+layout.html"))?;
        }
        let folder = match i % 8 {
            0 => format!("{section}/r{i}"),
            1 => format!("{section}/r{i}/[id]"),
            2 => format!("{section}/(group)/r{i}-[slug]"),
            3 => format!("{section}/r{i}/[[lang]]/home"),
            4 => format!("{section}/r{i}/[...rest]"),
            5 => format!("{section}/r{i}/[a]-[b].json"),
            6 => format!("{section}/r{i}/[page=integer]"),
            _ => format!("{section}/r{i}/x/[...path]/edit"),
        };
        match i % 3 {
            0 => write(&format!("{folder}/+page.html"))?,
            1 => {
                write(&format!("{folder}/+page.html"))?;
                write(&format!("{folder}/+page.server.rs"))?;
            }
            _ => write(&format!("{folder}/+server.rs"))?,
        }
    }
    Ok(())
}
