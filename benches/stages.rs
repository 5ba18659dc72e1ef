//! Each stage of the pipeline on 1, 100 and 1,000 generated notices (`cargo bench --bench stages`):
//! load (YAML to a located tree), validate (schema and values, to typed notices), lint, and render,
//! with the web page, plain text and JSON-LD of every notice (the PDFs of an earlier build reused, as
//! in a rebuild), plain text alone, and the PDFs laid out (1 and 100 notices: a thousand take half a
//! minute an iteration). Writing files is measured whole-run by `bench/compare.sh`, against `cp -r`.
//!
//! Criterion reports each stage's time and throughput in notices a second; nothing here asserts a time.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use noticec::diagnostics::Report;
use noticec::load::{Limits, SourceFile};
use noticec::render::{Catalogue, Output, PRINT_INPUTS, Previous, RenderLimits, Templates};

#[path = "../examples/synth/generate.rs"]
mod generate;

const SIZES: &[usize] = &[1, 100, 1000];

fn limits() -> Limits {
    Limits {
        max_notices: 1_000_000,
        max_bytes: 1 << 30,
        ..Limits::DEFAULT
    }
}

fn lint_options() -> noticec::lint::LintOptions {
    noticec::lint::LintOptions {
        today: jiff::civil::date(2026, 11, 24),
        max_age_months: noticec::lint::DEFAULT_MAX_AGE_MONTHS,
        rules: noticec::lint::Selection::default(),
    }
}

fn source(n: usize) -> SourceFile {
    SourceFile {
        name: format!("notices-{n}.yaml"),
        bytes: generate::notices(n, 1).into_bytes(),
    }
}

/// The PDFs of `outputs` (recorded in its `PRINT_INPUTS`), for a render that reuses them.
fn previous(outputs: &[Output]) -> Arc<dyn noticec::render::Reuse> {
    let recorded = outputs
        .iter()
        .find(|o| o.path == PRINT_INPUTS)
        .map(|o| String::from_utf8(o.bytes().unwrap().to_vec()).unwrap())
        .unwrap_or_default();
    let pdfs: std::collections::HashMap<String, bytes::Bytes> = outputs
        .iter()
        .map(|o| (o.path.clone(), o.bytes().unwrap().clone()))
        .collect();
    Arc::new(Previous::new(&recorded, move |path: &str| {
        pdfs.get(path).cloned()
    }))
}

fn stages(c: &mut Criterion) {
    let limits = limits();
    let lint = lint_options();
    let words = Catalogue::en_gb().unwrap();
    let templates = Templates::builtin();
    let render_limits = RenderLimits {
        max_print_chars: 1 << 30,
    };
    for &n in SIZES {
        let source = source(n);
        let doc = noticec::load::parse(&source, &limits).unwrap();
        let file = noticec::validate::check(&doc, &mut Report::default()).unwrap();
        let mut group = c.benchmark_group(format!("{n} notices"));
        group.throughput(Throughput::Elements(u64::try_from(n).unwrap()));
        if n >= 100 {
            group.sample_size(10);
        }
        group.bench_function("load", |b| {
            b.iter(|| noticec::load::parse(black_box(&source), &limits).unwrap());
        });
        group.bench_function("validate", |b| {
            b.iter(|| noticec::validate::check(black_box(&doc), &mut Report::default()).unwrap());
        });
        group.bench_function("lint", |b| {
            b.iter(|| {
                let mut report = Report::default();
                noticec::lint::run(black_box(&file), &doc, &lint, &mut report);
                report
            });
        });
        group.bench_function("check (load, validate, lint)", |b| {
            b.iter(|| noticec::check_source(black_box(&source), &limits, &lint));
        });
        group.bench_function("render text", |b| {
            b.iter(|| {
                for notice in &file.notices {
                    noticec::render::notice_text(&file, notice.id.as_str(), &templates, &words)
                        .unwrap();
                }
            });
        });
        if n <= 100 {
            group.bench_function(BenchmarkId::new("render with PDFs laid out", n), |b| {
                b.iter(|| {
                    noticec::render::render_within(&file, &templates, &words, &render_limits)
                        .unwrap()
                });
            });
        }
        let first =
            noticec::render::render_within(&file, &templates, &words, &render_limits).unwrap();
        let reuse = previous(&first);
        group.bench_function("render web, text and JSON-LD (PDFs reused)", |b| {
            b.iter_batched(
                || Arc::clone(&reuse),
                |reuse| {
                    noticec::render::render_reusing(
                        &file,
                        &templates,
                        &words,
                        &render_limits,
                        None,
                        Some(reuse.as_ref()),
                    )
                    .unwrap()
                },
                BatchSize::SmallInput,
            );
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
