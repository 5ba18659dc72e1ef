//! Stage 4, write: replace the output folder with the rendered outputs, whole or not at all.
//!
//! Everything is written into a fresh folder beside the output folder (same filesystem), then swapped in
//! with one atomic `renameat2(RENAME_EXCHANGE)` on Linux (two renames elsewhere), and the old folder is
//! removed. A failure or a kill before the swap leaves the output folder as it was. Output paths are
//! checked to be plain relative components, so no notice can write outside the folder; a marker file
//! records that a folder is ours, and a folder without it is never replaced.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use noticec::render::Output;

/// The file that marks a folder as a noticec output folder.
pub(crate) const MARKER: &str = ".noticec-output";
const MARKER_TEXT: &str = "This folder is written by noticec (`noticec build` or `noticec report`) and is replaced whole each time.\n";

/// Why the outputs could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum WriteError {
    /// A filesystem operation failed.
    #[error("cannot write `{path}`")]
    Io {
        /// The path.
        path: PathBuf,
        /// The reason.
        #[source]
        source: std::io::Error,
    },
    /// The output folder is one noticec must not replace.
    #[error("refusing to write to `{path}`: {reason}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// An output path is not a plain relative path (a bug or a hostile template).
    #[error("refusing to write `{0}`: output paths must be plain relative paths")]
    BadPath(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Checks that `out` is a folder noticec may replace: not a file, not the filesystem root, not a
/// project folder, and either missing, empty or marked as a previous output.
pub(crate) fn check_target(out: &Path) -> Result<(), WriteError> {
    let refuse = |reason: &str| {
        Err(WriteError::Refused {
            path: out.to_path_buf(),
            reason: reason.to_owned(),
        })
    };
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(out)(e)),
    };
    if meta.file_type().is_symlink() {
        return refuse("it is a symbolic link; give the real folder");
    }
    if !meta.is_dir() {
        return refuse("it is not a folder");
    }
    let real = std::fs::canonicalize(out).map_err(io(out))?;
    if real.parent().is_none() {
        return refuse("it is the root of the filesystem");
    }
    if std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .as_deref()
        == Some(real.as_path())
    {
        return refuse("it is the current folder");
    }
    for project_file in ["Cargo.toml", "notices.yaml", ".git"] {
        if real.join(project_file).exists() {
            return refuse(&format!(
                "it holds `{project_file}`, so it looks like a project folder, not an output folder"
            ));
        }
    }
    let empty = std::fs::read_dir(&real).map_err(io(out))?.next().is_none();
    if !empty && !real.join(MARKER).is_file() {
        return refuse(&format!(
            "it is not empty and has no `{MARKER}` file, so it is not a previous noticec output; choose another --out or empty it"
        ));
    }
    Ok(())
}

/// Checks a relative output path and returns it as a path.
fn safe_relative(path: &str) -> Result<PathBuf, WriteError> {
    let p = Path::new(path);
    let plain = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        Ok(p.to_path_buf())
    } else {
        Err(WriteError::BadPath(path.to_owned()))
    }
}

/// The outputs a build writes, with the marker file, by relative path.
pub(crate) fn expected_files(outputs: &[Output]) -> Result<BTreeMap<PathBuf, Vec<u8>>, WriteError> {
    let mut files = BTreeMap::new();
    for o in outputs {
        files.insert(safe_relative(&o.path)?, o.bytes.clone());
    }
    files.insert(PathBuf::from(MARKER), MARKER_TEXT.as_bytes().to_vec());
    Ok(files)
}

/// Replaces `out` with exactly `outputs` (and the marker), atomically.
pub(crate) fn replace_dir(out: &Path, outputs: &[Output]) -> Result<(), WriteError> {
    check_target(out)?;
    let files = expected_files(outputs)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let name = out
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    remove_stale_siblings(&parent, &name);
    let staging = unique_sibling(&parent, &name, "new")?;
    let result = write_all(&staging, &files).and_then(|()| swap(&staging, out, &parent, &name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Removes staging folders left beside the output folder by builds that were killed: those whose
/// process is no longer running. A concurrent build's staging folder is left alone.
fn remove_stale_siblings(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_: u32) -> bool {
    // Without a cheap check, assume it is running and leave its folder.
    true
}

/// Creates a new, empty folder beside the output folder.
fn unique_sibling(parent: &Path, name: &str, what: &str) -> Result<PathBuf, WriteError> {
    let pid = std::process::id();
    for n in 0..1000 {
        let path = parent.join(format!(".{name}.{what}-{pid}-{n}"));
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io(&path)(e)),
        }
    }
    Err(WriteError::Refused {
        path: parent.to_path_buf(),
        reason: "cannot create a staging folder".into(),
    })
}

fn write_all(root: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<(), WriteError> {
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    Ok(())
}

/// Puts `staging` in place of `out`.
fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(staging, out).map_err(io(out));
    }
    if exchange(staging, out).is_ok() {
        // `staging` now holds the previous output.
        return std::fs::remove_dir_all(staging).map_err(io(staging));
    }
    // No atomic exchange here: move the old folder aside, then the new one in.
    let old = unique_sibling(parent, name, "old")?;
    std::fs::remove_dir(&old).map_err(io(&old))?;
    std::fs::rename(out, &old).map_err(io(out))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(io(out)(e));
    }
    std::fs::remove_dir_all(&old).map_err(io(&old))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(ErrorKind::Unsupported))
}

/// Compares `out` with what a build would write; returns the stale paths: changed, missing or extra.
/// Symbolic links are never followed; a link counts as stale.
pub(crate) fn stale_files(out: &Path, outputs: &[Output]) -> Result<Vec<String>, WriteError> {
    let expected = expected_files(outputs)?;
    let mut stale = Vec::new();
    let mut present = Vec::new();
    collect(out, Path::new(""), &mut present)?;
    for (rel, bytes) in &expected {
        let path = out.join(rel);
        let same = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
            && std::fs::read(&path).is_ok_and(|b| &b == bytes);
        if !same {
            let what = if present.contains(rel) {
                "changed"
            } else {
                "missing"
            };
            stale.push(format!("{} ({what})", rel.display()));
        }
    }
    for rel in present {
        if !expected.contains_key(&rel) {
            stale.push(format!("{} (not produced by the build)", rel.display()));
        }
    }
    Ok(stale)
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<(), WriteError> {
    let dir = root.join(rel);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(&dir)(e)),
    };
    for entry in entries {
        let entry = entry.map_err(io(&dir))?;
        let child = rel.join(entry.file_name());
        let kind = entry.file_type().map_err(io(&dir))?;
        if kind.is_dir() {
            collect(root, &child, out)?;
        } else {
            out.push(child);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_must_be_plain() {
        assert!(safe_relative("a/index.html").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../x", "", "./a"] {
            assert!(safe_relative(bad).is_err(), "{bad}");
        }
    }
}
