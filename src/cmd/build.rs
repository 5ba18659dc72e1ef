//! `noticec build`: check, then write (or, with `--check`, compare) every output.

use std::path::Path;

use noticec::render::{Catalogue, Templates};

use super::{Result, fails, options, report};
use crate::Outcome;
use crate::cli::BuildArgs;

/// Runs `build`.
pub(crate) fn run(args: &BuildArgs, color: bool) -> Result<Outcome> {
    let d = &args.diagnostics;
    let (limits, lint) = options(d);
    let opts = noticec::CompileOptions {
        templates: match &args.templates {
            Some(dir) => read_templates(dir),
            None => Templates::builtin(),
        },
        words: Catalogue::en_gb()?,
        limits,
        lint,
        render: noticec::render::RenderLimits {
            max_print_chars: args.max_print_chars,
        },
    };
    let source = crate::input::read_source(&d.file, &opts.limits)?;
    let built = noticec::compile(&source, &opts)?;
    report(&built.checked, d, color)?;
    let out = args.out.display();
    if built.checked.report.has_errors() {
        eprintln!("nothing written: fix the errors above; `{out}` is unchanged");
        return Ok(Outcome::Problems);
    }
    if args.check {
        let stale = crate::write::stale_files(&args.out, &built.outputs)?;
        if !stale.is_empty() {
            eprintln!(
                "`{out}` is stale: {} files differ from a fresh build",
                stale.len()
            );
            for path in &stale {
                eprintln!("  {path}");
            }
            eprintln!("help: run `noticec build` and commit `{out}`");
            return Ok(Outcome::Problems);
        }
        eprintln!("`{out}` is up to date ({} files)", built.outputs.len() + 1);
    } else {
        crate::write::replace_dir(&args.out, &built.outputs)?;
        let notices = built
            .checked
            .notices
            .as_ref()
            .map_or(0, |n| n.notices.len());
        let plural = if notices == 1 { "notice" } else { "notices" };
        eprintln!(
            "wrote {} files for {notices} {plural} to `{out}`",
            built.outputs.len() + 1
        );
    }
    Ok(if fails(&built.checked, d) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// The built-in templates with those in `dir` in their place, by path relative to `dir`
/// (`partials/sections.html.j2`). A file that cannot be read fails the build only if a template needs it.
fn read_templates(dir: &Path) -> Templates {
    /// Symbolic links may make a loop; no template folder is this deep.
    const MAX_DEPTH: usize = 16;
    fn walk(dir: &Path, prefix: &str, depth: usize, mut templates: Templates) -> Templates {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return templates;
        };
        let mut entries: Vec<_> = entries.filter_map(std::result::Result::ok).collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let Some(file_name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let name = format!("{prefix}{file_name}");
            let path = entry.path();
            if path.is_dir() {
                if depth < MAX_DEPTH {
                    templates = walk(&path, &format!("{name}/"), depth + 1, templates);
                }
            } else if path.is_file() {
                templates = match std::fs::read_to_string(&path) {
                    Ok(source) => templates.with_override(name, source),
                    Err(e) => templates
                        .with_unreadable(name, format!("cannot read {}: {e}", path.display())),
                };
            }
        }
        templates
    }
    walk(dir, "", 0, Templates::builtin())
}
