//! `noticec.toml`: a project's defaults for the notices file, the output and templates folders, the
//! rules and the review period, found by walking up from the current folder, as cargo and ruff find
//! theirs. Flags given on the command line override it; `--config FILE` names one, `--isolated` ignores
//! every one.
//!
//! ```toml
//! file = "notices.yaml"
//! out = "out"
//! templates = "templates"
//! deny = ["warnings"]
//! select = ["N"]
//! ignore = ["N701"]
//! max-age-months = 12
//! ```
//!
//! Paths in it are relative to the folder it is in.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The name of the file.
pub(crate) const FILE_NAME: &str = "noticec.toml";

/// The largest configuration file read: a real one is a few hundred bytes.
const MAX_BYTES: u64 = 64 * 1024;

/// The contents of a `noticec.toml`, every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Config {
    /// The notices file.
    pub file: Option<PathBuf>,
    /// The output folder of `build`.
    pub out: Option<PathBuf>,
    /// The templates folder of `build`.
    pub templates: Option<PathBuf>,
    /// What fails the run besides errors: `["warnings"]`.
    pub deny: Option<Vec<DenyName>>,
    /// The lint rules that run (codes, names, prefixes, `ALL`).
    pub select: Option<Vec<String>>,
    /// The lint rules left out.
    pub ignore: Option<Vec<String>>,
    /// The review period of rule N701, in months.
    pub max_age_months: Option<i32>,
}

/// The values `deny` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum DenyName {
    /// Warnings fail the run.
    Warnings,
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ConfigError {
    /// It could not be read.
    #[error("cannot read `{path}`")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// It is larger than any real configuration.
    #[error("`{path}` is over {MAX_BYTES} bytes: is it really a noticec configuration?")]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// It is not valid TOML, or has a key or value noticec does not know.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The line of the problem, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// A configuration and the folder its paths are relative to.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The file it was read from; `None` when there is none.
    pub path: Option<PathBuf>,
    /// Its contents (all defaults when there is no file).
    pub config: Config,
}

impl Found {
    /// A path from the configuration, made relative to the folder the file is in.
    pub(crate) fn resolve(&self, path: &Path) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) if path.is_relative() && !dir.as_os_str().is_empty() => dir.join(path),
            _ => path.to_path_buf(),
        }
    }

    /// The notices file it names, resolved.
    pub(crate) fn file(&self) -> Option<PathBuf> {
        self.config.file.as_deref().map(|p| self.resolve(p))
    }
}

/// Finds and reads the configuration: `explicit` when given, none when `isolated`, else the first
/// `noticec.toml` in the current folder or a folder above it.
pub(crate) fn find(explicit: Option<&Path>, isolated: bool) -> Result<Found, ConfigError> {
    if let Some(path) = explicit {
        return read(path);
    }
    if isolated {
        return Ok(Found::default());
    }
    let Ok(cwd) = std::env::current_dir() else {
        return Ok(Found::default());
    };
    for dir in cwd.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            // Shown relative to the current folder when it is in it, as the user would type it.
            let shown = candidate
                .strip_prefix(&cwd)
                .map_or_else(|_| candidate.clone(), Path::to_path_buf);
            return read(&shown);
        }
    }
    Ok(Found::default())
}

/// Reads and parses one configuration file.
fn read(path: &Path) -> Result<Found, ConfigError> {
    let io = |source| ConfigError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_BYTES {
        return Err(ConfigError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    let config = parse(&text).map_err(|(offset, message)| {
        let (line, column) = line_column(&text, offset);
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    Ok(Found {
        path: Some(path.to_path_buf()),
        config,
    })
}

/// Parses the text; on failure, the byte offset of the problem and the message.
fn parse(text: &str) -> Result<Config, (usize, String)> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        (offset, e.message().trim_end().to_owned())
    })?;
    if let Some(months) = config.max_age_months
        && !(1..=1200).contains(&months)
    {
        let offset = text.find("max-age-months").unwrap_or(0);
        return Err((
            offset,
            format!("max-age-months is {months}: expected a whole number of months from 1 to 1200"),
        ));
    }
    Ok(config)
}

/// The line and column (both from 1, the column in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count().saturating_add(1);
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        .saturating_add(1);
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read() {
        let text = "file = \"n.yaml\"\nout = \"site\"\ntemplates = \"t\"\ndeny = [\"warnings\"]\nselect = [\"N4\"]\nignore = [\"N401\"]\nmax-age-months = 6\n";
        let Ok(c) = parse(text) else { panic!("parses") };
        assert_eq!(c.file.as_deref(), Some(Path::new("n.yaml")));
        assert_eq!(c.deny, Some(vec![DenyName::Warnings]));
        assert_eq!(c.max_age_months, Some(6));
    }

    #[test]
    fn a_misspelt_key_is_located() {
        let Err((offset, message)) = parse("file = \"n.yaml\"\nslect = [\"N4\"]\n") else {
            panic!("refused")
        };
        assert_eq!(
            line_column("file = \"n.yaml\"\nslect = [\"N4\"]\n", offset),
            (2, 1)
        );
        assert!(message.contains("slect"), "{message}");
        assert!(message.contains("select"), "{message}");
    }

    #[test]
    fn out_of_range_and_wrong_types_are_refused() {
        assert!(parse("max-age-months = 0\n").is_err());
        assert!(parse("max-age-months = \"12\"\n").is_err());
        assert!(parse("deny = [\"errors\"]\n").is_err());
        assert!(parse("file = 3\n").is_err());
    }

    #[test]
    fn relative_paths_follow_the_file() {
        let found = Found {
            path: Some(PathBuf::from("project/noticec.toml")),
            config: Config::default(),
        };
        assert_eq!(
            found.resolve(Path::new("out")),
            PathBuf::from("project/out")
        );
        assert_eq!(found.resolve(Path::new("/abs")), PathBuf::from("/abs"));
        let here = Found {
            path: Some(PathBuf::from("noticec.toml")),
            config: Config::default(),
        };
        assert_eq!(here.resolve(Path::new("out")), PathBuf::from("out"));
    }
}
