//! The code table: every code, structural (`E0xx`) or lint (`Nxxx`), is explained with a bad and a good
//! example, and the examples are real. Each is checked in-process with the library's `check_source`.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;

use noticec::diagnostics::Code;
use noticec::lint::LintOptions;
use noticec::load::{Limits, SourceFile};

/// The date every check treats as today, so rules about a notice's age give the same answer every day.
fn lint_options() -> LintOptions {
    LintOptions {
        today: common::today(),
        max_age_months: noticec::lint::DEFAULT_MAX_AGE_MONTHS,
        rules: noticec::lint::Selection::default(),
    }
}

/// The YAML examples in an explanation, in order.
fn yaml_blocks(markdown: &str) -> Vec<&str> {
    markdown
        .split("```yaml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or_default())
        .collect()
}

/// The codes a check of `bytes` reports.
fn reported(bytes: Vec<u8>, limits: &Limits) -> BTreeSet<Code> {
    let source = SourceFile {
        name: "example.yaml".to_owned(),
        bytes,
    };
    noticec::check_source(&source, limits, &lint_options())
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

/// The bytes of a structural code's bad example. The one exception: E002 is about files that are not
/// UTF-8, which a Markdown file cannot show, so its example is saved as Latin-1, as its text says.
fn bad_bytes(code: Code, example: &str) -> Vec<u8> {
    if code == Code::E002 {
        example
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("the E002 example is Latin-1 text"))
            .collect()
    } else {
        example.as_bytes().to_vec()
    }
}

/// The limits a code's examples are checked with. The one exception: E007's default limits (100,000
/// characters, 1,000 notices) are too large for an example, so it is checked with
/// `--max-string-chars 40`, as its text says.
fn limits(code: Code) -> Limits {
    match code {
        Code::E007 => Limits {
            max_string_chars: 40,
            ..Limits::DEFAULT
        },
        _ => Limits::DEFAULT,
    }
}

#[test]
fn every_structural_example_reports_exactly_its_code_and_the_fixed_one_none() {
    for &code in Code::ALL.iter().filter(|c| !c.is_lint()) {
        let blocks = yaml_blocks(code.explanation());
        let [bad, good] = blocks[..] else {
            panic!(
                "{code} shows {} YAML examples, not a bad and a good one",
                blocks.len()
            )
        };
        let structural = |codes: BTreeSet<Code>| -> Vec<Code> {
            codes.into_iter().filter(|c| !c.is_lint()).collect()
        };
        let limits = limits(code);
        assert_eq!(
            structural(reported(bad_bytes(code, bad), &limits)),
            vec![code],
            "{code}'s bad example:\n{bad}"
        );
        assert_eq!(
            structural(reported(good.as_bytes().to_vec(), &limits)),
            vec![],
            "{code}'s fixed example:\n{good}"
        );
    }
}

#[test]
fn every_code_is_explained_with_a_bad_and_a_good_example() {
    for &code in Code::ALL {
        let text = code.explain();
        assert!(
            text.starts_with(&format!("{code} {} (", code.name())),
            "explain {code} opens with the code and name:\n{text}"
        );
        let mut at = 0;
        for section in ["## What it finds", "## Why it matters", "## Example"] {
            let found = text[at..].find(section).unwrap_or_else(|| {
                panic!("explain {code} has no `{section}` after the one before:\n{text}")
            });
            at += found + section.len();
        }
        assert!(
            common::prose_words(&text) >= 40,
            "explain {code}: what it finds and why it matters take fewer than 40 words"
        );
        assert_eq!(
            yaml_blocks(&text).len(),
            2,
            "explain {code} shows a bad and a good example"
        );
    }
}

#[test]
fn the_binary_explains_every_code_by_code_and_by_name() {
    for &code in Code::ALL {
        for asked in [code.as_str(), code.name()] {
            let dir = tempfile::tempdir().expect("temporary folder");
            let run = common::noticec(dir.path(), &["explain", asked]);
            run.expect(0, &format!("explain {asked}"));
            assert_eq!(run.stdout, code.explain(), "explain {asked}");
        }
    }
}
