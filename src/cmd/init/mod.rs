//! `noticec init [DIR]`: a new project a writer can start from. It writes a notices file with the
//! editor modeline and one commented example notice that checks clean, the schema beside it, a
//! `noticec.toml`, a `.gitignore` and the CI workflow, and refuses to overwrite anything.

use std::path::{Path, PathBuf};

use super::Result;
use crate::Outcome;
use crate::cli::InitArgs;

/// The starter notices file.
const NOTICES: &str = include_str!("notices.yaml");

/// The starter configuration: every key, with the defaults spelt out.
const CONFIG: &str = include_str!("noticec.toml");

/// What git should not track: the reviewer's report is rebuilt on demand; `out/` is committed, so the
/// signed forms can be traced to the exact version.
const GITIGNORE: &str = "/report/\n";

/// The files `init` writes, relative to the folder, with their contents.
fn files() -> Vec<(&'static str, String)> {
    vec![
        ("notices.yaml", NOTICES.to_owned()),
        ("schema/notice.schema.json", noticec::schema::schema_text()),
        ("noticec.toml", CONFIG.to_owned()),
        (".gitignore", GITIGNORE.to_owned()),
        (".github/workflows/notices.yml", WORKFLOW.to_owned()),
    ]
}

/// The CI workflow (the copy-paste recipe of the documentation).
const WORKFLOW: &str = include_str!("../../../docs/ci/github-actions.yml");

/// Runs `init`.
pub(crate) fn run(args: &InitArgs) -> Result<Outcome> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let files = files();
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|p| p.symlink_metadata().is_ok())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "nothing written: {} already exist(s): {}; `noticec init` never overwrites a file (move them away, or run it in another folder)",
            existing.len(),
            existing.join(", ")
        )
        .into());
    }
    for (name, text) in &files {
        write_new(&dir.join(name), text)?;
    }
    let shown = dir.display();
    crate::say!("created a noticec project in `{shown}`:");
    for (name, _) in &files {
        crate::say!("  {name}");
    }
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {shown} && ")
    };
    crate::say!(
        "next: {cd}noticec check, then edit notices.yaml (noticec serve shows it as you write)"
    );
    crate::say!(
        "in .github/workflows/notices.yml, replace OWNER/noticec@v1 with where your noticec comes from"
    );
    Ok(Outcome::Clean)
}

/// Writes a file that must not exist yet (`create_new`, so a file that appears meanwhile is not
/// overwritten either), creating its folder.
fn write_new(path: &Path, text: &str) -> Result<()> {
    use std::io::Write as _;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the folder `{}`: {e}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("cannot create `{}`: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    Ok(())
}
