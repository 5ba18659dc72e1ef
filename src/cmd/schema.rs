//! `noticec schema`: the JSON Schema of a notices file, printed or written where editors find it.

use std::path::Path;

use super::{Result, print};
use crate::Outcome;
use crate::cli::SchemaArgs;

/// Runs `schema`: prints the schema, or writes it to `--out`, creating the folders on the way.
pub(crate) fn run(args: &SchemaArgs) -> Result<Outcome> {
    let text = noticec::schema::schema_text();
    match &args.out {
        None => print(&text)?,
        Some(path) => write(path, &text)?,
    }
    Ok(Outcome::Clean)
}

/// Writes the schema to `path`: into a temporary file beside it, then renamed over it, so an editor
/// reading the file never sees half of it.
fn write(path: &Path, text: &str) -> Result<()> {
    let context = |e: std::io::Error| format!("cannot write the schema to {}: {e}", path.display());
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(context)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    std::fs::write(&temporary, text).map_err(context)?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        context(e)
    })?;
    Ok(())
}
