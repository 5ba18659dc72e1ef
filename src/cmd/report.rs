//! `noticec report`: check, then write the reviewer's report into its own folder.

use std::path::{Component, Path};

use noticec::render::{Catalogue, Templates};
use noticec::report::ReportOptions;

use super::{Result, Settings, report};
use crate::Outcome;
use crate::cli::ReportArgs;

/// Runs `report`.
pub(crate) fn run(args: &ReportArgs, color: bool) -> Result<Outcome> {
    let settings = Settings::new(&args.diagnostics)?;
    let file = settings.file(args.file.as_deref());
    let keep = [file.as_path()];
    // Before any work: a report folder that holds the input is refused.
    crate::write::check_target(&args.out, &keep)?;
    let source = crate::input::read_source(&file, &settings.limits)?;
    let checked = noticec::check_source(&source, &settings.limits, &settings.lint);
    report(&checked, &source.name, &settings, color)?;
    let out = args.out.display();
    if checked.report.has_errors() {
        crate::say!("nothing written: fix the errors above; `{out}` is unchanged");
        return Ok(Outcome::Problems);
    }
    if settings.fails(&checked) {
        crate::say!(
            "nothing written: warnings are denied (`--deny warnings`); fix them; `{out}` is unchanged"
        );
        return Ok(Outcome::Problems);
    }
    let opts = ReportOptions {
        templates: Templates::builtin(),
        words: Catalogue::en_gb()?,
        lint: settings.lint.clone(),
        source_href: source_href(&file, &args.out),
    };
    let outputs = noticec::report::render(&checked, &opts)?;
    let written = crate::write::replace_dir(&args.out, &outputs, &keep)?;
    crate::write::warn_leftover(&written);
    crate::say!(
        "wrote the reviewer's report, {} files, to `{out}`",
        outputs.len()
    );
    Ok(Outcome::Clean)
}

/// The link from a page in `out` to the notices file: relative when both paths are plain relative
/// ones (`report` and `notices.yaml` give `../notices.yaml`), else a `file:` address of the file.
fn source_href(file: &Path, out: &Path) -> String {
    let plain = |p: &Path| {
        p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    };
    let href = if plain(file) && plain(out) {
        let depth = out
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .count();
        let file = file
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/");
        format!("{}{file}", "../".repeat(depth))
    } else {
        let absolute = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        format!("file://{}", absolute.display())
    };
    href.chars()
        .flat_map(|c| match c {
            ' ' => "%20".chars().collect::<Vec<_>>(),
            '#' => "%23".chars().collect(),
            '?' => "%3F".chars().collect(),
            '%' => "%25".chars().collect(),
            c => vec![c],
        })
        .collect()
}
