//! Input that once broke the promises on the way out: a typo with a character beyond ASCII in a
//! patterned value, control characters in the text a diagnostic quotes, an email address that would
//! add recipients to a `mailto:` link, and notice ids that name no folder on Windows. Every one gets a
//! located answer through the real binary, never a panic, and no output carries a raw control character.

// Tests may panic: a failed unwrap or expect in a helper is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::string_slice,
    clippy::indexing_slicing
)]

mod common;

use common::{dir_with, noticec};

/// A notices file with one organisation, one contact and one notice, with `field` of `what` set to
/// `value` (a YAML scalar as written).
fn file_with(what: &str, field: &str, value: &str) -> String {
    let org = if what == "organisation" {
        format!("    {field}: {value}\n")
    } else {
        String::new()
    };
    let notice = if what == "notice" {
        format!("    {field}: {value}\n")
    } else {
        String::new()
    };
    format!(
        "organisations:\n  - id: acme\n    name: Acme\n{org}contacts:\n  - id: dpo\n    name: DPO\n    organisation: acme\n    role: data_protection_officer\n\
         notices:\n  - id: main\n    title: Main\n    version: \"1\"\n    kind: main\n{notice}"
    )
}

/// Characters beyond ASCII that a typo or a paste puts in a value: an accented letter, a zero-width
/// space, an emoji and a combining mark.
const ODD: &[&str] = &["é", "\u{200b}", "😀", "e\u{301}"];

#[test]
fn non_ascii_typos_in_patterned_values_are_reported_not_panicked_on() {
    let places: &[(&str, &str, &str)] = &[
        (
            "organisation",
            "address",
            "{lines: [1 High Street], town: Exeter, postcode: \"EX5 2{}FZ\"}",
        ),
        (
            "organisation",
            "address",
            "{lines: [1 High Street], town: Exeter, postcode: \"EX52FZ{}\"}",
        ),
        (
            "organisation",
            "address",
            "{lines: [1 High Street], town: Exeter, postcode: \"{}EX5 2FZ\"}",
        ),
        ("organisation", "phone", "\"0300 123{} 8080\""),
        ("organisation", "email", "\"dpo{}@example.org\""),
        ("organisation", "website", "\"https://exa mple{}.org\""),
        ("organisation", "ico_registration", "\"Z12345{}7\""),
        ("organisation", "id", "\"ac{}me\""),
        ("notice", "last_updated", "\"2026-1{}-01\""),
        ("notice", "language", "\"en-G{}\""),
        ("notice", "url", "\"https://{}\""),
    ];
    for (what, field, template) in places {
        for odd in ODD {
            let value = template.replace("{}", odd);
            let dir = dir_with(&[("notices.yaml", file_with(what, field, &value))]);
            let run = noticec(dir.path(), &["check", "--format", "json"]);
            // An address may hold letters beyond ASCII (RFC 6531): `dpoé@example.org` is a mailbox, and
            // `https://é` an internationalised domain name.
            if matches!(*field, "email" | "url") && run.code == Some(0) {
                continue;
            }
            assert_eq!(
                run.code,
                Some(1),
                "{field}: {value:?}\nstderr:\n{}",
                run.stderr
            );
            let errors = run.json();
            let located = errors
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["severity"] == "error" && d["line"].as_u64().is_some_and(|l| l > 1));
            assert!(
                located,
                "{field}: {value:?} gives no located error: {errors:#}"
            );
        }
    }
}

/// Whether `c` may not reach an output raw: C0 and C1 controls and DEL other than line feed and tab,
/// and the bidirectional overrides and isolates.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Every character [`forbidden`] names, but carriage return and the C0 controls YAML itself refuses
/// raw (those go in as escapes).
fn hostile_chars() -> Vec<char> {
    (0u32..=0x9f)
        .chain(0x202a..=0x202e)
        .chain(0x2066..=0x2069)
        .filter_map(char::from_u32)
        .filter(|&c| forbidden(c))
        .collect()
}

#[test]
fn no_diagnostic_format_carries_a_raw_control_character() {
    for c in hostile_chars() {
        let escaped = format!("\\u{:04X}", c as u32);
        // In a quoted value (every text field refuses it and quotes it back), in an unknown key, in a
        // value that must be an id (the "did you mean" fix quotes it too), and, where YAML allows the
        // character raw, in a key as written, so the quoted source line carries it.
        let raw_key = if c.is_ascii_control() || c == '\u{85}' {
            String::new()
        } else {
            format!("    raw{c}key: 1\n")
        };
        let yaml = format!(
            "organisations:\n  - id: \"ac{escaped}me\"\n    name: \"Ac{escaped}me\"\n    email: \"a{escaped}b@example.org\"\n\
             notices:\n  - id: main\n    title: \"Main {escaped} title\"\n    version: \"1\"\n    kind: main\n    \
             \"un{escaped}known\": 1\n{raw_key}    summary: \"x{escaped}\"\n    parties:\n      - organisation: \"ac{escaped}m\"\n"
        );
        let dir = dir_with(&[("notices.yaml", yaml)]);
        for format in ["human", "json", "github", "sarif"] {
            let run = noticec(
                dir.path(),
                &["check", "--format", format, "--color", "never"],
            );
            assert_eq!(
                run.code,
                Some(1),
                "U+{:04X} {format}: {}",
                c as u32,
                run.stderr
            );
            for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                if let Some(bad) = text.chars().find(|&c| forbidden(c)) {
                    panic!(
                        "U+{:04X} in the input: {format} {stream} carries U+{:04X}:\n{text}",
                        c as u32, bad as u32
                    );
                }
            }
        }
        // Nothing is built from such a file, so no output can carry the character either.
        let run = noticec(dir.path(), &["build", "--out", "out"]);
        assert_eq!(run.code, Some(1), "build: {}", run.stderr);
        assert!(!dir.path().join("out").exists(), "build wrote out/");
    }
}

#[test]
fn an_email_address_that_would_add_to_a_mailto_link_is_refused_where_it_is_written() {
    for address in [
        "dpo?bcc=spy%40evil.example&x=1@example.org",
        "dpo#x@example.org",
        "a/b@example.org",
        "\\\"a b\\\"@example.org",
    ] {
        let yaml = file_with("organisation", "email", &format!("\"{address}\""));
        let dir = dir_with(&[("notices.yaml", yaml)]);
        let run = noticec(dir.path(), &["check", "--format", "json"]);
        assert_eq!(run.code, Some(1), "{address}: {}", run.stderr);
        let d = run.json();
        let e024 = d.as_array().unwrap().iter().find(|d| d["code"] == "E024");
        let e024 = e024.unwrap_or_else(|| panic!("{address}: no E024 in {d:#}"));
        assert_eq!(e024["line"], 4, "{address}: {e024:#}");
        let run = noticec(dir.path(), &["build", "--out", "out"]);
        assert_eq!(run.code, Some(1), "{address}: {}", run.stderr);
        assert!(!dir.path().join("out").exists());
    }
}

#[test]
fn notice_ids_that_windows_keeps_for_devices_are_refused() {
    for id in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"] {
        let yaml =
            format!("notices:\n  - id: {id}\n    title: T\n    version: \"1\"\n    kind: main\n");
        let dir = dir_with(&[("notices.yaml", yaml)]);
        let run = noticec(dir.path(), &["check"]);
        assert_eq!(run.code, Some(1), "{id}: {}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("`{id}` cannot name a folder on Windows"))
                && run.stderr.contains("notices.yaml:2:9"),
            "{id}: {}",
            run.stderr
        );
    }
    for id in ["console", "com10", "lpt", "auxiliary", "nul-notice"] {
        let yaml =
            format!("notices:\n  - id: {id}\n    title: T\n    version: \"1\"\n    kind: main\n");
        let dir = dir_with(&[("notices.yaml", yaml)]);
        noticec(dir.path(), &["check"]).expect(0, id);
    }
}
