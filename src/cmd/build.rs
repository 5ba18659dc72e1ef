//! `noticec build`: check, then write (or, with `--check`, compare) every output.

use std::path::{Path, PathBuf};

use noticec::render::{Catalogue, Templates};

use super::{Result, Settings, report};
use crate::Outcome;
use crate::cli::BuildArgs;

/// The committed versions of the notices file, oldest first, for the change logs, and whether the
/// history is shallow (so that the change logs are not the ones a full history gives); none outside a
/// git repository, or when the history cannot be read (a build never fails for want of history).
#[cfg(feature = "git")]
pub(crate) fn history(
    file: &Path,
    limits: &noticec::load::Limits,
) -> (Vec<noticec::diff::log::Revision>, bool) {
    let Ok(history) = crate::git::History::open(file) else {
        return (Vec::new(), false);
    };
    let Ok(mut versions) = history.versions(limits.max_bytes) else {
        return (Vec::new(), false);
    };
    versions.reverse();
    let revisions = versions
        .into_iter()
        .filter_map(|v| {
            let doc = noticec::load::parse(&v.source, limits).ok()?;
            Some(noticec::diff::log::Revision {
                commit: v.commit,
                date: v.date,
                value: doc.value,
            })
        })
        .collect();
    (revisions, history.is_shallow())
}

#[cfg(not(feature = "git"))]
pub(crate) fn history(
    _file: &Path,
    _limits: &noticec::load::Limits,
) -> (Vec<noticec::diff::log::Revision>, bool) {
    (Vec::new(), false)
}

/// Runs `build`.
pub(crate) fn run(args: &BuildArgs, color: bool) -> Result<Outcome> {
    let settings = Settings::new(&args.diagnostics)?;
    let file = settings.file(args.file.as_deref());
    let out_dir = settings
        .folder(args.out.as_deref(), |c| c.out.as_deref())
        .unwrap_or_else(|| PathBuf::from("out"));
    let templates = settings.folder(args.templates.as_deref(), |c| c.templates.as_deref());
    let mut keep = vec![file.as_path()];
    keep.extend(templates.as_deref());
    if !args.check {
        // Before any work: an output folder that holds the input or the templates is refused.
        crate::write::check_target(&out_dir, &keep)?;
    }
    let (revisions, shallow) = if crate::input::is_stdin(&file) {
        (Vec::new(), false)
    } else {
        history(&file, &settings.limits)
    };
    let opts = noticec::CompileOptions {
        templates: match &templates {
            Some(dir) => read_templates(dir)?,
            None => Templates::builtin(),
        },
        words: Catalogue::en_gb()?,
        limits: settings.limits,
        lint: settings.lint.clone(),
        render: noticec::render::RenderLimits {
            max_print_chars: args.max_print_chars,
        },
        history: revisions,
        reuse: previous_outputs(&out_dir, args.check),
    };
    let source = crate::input::read_source(&file, &opts.limits)?;
    let name = source.name.clone();
    // Without change logs the document is dropped here, before the diagnostics are printed, so
    // that printing them reuses its memory.
    let checked = noticec::check_for_render(source, &opts);
    report(&checked, &name, &settings, color)?;
    let out = out_dir.display();
    if checked.report.has_errors() {
        crate::say!("nothing written: fix the errors above; `{out}` is unchanged");
        return Ok(Outcome::Problems);
    }
    let failed = settings.fails(&checked);
    if failed && !args.check {
        crate::say!(
            "nothing written: warnings are denied (`--deny warnings`); fix them; `{out}` is unchanged"
        );
        return Ok(Outcome::Problems);
    }
    let built = if args.check {
        let built = noticec::render_checked(checked, &opts)?;
        if !compare(&out_dir, &built, shallow, &settings)? {
            return Ok(Outcome::Problems);
        }
        built
    } else {
        // Each notice's files go into the staging folder as soon as they are made, so the build
        // never holds every output (over a gigabyte for ten thousand notices); a failure removes
        // the staging folder and leaves `out` as it was.
        let staging = crate::write::Staging::begin(&out_dir, &keep)?;
        let sink = |_: usize, outputs: Vec<noticec::render::Output>| {
            outputs
                .iter()
                .try_for_each(|o| staging.put(o))
                .map_err(noticec::render::SinkError::from)
        };
        let built = noticec::render_into(checked, &opts, &sink)?;
        for output in &built.outputs {
            staging.put(output)?;
        }
        let written = staging.finish()?;
        crate::write::warn_leftover(&written);
        if !settings.quiet {
            let notices = built
                .checked
                .notices
                .as_ref()
                .map_or(0, |n| n.notices.len());
            let plural = if notices == 1 { "notice" } else { "notices" };
            let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
            let kept = if written.unchanged == 0 {
                String::new()
            } else {
                format!(" ({} more unchanged)", written.unchanged)
            };
            crate::say!(
                "wrote {} for {notices} {plural} to `{out}`{kept}",
                files(written.written)
            );
        }
        built
    };
    // The process ends when this returns: freeing every output and tree one by one is work the
    // system does at once. They hold no files.
    std::mem::forget(built);
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// The outputs of the build already in `out` (a noticec output folder), to be taken instead of made
/// again where their inputs are the same: each PDF's, and each notice's unless `pdfs_only`; `None`
/// when it records none. `build --check` takes only PDFs: it compares every page it renders with the
/// folder, so a page and its record changed together by hand are still found.
pub(crate) fn previous_outputs(
    out: &Path,
    pdfs_only: bool,
) -> Option<std::sync::Arc<dyn noticec::render::Reuse>> {
    if !out.join(crate::write::MARKER).is_file() {
        return None;
    }
    let record = |name: &str| std::fs::read_to_string(out.join(name)).unwrap_or_default();
    let pdfs = record(noticec::render::PRINT_INPUTS);
    let notices = if pdfs_only {
        String::new()
    } else {
        record(noticec::render::NOTICE_INPUTS)
    };
    let folder = out.to_path_buf();
    let previous = noticec::render::Previous::new(&pdfs, move |path: &str| {
        // The paths asked for are the build's own output paths; the file must still be a plain file.
        let file = folder.join(path);
        let meta = std::fs::symlink_metadata(&file).ok()?;
        let bytes = meta
            .is_file()
            .then(|| std::fs::read(&file).ok())
            .flatten()?;
        Some(bytes.into())
    })
    .with_notices(&notices);
    // The files of a notice taken whole stay where they are (linked into the new folder), checked by
    // a digest read a block at a time: a build of thousands of notices holds none of their bytes.
    let folder = out.to_path_buf();
    let previous = previous.keeping(move |path, digest| has_digest(&folder.join(path), digest));
    (!previous.is_empty()).then(|| std::sync::Arc::new(previous) as _)
}

/// Whether `file` is a plain file (not a link) whose digest ([`noticec::render::output_digest`]) is
/// `digest`, read a block at a time.
fn has_digest(file: &Path, digest: &str) -> bool {
    if !std::fs::symlink_metadata(file).is_ok_and(|m| m.is_file()) {
        return false;
    }
    std::fs::File::open(file)
        .and_then(noticec::render::output_digest_of)
        .is_ok_and(|d| d == digest)
}

/// `build --check`: compares the output folder with the build and says which files are stale (as
/// annotations too in `github` format). Whether the folder is current.
fn compare(
    out_dir: &Path,
    built: &noticec::Compiled,
    shallow: bool,
    settings: &Settings,
) -> Result<bool> {
    let out = out_dir.display();
    let mut stale = crate::write::stale_files(out_dir, &built.outputs)?;
    if shallow {
        // A shallow clone holds only the newest commits: the change logs it gives are shorter
        // than the ones built from the full history, and are not compared.
        let before = stale.len();
        stale.retain(|s| !s.path.ends_with("/changes.html"));
        if stale.len() < before {
            crate::say!(
                "note: the change logs (`changes.html`) are not compared: this is a shallow clone; `git fetch --unshallow` reads the whole history"
            );
        }
    }
    if stale.is_empty() {
        if !settings.quiet {
            crate::say!("`{out}` is up to date ({} files)", built.outputs.len() + 1);
        }
        return Ok(true);
    }
    crate::say!(
        "`{out}` is stale: {} files differ from a fresh build",
        stale.len()
    );
    for path in &stale {
        crate::say!("  {path}");
    }
    if settings.format == noticec::diagnostics::Format::Github {
        let annotations: String = stale
            .iter()
            .map(|s| {
                noticec::diagnostics::github::file_annotation(
                    "error",
                    &format!("{out}/{}", s.path),
                    "stale output",
                    &format!(
                        "`{out}/{}` differs from a fresh build ({}): run `noticec build` and commit `{out}`",
                        s.path, s.what
                    ),
                )
            })
            .collect();
        super::print(&annotations)?;
    }
    crate::say!("help: run `noticec build` and commit `{out}`");
    Ok(false)
}

/// The largest template file read from `--templates`: the built-in ones are under 40 KiB.
const MAX_TEMPLATE_BYTES: u64 = 4 * 1024 * 1024;

/// Why a `--templates` folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TemplatesError {
    /// The folder or an entry in it could not be read.
    #[error("cannot read the templates folder `{path}`")]
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The folder, or something in it, is not what a templates folder holds.
    #[error("refusing the templates folder: `{path}` {reason}")]
    Refused {
        /// The path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// The built-in templates with those in `dir` in their place, by path relative to `dir`
/// (`partials/sections.html.j2`). The folder must exist and hold only folders and plain files:
/// a symbolic link could publish a file from anywhere on the machine as a page, so it is refused,
/// as are devices, pipes and names that are not UTF-8. A file that cannot be read fails the build
/// only if a template needs it.
pub(crate) fn read_templates(dir: &Path) -> std::result::Result<Templates, TemplatesError> {
    /// No template folder is this deep.
    const MAX_DEPTH: usize = 16;
    fn refuse(path: &Path, reason: &str) -> TemplatesError {
        TemplatesError::Refused {
            path: path.to_path_buf(),
            reason: reason.to_owned(),
        }
    }
    fn walk(
        dir: &Path,
        prefix: &str,
        depth: usize,
        mut templates: Templates,
    ) -> std::result::Result<Templates, TemplatesError> {
        let io = |source| TemplatesError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut entries = std::fs::read_dir(dir)
            .map_err(io)?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(io)?;
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let path = entry.path();
            let Some(file_name) = entry.file_name().to_str().map(str::to_owned) else {
                return Err(refuse(&path, "has a name that is not UTF-8; rename it"));
            };
            let name = format!("{prefix}{file_name}");
            let meta = std::fs::symlink_metadata(&path).map_err(|source| TemplatesError::Io {
                path: path.clone(),
                source,
            })?;
            let kind = meta.file_type();
            if kind.is_symlink() {
                return Err(refuse(
                    &path,
                    "is a symbolic link; copy the template into the folder instead",
                ));
            } else if kind.is_dir() {
                if depth >= MAX_DEPTH {
                    return Err(refuse(
                        &path,
                        &format!("is nested more than {MAX_DEPTH} folders deep"),
                    ));
                }
                templates = walk(&path, &format!("{name}/"), depth + 1, templates)?;
            } else if kind.is_file() {
                if meta.len() > MAX_TEMPLATE_BYTES {
                    return Err(refuse(
                        &path,
                        &format!(
                            "is {} bytes, over the limit of {MAX_TEMPLATE_BYTES} bytes for a template",
                            meta.len()
                        ),
                    ));
                }
                templates = match std::fs::read_to_string(&path) {
                    Ok(source) => templates.with_override(name, source),
                    Err(e) => templates
                        .with_unreadable(name, format!("cannot read {}: {e}", path.display())),
                };
            } else {
                return Err(refuse(
                    &path,
                    "is not a file or a folder (a device, pipe or socket)",
                ));
            }
        }
        Ok(templates)
    }
    let meta = std::fs::symlink_metadata(dir).map_err(|source| TemplatesError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    if meta.file_type().is_symlink() {
        // The folder itself may be a link (a checkout's `templates -> ../shared/templates`): what
        // matters is that nothing inside it leads out.
        if !std::fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
            return Err(refuse(
                dir,
                "is a symbolic link to something that is not a folder",
            ));
        }
    } else if !meta.is_dir() {
        return Err(refuse(
            dir,
            "is not a folder; give the folder that holds the templates",
        ));
    }
    walk(dir, "", 0, Templates::builtin())
}
