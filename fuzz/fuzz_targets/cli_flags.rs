//! Any argument vector given to the command line: clap parses it or refuses it, never panics, and a
//! parsed `check`, `build` or `report` runs the library with the options it names (limits, lint
//! settings, format) over a small notices file, rendering the diagnostics in the chosen format.
#![no_main]

mod common;

#[allow(dead_code, unreachable_pub)]
#[path = "../../src/cli.rs"]
mod cli;

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use noticec::diagnostics::{github, human, json, sarif, Format};
use noticec::lint::LintOptions;
use noticec::load::{Limits, SourceFile};

const NOTICES: &[u8] = include_bytes!("../../notices.yaml");

fuzz_target!(|args: Vec<String>| {
    let argv = std::iter::once("noticec".to_owned()).chain(args);
    let Ok(parsed) = cli::Cli::try_parse_from(argv) else { return };
    let d = match &parsed.command {
        cli::Command::Check(a) => &a.diagnostics,
        cli::Command::Build(a) => &a.diagnostics,
        cli::Command::Report(a) => &a.diagnostics,
        _ => return,
    };
    let limits = Limits {
        max_bytes: d.max_input_bytes,
        max_depth: d.max_depth,
        max_string_chars: d.max_string_chars,
        max_notices: d.max_notices,
    };
    let lint = LintOptions {
        today: d.today.unwrap_or(jiff::civil::date(2026, 11, 24)),
        max_age_months: d.max_age_months,
    };
    let source = SourceFile { name: "notices.yaml".into(), bytes: NOTICES.to_vec() };
    let checked = noticec::check_source(&source, &limits, &lint);
    let diagnostics = &checked.report.diagnostics;
    let text = match Format::from(d.format) {
        Format::Human => human::render(diagnostics, checked.source_text(), false),
        Format::Json => json::render(diagnostics),
        Format::Github => github::render(diagnostics),
        Format::Sarif => sarif::render(diagnostics),
    };
    assert!(!text.chars().any(common::forbidden));
});
