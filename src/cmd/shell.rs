//! `noticec completions SHELL` and `noticec man`: the shell completions and manual pages, generated
//! from the clap definitions, so they never drift from the flags.

use std::path::Path;

use clap::CommandFactory;

use super::Result;
use crate::Outcome;
use crate::cli::{Cli, CompletionsArgs, ManArgs};

/// Prints the completion script for the shell.
pub(crate) fn completions(args: &CompletionsArgs) -> Result<Outcome> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "noticec", &mut script);
    super::print(&String::from_utf8_lossy(&script))?;
    Ok(Outcome::Clean)
}

/// Prints `noticec.1`, or writes it and one page per subcommand into `--out`.
pub(crate) fn man(args: &ManArgs) -> Result<Outcome> {
    let cmd = Cli::command();
    match &args.out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page)?;
            super::print(&String::from_utf8_lossy(&page))?;
        }
        Some(dir) => {
            let written = write_pages(cmd, dir)?;
            crate::say!("wrote {written} manual pages to `{}`", dir.display());
        }
    }
    Ok(Outcome::Clean)
}

/// Writes the page of `cmd` and of each of its subcommands (`noticec-check.1`) into `dir`; how many.
fn write_pages(cmd: clap::Command, dir: &Path) -> Result<usize> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the folder `{}`: {e}", dir.display()))?;
    let cmd = cmd.name("noticec");
    let mut pages = vec![cmd.clone()];
    pages.extend(
        cmd.get_subcommands()
            .filter(|s| s.get_name() != "help")
            .map(|s| {
                let name = format!("noticec-{}", s.get_name());
                s.clone().name(name)
            }),
    );
    for page in &pages {
        let path = dir.join(format!("{}.1", page.get_name()));
        let mut text = Vec::new();
        clap_mangen::Man::new(page.clone()).render(&mut text)?;
        std::fs::write(&path, text)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    }
    Ok(pages.len())
}
