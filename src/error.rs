//! Errors that stop a run (exit 2) inside the library: a template that cannot be rendered. Problems in
//! the notices themselves are [`crate::diagnostics::Diagnostic`]s, not errors; reading the input and
//! writing the outputs are the binary's, with its own errors.

/// Why a compile could not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Rendering failed (a template error).
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
}
