//! The printed outputs: `notice.pdf` and the consent forms as PDF, laid out by the Typst templates in
//! `templates/print/` and compiled in memory with Typst as a library.
//!
//! Nothing from a notice is ever Typst source. The templates read the notice's view, serialised to
//! JSON, from the virtual file `/data.json` with `json(..)`, and a string read that way is set as text,
//! never evaluated as markup. The compiler sees only the templates, that file and the fonts embedded in
//! the binary: no system fonts, no packages, no network, and no clock (`today()` is `none`), so the
//! same notice always gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, PoisonError};

use sha2::{Digest, Sha256};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World, WorldExt as _};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::{RenderError, Templates};

/// The fonts every PDF is set in: Atkinson Hyperlegible (SIL Open Font License 1.1), see
/// `fonts/atkinson-hyperlegible/README.md`.
const FONT_FILES: &[&[u8]] = &[
    include_bytes!("../../fonts/atkinson-hyperlegible/AtkinsonHyperlegible-Regular.ttf"),
    include_bytes!("../../fonts/atkinson-hyperlegible/AtkinsonHyperlegible-Bold.ttf"),
    include_bytes!("../../fonts/atkinson-hyperlegible/AtkinsonHyperlegible-Italic.ttf"),
    include_bytes!("../../fonts/atkinson-hyperlegible/AtkinsonHyperlegible-BoldItalic.ttf"),
];

/// The path the templates read the data from.
const DATA_PATH: &str = "/data.json";

/// The parsed fonts and their book, made once.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The templates parsed so far, by file id, each with the text it was parsed from: a template is
/// parsed once, not once per PDF, and parsed again only when its text changes (`serve` reads the
/// templates folder anew at each build).
static SOURCES: LazyLock<Mutex<HashMap<FileId, Source>>> = LazyLock::new(Mutex::default);

/// Whether the embedded regular font has a glyph for `c`.
fn covered(c: char) -> bool {
    FONTS
        .fonts
        .first()
        .is_some_and(|f| f.info().coverage.contains(c as u32))
}

/// `text` with every character the embedded fonts cannot show replaced by `?`, and control
/// characters other than line breaks dropped: a PDF/UA document may not show the `.notdef` glyph, and
/// text in a script the fonts lack would otherwise print as empty boxes.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .map(|c| {
            if c == '\n' || c == ' ' || covered(c) {
                c
            } else if c.is_whitespace() {
                ' '
            } else if is_invisible(c) {
                '\u{0}'
            } else {
                '?'
            }
        })
        .filter(|c| *c != '\u{0}')
        .collect()
}

/// Format characters that take no room (joiners, direction marks, variation selectors): dropped.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// Every string in `value`, made [`printable`].
pub fn make_printable(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = printable(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(make_printable),
        serde_json::Value::Object(map) => map.values_mut().for_each(make_printable),
        _ => {}
    }
}

/// How often (every so many PDFs, on any thread) memoised results are aged, and those not used since
/// the last time dropped: a result lives for 4 to 8 PDFs after it was last used.
const EVICT_EVERY: usize = 4;

/// The PDFs made so far by this process, to age memoised results every [`EVICT_EVERY`].
static MADE: AtomicUsize = AtomicUsize::new(0);

/// One compilation: the templates, the data and the fonts.
struct PrintWorld<'a> {
    templates: &'a Templates,
    main: FileId,
    data: Bytes,
}

fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl PrintWorld<'_> {
    /// The template behind a file id (`print/form.typ`), if it is one of the templates.
    fn template(&self, id: FileId) -> FileResult<String> {
        let path = id.get();
        if !matches!(path.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let name = path.vpath().get_without_slash();
        match self.templates.source(name) {
            Ok(Some(source)) => Ok(source),
            Ok(None) => Err(FileError::NotFound(name.into())),
            Err(reason) => Err(FileError::Other(Some(reason.into()))),
        }
    }
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let text = self.template(id)?;
        let mut sources = SOURCES.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(source) = sources.get(&id).filter(|source| source.text() == text) {
            return Ok(source.clone());
        }
        let source = Source::new(id, text);
        sources.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if Some(id) == file_id(DATA_PATH) {
            return Ok(self.data.clone());
        }
        self.template(id).map(Bytes::from_string)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Lays out template `name` (`print/form.typ`) with `data` (which the template reads as
/// `json("/data.json")`) and exports it as a tagged PDF/UA-1 document, A4 as the template sets it,
/// without a timestamp and with a document id made from `ident`.
pub fn render_pdf(
    templates: &Templates,
    name: &str,
    data: &serde_json::Value,
    ident: &str,
) -> Result<Vec<u8>, RenderError> {
    let fail = |message: String| RenderError::Print {
        name: name.to_owned(),
        message,
    };
    let main = file_id(&format!("/{name}")).ok_or_else(|| fail("not a valid path".into()))?;
    let mut data = data.clone();
    make_printable(&mut data);
    let json = serde_json::to_vec(&data).map_err(|e| fail(e.to_string()))?;
    let world = PrintWorld {
        templates,
        main,
        data: Bytes::new(json),
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| fail(describe(&world, &errors)))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| fail(format!("{e:?}")))?;
    let options = PdfOptions {
        ident: Smart::Custom(super::hex(&Sha256::digest(ident.as_bytes()))),
        creator: Smart::Custom(Some(format!("noticec {}", env!("CARGO_PKG_VERSION")))),
        timestamp: None,
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| fail(describe(&world, &errors)));
    // Typst memoises work between compilations. What every notice shares (the parsed templates, the
    // template's regular expressions, the fonts' shaping) is used again at once and stays; a notice's
    // own layout is not, and is dropped a few PDFs later, so a build of many notices does not keep
    // every document's layout in memory to the end. (Dropping everything after each PDF made each
    // one compile its regular expressions and templates again: keeping them took a 1,000-notice
    // build from 39.5 s to 36.0 s.) Aging walks the whole cache, so it is done every few PDFs.
    if MADE.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
        typst::comemo::evict(1);
    }
    pdf
}

/// The errors of a compilation, one per line, each with its template and line where it has one.
fn describe(world: &PrintWorld<'_>, errors: &[SourceDiagnostic]) -> String {
    let lines: Vec<String> = errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let place = d.span.id().and_then(|id| {
                let source = world.source(id).ok()?;
                let range = world.range(d.span)?;
                let line = source.lines().byte_to_line(range.start)? + 1;
                Some(format!("{}:{line}: ", id.get().vpath().get_without_slash()))
            });
            let hints = d.hints.iter().fold(String::new(), |mut out, h| {
                // Writing to a `String` cannot fail.
                let _ = write!(out, " (hint: {})", h.v);
                out
            });
            format!("{}{}{hints}", place.unwrap_or_default(), d.message)
        })
        .collect();
    lines.join("; ")
}
