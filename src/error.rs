//! Errors that stop a run (exit 2): the input could not be read, the output could not be written.
//! Problems in the notices themselves are [`crate::diagnostics::Diagnostic`]s, not errors.

use std::path::PathBuf;

/// Why a run could not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("cannot read `{path}`")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The input path is a directory or something else that is not a file.
    #[error("`{path}` is a directory, not a notices file")]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The input is larger than the limit.
    #[error(
        "`{path}` is {size} bytes, over the limit of {limit} bytes (raise it with `--max-input-bytes`)"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Rendering failed (a template error).
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// The outputs could not be written, or the output folder may not be replaced.
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
}
