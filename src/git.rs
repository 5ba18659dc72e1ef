//! The history of the notices file, read from its git repository with libgit2 (never by running `git`
//! and parsing its output): one revision of the file, or every version of it along the first-parent
//! history, following renames.

use std::path::{Path, PathBuf};

use git2::{DiffFindOptions, DiffOptions, ObjectType, Oid, Repository, Sort};

use noticec::load::SourceFile;

/// The most commits the history walk visits, and the most versions of the file it reads: far more than
/// a notices file gathers, and a bound on the time a run takes.
const MAX_COMMITS: usize = 100_000;
const MAX_VERSIONS: usize = 5_000;

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum GitError {
    /// The file is not in a git repository.
    #[error("`{0}` is not in a git repository, so it has no history to read")]
    NoRepository(PathBuf, #[source] git2::Error),
    /// A revision could not be found.
    #[error("`{rev}` is not a revision of this repository (a commit, branch, tag or `HEAD~1`)")]
    BadRevision {
        /// The revision as given.
        rev: String,
        /// libgit2's reason.
        #[source]
        source: git2::Error,
    },
    /// The file is not in the revision, under its name or an earlier one.
    #[error("`{path}` is not in `{rev}`, under this name or an earlier one")]
    NotInRevision {
        /// The path in the repository.
        path: String,
        /// The revision.
        rev: String,
    },
    /// The file at the revision is larger than the limit.
    #[error(
        "`{label}` is {size} bytes, over the limit of {limit} bytes (raise it with `--max-input-bytes`)"
    )]
    TooLarge {
        /// The revision and path.
        label: String,
        /// Its size.
        size: usize,
        /// The limit.
        limit: u64,
    },
    /// Anything else libgit2 reports.
    #[error("reading the git history failed")]
    Git(#[from] git2::Error),
}

/// One committed version of the notices file.
#[derive(Debug, Clone)]
pub(crate) struct Version {
    /// The commit's full id.
    pub(crate) commit: String,
    /// The committer's date, in UTC.
    pub(crate) date: jiff::civil::Date,
    /// The commit message's first line.
    pub(crate) summary: String,
    /// The file's path in that commit.
    pub(crate) path: String,
    /// The file as it was.
    pub(crate) source: SourceFile,
}

/// The repository that holds a notices file, and the file's path inside it.
pub(crate) struct History {
    repo: Repository,
    path: String,
}

impl History {
    /// Opens the repository around `file` (which need not exist in the working tree).
    pub(crate) fn open(file: &Path) -> Result<History, GitError> {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let dir = absolute.parent().unwrap_or(Path::new("."));
        let repo =
            Repository::discover(dir).map_err(|e| GitError::NoRepository(file.to_path_buf(), e))?;
        let workdir = repo
            .workdir()
            .map(|w| std::fs::canonicalize(w).unwrap_or_else(|_| w.to_path_buf()));
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let name = absolute.file_name().map(PathBuf::from).unwrap_or_default();
        let relative = workdir
            .and_then(|w| dir.strip_prefix(w).ok().map(|d| d.join(&name)))
            .unwrap_or(name);
        let path = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(History { repo, path })
    }

    /// Whether the repository holds only part of its history (a shallow clone): versions older than
    /// its oldest commit cannot be read.
    pub(crate) fn is_shallow(&self) -> bool {
        self.repo.is_shallow()
    }

    /// The file's path in the repository.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// The file as it is in revision `rev` (`HEAD~1`, `v1.2`, a commit id), under its present name or,
    /// if it was renamed since, the name it had then.
    pub(crate) fn read(&self, rev: &str, max_bytes: u64) -> Result<Version, GitError> {
        let commit = self
            .repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map_err(|source| GitError::BadRevision {
                rev: rev.to_owned(),
                source,
            })?;
        let path = match commit.tree()?.get_path(Path::new(&self.path)) {
            Ok(_) => self.path.clone(),
            Err(_) => self
                .path_at(commit.id())?
                .ok_or_else(|| GitError::NotInRevision {
                    path: self.path.clone(),
                    rev: rev.to_owned(),
                })?,
        };
        let label = format!("{rev}:{path}");
        self.version(&commit, &path, label, max_bytes)?
            .ok_or_else(|| GitError::NotInRevision {
                path: self.path.clone(),
                rev: rev.to_owned(),
            })
    }

    /// The name the file had in commit `id`, following renames back from `HEAD`.
    fn path_at(&self, id: Oid) -> Result<Option<String>, GitError> {
        let mut found = None;
        self.walk(|commit, path| {
            if commit.id() == id {
                found = Some(path.to_owned());
                return Ok(false);
            }
            Ok(true)
        })?;
        Ok(found)
    }

    /// Every version of the file along the first-parent history of `HEAD`, newest first: each commit
    /// that changed it, under the name it had then.
    pub(crate) fn versions(&self, max_bytes: u64) -> Result<Vec<Version>, GitError> {
        let mut changed = Vec::new();
        self.walk(|commit, path| {
            let here = blob_at(commit, path);
            let before = commit.parent(0).ok().and_then(|p| {
                blob_at(&p, path).or_else(|| {
                    renamed_from(&self.repo, &p, commit, path).and_then(|old| blob_at(&p, &old))
                })
            });
            if here.is_some() && here != before {
                changed.push((commit.id(), path.to_owned()));
            }
            Ok(changed.len() < MAX_VERSIONS)
        })?;
        let mut versions = Vec::new();
        for (id, path) in changed {
            let commit = self.repo.find_commit(id)?;
            let label = format!("{}:{path}", short(&id.to_string()));
            if let Some(v) = self.version(&commit, &path, label, max_bytes)? {
                versions.push(v);
            }
        }
        Ok(versions)
    }

    /// Walks the first-parent history of `HEAD`, newest first, with the file's name in each commit;
    /// stops where the file did not exist yet, or when `each` returns false.
    fn walk(
        &self,
        mut each: impl FnMut(&git2::Commit<'_>, &str) -> Result<bool, GitError>,
    ) -> Result<(), GitError> {
        let mut walk = self.repo.revwalk()?;
        walk.push_head()?;
        walk.simplify_first_parent()?;
        walk.set_sorting(Sort::TOPOLOGICAL)?;
        let mut path = self.path.clone();
        for id in walk.take(MAX_COMMITS) {
            let commit = self.repo.find_commit(id?)?;
            if blob_at(&commit, &path).is_none() {
                break;
            }
            if !each(&commit, &path)? {
                break;
            }
            if let Ok(parent) = commit.parent(0)
                && blob_at(&parent, &path).is_none()
            {
                match renamed_from(&self.repo, &parent, &commit, &path) {
                    Some(old) => path = old,
                    None => break,
                }
            }
        }
        Ok(())
    }

    fn version(
        &self,
        commit: &git2::Commit<'_>,
        path: &str,
        label: String,
        max_bytes: u64,
    ) -> Result<Option<Version>, GitError> {
        let Some(id) = blob_at(commit, path) else {
            return Ok(None);
        };
        let blob = self.repo.find_blob(id)?;
        if u64::try_from(blob.size()).unwrap_or(u64::MAX) > max_bytes {
            return Err(GitError::TooLarge {
                label,
                size: blob.size(),
                limit: max_bytes,
            });
        }
        let seconds = commit.committer().when().seconds();
        let epoch = jiff::civil::date(1970, 1, 1);
        let date = jiff::Span::new()
            .try_days(seconds.div_euclid(86_400))
            .ok()
            .and_then(|days| epoch.checked_add(days).ok())
            .unwrap_or(epoch);
        Ok(Some(Version {
            commit: commit.id().to_string(),
            date,
            summary: commit.summary().unwrap_or_default().to_owned(),
            path: path.to_owned(),
            source: SourceFile {
                name: label,
                bytes: blob.content().to_vec(),
            },
        }))
    }
}

fn short(id: &str) -> &str {
    id.get(..10).unwrap_or(id)
}

/// The blob at `path` in a commit, if it is a file there.
fn blob_at(commit: &git2::Commit<'_>, path: &str) -> Option<Oid> {
    let entry = commit.tree().ok()?.get_path(Path::new(path)).ok()?;
    (entry.kind() == Some(ObjectType::Blob)).then(|| entry.id())
}

/// The name `path` had in `parent`, when `commit` renamed it (git's similarity detection).
fn renamed_from(
    repo: &Repository,
    parent: &git2::Commit<'_>,
    commit: &git2::Commit<'_>,
    path: &str,
) -> Option<String> {
    let mut opts = DiffOptions::new();
    let mut diff = repo
        .diff_tree_to_tree(
            Some(&parent.tree().ok()?),
            Some(&commit.tree().ok()?),
            Some(&mut opts),
        )
        .ok()?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))
        .ok()?;
    diff.deltas()
        .filter(|d| d.status() == git2::Delta::Renamed)
        .find(|d| d.new_file().path() == Some(Path::new(path)))
        .and_then(|d| {
            d.old_file()
                .path()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
}
