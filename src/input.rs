//! Reading the notices file: the one place the input touches the file system. The library takes the
//! bytes ([`noticec::load::SourceFile`]).

// Positions and sizes here come from the input: arithmetic on them is checked or saturating.
#![deny(clippy::arithmetic_side_effects)]

use std::path::{Path, PathBuf};

use noticec::load::{Limits, SourceFile};

/// Why the notices file could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The file could not be read.
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
}

/// The name diagnostics give standard input.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// Whether the path is `-`, standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a notices file, refusing directories and files over the size limit; `-` reads standard input.
pub(crate) fn read_source(path: &Path, limits: &Limits) -> Result<SourceFile, ReadError> {
    if is_stdin(path) {
        return read_stdin(limits);
    }
    let name = path.display().to_string();
    let io = |source| ReadError::Io {
        path: PathBuf::from(path),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: limits.max_bytes,
        });
    }
    // Devices and pipes report no size: read at most one byte past the limit, whatever the metadata says.
    // The room is made once, at the size the file reports: grown by doubling from nothing, a 100 MB
    // file was copied at every doubling and its discarded buffers (130 MB) stayed in the
    // process until the parse reused them.
    let expected = usize::try_from(meta.len()).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(expected);
    let file = std::fs::File::open(path).map_err(io)?;
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limits.max_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limits.max_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: read,
            limit: limits.max_bytes,
        });
    }
    Ok(SourceFile { name, bytes })
}

/// Reads standard input, at most one byte past the limit.
fn read_stdin(limits: &Limits) -> Result<SourceFile, ReadError> {
    let path = PathBuf::from(STDIN_NAME);
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::io::stdin().lock(), limits.max_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(|source| ReadError::Io {
        path: path.clone(),
        source,
    })?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limits.max_bytes {
        return Err(ReadError::TooLarge {
            path,
            size: read,
            limit: limits.max_bytes,
        });
    }
    Ok(SourceFile {
        name: STDIN_NAME.to_owned(),
        bytes,
    })
}
