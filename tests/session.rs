//! A session (the live preview's compiler) gives after every edit exactly what compiling the whole
//! file gives: the same diagnostics, typed notices and output bytes, whether it parsed one notice
//! or the whole file. Each case also says which it did, so a session that always compiled the whole
//! file would fail too.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "../examples/synth/generate.rs"]
mod generate;

use std::sync::Arc;

use noticec::render::{Catalogue, Output, Templates};
use noticec::session::{Pass, Session};

fn options() -> noticec::CompileOptions {
    noticec::CompileOptions {
        templates: Templates::builtin(),
        words: Catalogue::en_gb().unwrap(),
        limits: noticec::load::Limits::DEFAULT,
        lint: common::lint_options(),
        render: noticec::render::RenderLimits::DEFAULT,
        history: Vec::new(),
        reuse: None,
    }
}

fn source(text: &str) -> noticec::load::SourceFile {
    noticec::load::SourceFile {
        name: "notices.yaml".to_owned(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// The outputs of a compile for the next to take, as the preview keeps them: the PDFs are laid out
/// again only where their inputs changed, which keeps these tests quick (the bytes are the same).
fn reuse_of(outputs: &[Output]) -> Option<Arc<dyn noticec::render::Reuse>> {
    let record = |name: &str| {
        outputs
            .iter()
            .find(|o| o.path == name)
            .map(|o| String::from_utf8(o.bytes().unwrap().to_vec()).unwrap())
            .unwrap_or_default()
    };
    let kept: Vec<Output> = outputs.to_vec();
    let previous = noticec::render::Previous::new(
        &record(noticec::render::PRINT_INPUTS),
        move |path: &str| {
            kept.iter()
                .find(|o| o.path == path)
                .and_then(|o| o.bytes().cloned())
        },
    )
    .with_notices(&record(noticec::render::NOTICE_INPUTS))
    .trusted();
    Some(Arc::new(previous))
}

/// Compiles `text` in the session and as a whole, asserts they agree, and returns how the session
/// did it.
fn compile(session: &mut Session, opts: &mut noticec::CompileOptions, text: &str) -> Pass {
    let whole = noticec::compile_file(source(text), opts);
    let ours = session.compile(source(text), opts);
    let (ours, pass) = match (ours, whole) {
        (Ok(ours), Ok(whole)) => {
            let (a, b) = (
                &ours.0.checked.report.diagnostics,
                &whole.checked.report.diagnostics,
            );
            if let Some(at) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
                panic!(
                    "diagnostic {at} of {} (the whole file's: {}) differs:\n{:#?}\n{:#?}",
                    a.len(),
                    b.len(),
                    a.get(at),
                    b.get(at)
                );
            }
            assert_eq!(ours.0.checked.notices, whole.checked.notices, "notices");
            assert_eq!(
                ours.0.checked.source_text(),
                whole.checked.source_text(),
                "text"
            );
            let paths = |o: &[Output]| o.iter().map(|o| o.path.clone()).collect::<Vec<_>>();
            assert_eq!(paths(&ours.0.outputs), paths(&whole.outputs), "paths");
            for (a, b) in ours.0.outputs.iter().zip(&whole.outputs) {
                assert!(a == b, "the bytes of {}", a.path);
            }
            ours
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string());
            return Pass::Whole;
        }
        (a, b) => panic!(
            "the session gave {:?}, the whole file {:?}",
            a.map(|_| ()),
            b.map(|_| ())
        ),
    };
    if !ours.outputs.is_empty() {
        opts.reuse = reuse_of(&ours.outputs);
    }
    pass
}

/// `text` with the first `from` after `after` made `to`.
fn edit(text: &str, after: &str, from: &str, to: &str) -> String {
    let at = text.find(after).unwrap_or_else(|| panic!("no `{after}`"));
    let rel = text[at..]
        .find(from)
        .unwrap_or_else(|| panic!("no `{from}` after `{after}`"));
    let mut out = text.to_owned();
    out.replace_range(at + rel..at + rel + from.len(), to);
    out
}

#[test]
fn every_edit_gives_what_the_whole_file_gives() {
    let mut opts = options();
    let mut session = Session::new();
    let mut text = generate::notices(12, 1);
    assert_eq!(compile(&mut session, &mut opts, &text), Pass::Whole);
    // (what it finds, what it is made, how the session should compile it)
    let steps: Vec<(&str, &str, &str, Option<usize>)> = vec![
        // A title no other notice shows: that notice alone.
        (
            "id: \"iewm-9\"",
            "Privacy Notice (9)\"",
            "Privacy Notice (9, edited)\"",
            Some(1),
        ),
        // The title of a notice others name: it and the notices that name it.
        (
            "notices:\n",
            "title: \"LiveWest Customer Privacy Notice\"",
            "title: \"LiveWest Customer Notice\"",
            Some(6),
        ),
        // A right taken from a notice five others are read alongside, and inherit their rights
        // from: the lint findings of those others change too.
        (
            "notices:\n",
            "      - authority: \"ico\"\n        description: \"If you have any concerns",
            "      - authority: \"ico\"\n        x_description: \"If you have any concerns",
            Some(6),
        ),
        // Lines added inside a notice: the places after it move.
        (
            "id: \"live-well-kent-8\"",
            "    kind: ",
            "    version: \"Added\n      over two lines.\"\n    kind: ",
            Some(1),
        ),
        // A lint finding made: the last notice's review date long past.
        (
            "id: \"livewest-community-connectors-11\"",
            "    lawful_bases:",
            "    last_updated: \"2001-01-01\"\n    lawful_bases:",
            Some(1),
        ),
        // An unknown field.
        (
            "id: \"livewest-community-connectors-11\"",
            "    lawful_bases:",
            "    x_was: 1\n    lawful_bases:",
            None,
        ),
    ];
    let mut passes = Vec::new();
    for (after, from, to, _) in &steps {
        text = edit(&text, after, from, to);
        if to.contains("x_description") {
            // Not a field: the edit marks the entry, which is then taken out whole.
            let start = text.find(to).unwrap();
            let end = start + text[start..].find("right: \"complain\"\n").unwrap();
            text.replace_range(start..end + "right: \"complain\"\n".len(), "");
        }
        passes.push(compile(&mut session, &mut opts, &text));
    }
    // The last step wrote an unknown field: an error, found by the whole file.
    assert!(matches!(passes[5], Pass::Whole), "{passes:?}");
    for (pass, (_, _, _, again)) in passes.iter().zip(&steps).take(5) {
        match (pass, again) {
            (Pass::Notice { checked: n, .. }, Some(want)) => assert_eq!(n, want, "{passes:?}"),
            _ => panic!("{passes:?}"),
        }
    }
}

#[test]
fn edits_outside_one_notice_or_with_errors_compile_the_whole_file() {
    let mut opts = options();
    let mut session = Session::new();
    let text = generate::notices(6, 3);
    assert_eq!(compile(&mut session, &mut opts, &text), Pass::Whole);
    let cases = [
        // The shared parts.
        (
            "contacts:\n",
            "    name: ",
            "    name: \"Renamed\"\n    x_name: ",
            "an unknown field in a contact",
        ),
        (
            "organisations:\n",
            "id: \"ico\"",
            "id: \"ico\"",
            "unchanged",
        ),
        // An id that others name, now dangling.
        (
            "notices:\n",
            "id: \"livewest-customer\"",
            "id: \"livewest-customer-renamed\"",
            "a renamed notice",
        ),
        // A purpose's id repeated inside a notice.
        (
            "id: \"iewm\"",
            "id: \"professional-networks\"",
            "id: \"events\"",
            "a repeated purpose id",
        ),
        // An organisation that is not declared, named from inside a notice.
        (
            "id: \"iewm\"",
            "organisation: \"iewm\"",
            "organisation: \"nobody\"",
            "an unknown organisation",
        ),
        // Broken YAML inside a notice.
        (
            "id: \"iewm\"",
            "    kind: ",
            "    kind: [",
            "a bracket left open",
        ),
        // A second notice started inside one.
        (
            "id: \"iewm\"",
            "    kind: ",
            "  - id: \"another\"\n    kind: ",
            "a notice added",
        ),
    ];
    for (after, from, to, what) in cases {
        let edited = edit(&text, after, from, to);
        let pass = compile(&mut session, &mut opts, &edited);
        if what == "unchanged" {
            // The same text again: the notice that "changed" is found, and nothing differs.
            continue;
        }
        assert_eq!(pass, Pass::Whole, "{what}");
        // Back to the file that passed: whole again (the last compile had errors or was another
        // file), then one notice at a time.
        compile(&mut session, &mut opts, &text);
    }
    let title = edit(
        &text,
        "id: \"iewm\"",
        "Privacy Notice\"",
        "Privacy Notice, again\"",
    );
    assert!(matches!(
        compile(&mut session, &mut opts, &title),
        Pass::Notice {
            checked: 1,
            rendered: 1,
            ..
        }
    ));
}

/// Deterministic edits at every kind of place: one character put in or taken out, each compile
/// checked against the whole file's, then undone.
#[test]
fn small_edits_anywhere_give_what_the_whole_file_gives() {
    let mut opts = options();
    let mut session = Session::new();
    let text = generate::notices(5, 7);
    compile(&mut session, &mut opts, &text);
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % u64::try_from(n).unwrap()).unwrap()
    };
    let mut notices = 0;
    for _ in 0..24 {
        let mut at = next(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut edited = text.clone();
        match next(4) {
            0 => edited.insert(at, 'x'),
            1 => edited.insert(at, '\n'),
            2 => edited.insert_str(at, "  "),
            _ => {
                if let Some(c) = edited[at..].chars().next() {
                    edited.replace_range(at..at + c.len_utf8(), "");
                }
            }
        }
        if matches!(
            compile(&mut session, &mut opts, &edited),
            Pass::Notice { .. }
        ) {
            notices += 1;
        }
        compile(&mut session, &mut opts, &text);
    }
    // Most edits land inside a notice's text, and many leave it valid.
    assert!(notices > 0, "no edit was compiled one notice at a time");
}

/// With a history (in a git repository), each notice has a change log: an edit to one notice is still
/// compiled from the last build, and its change log, and no other, made again.
#[test]
fn change_logs_are_made_again_for_the_edited_notice() {
    let text = generate::notices(5, 2);
    let tree = |text: &str| {
        noticec::load::parse(&source(text), &noticec::load::Limits::DEFAULT)
            .unwrap()
            .value
    };
    let older = edit(
        &text,
        "id: \"iewm\"",
        "    kind: ",
        "    version: \"0.9\"\n    kind: ",
    );
    let mut opts = options();
    opts.history = vec![
        noticec::diff::log::Revision {
            commit: "a".repeat(40),
            date: "2025-01-02".parse().unwrap(),
            value: tree(&older),
        },
        noticec::diff::log::Revision {
            commit: "b".repeat(40),
            date: "2025-06-02".parse().unwrap(),
            value: tree(&text),
        },
    ];
    let mut session = Session::new();
    assert_eq!(compile(&mut session, &mut opts, &text), Pass::Whole);
    let edited = edit(
        &text,
        "id: \"iewm\"",
        "    kind: ",
        "    version: \"2.0\"\n    kind: ",
    );
    assert!(matches!(
        compile(&mut session, &mut opts, &edited),
        Pass::Notice { rendered: 1, .. }
    ));
    let log = session
        .last()
        .outputs
        .iter()
        .find(|o| o.path == "iewm/changes.html")
        .map(|o| String::from_utf8(o.bytes().unwrap().to_vec()).unwrap())
        .expect("a change log");
    assert!(log.contains("2.0") && log.contains("0.9"), "{log}");
    // Another history: the whole file again.
    opts.history.pop();
    assert_eq!(compile(&mut session, &mut opts, &edited), Pass::Whole);
}
