//! Stage 4, write: replace the output folder with the rendered outputs, whole or not at all.
//!
//! Everything is written into a fresh folder beside the output folder (same filesystem), then swapped in
//! with one atomic `renameat2(RENAME_EXCHANGE)` on Linux (two renames elsewhere), and the old folder is
//! removed. A failure or a kill before the swap leaves the output folder as it was; once the swap is
//! done the build has succeeded, and an old copy that cannot be removed is only a warning (the next
//! build removes it). A build that finds the output folder already holding exactly its files, byte for
//! byte, makes no staging folder and leaves the output folder untouched. Output paths are checked to
//! be plain relative components, so no notice can write outside the folder; a marker file records
//! that a folder is ours, and a folder without it is never replaced. An output folder that holds the
//! input or the templates is refused.
//!
//! An output folder that is a mount point (a container volume) cannot be renamed; its contents are
//! replaced instead, see [`replace_contents`].
//!
//! Builds running at once (in other processes, containers or PID namespaces) share the output folder's
//! parent: each holds a shared advisory lock on the parent folder for its whole run, and a staging
//! folder left by a killed build is removed only by a build that can take the lock exclusively, that
//! is, when no other build is running there.

use std::collections::{BTreeMap, HashSet};
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use noticec::render::Output;

/// The file that marks a folder as a noticec output folder.
pub(crate) const MARKER: &str = ".noticec-output";
const MARKER_TEXT: &str = "This folder is written by noticec (`noticec build` or `noticec report`) and is replaced whole each time.\n";

/// Why the outputs could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum WriteError {
    /// A filesystem operation failed.
    #[error("cannot write `{path}`")]
    Io {
        /// The path.
        path: PathBuf,
        /// The reason.
        #[source]
        source: std::io::Error,
    },
    /// The output folder is one noticec must not replace.
    #[error("refusing to write to `{path}`: {reason}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// An output path is not a plain relative path (a bug or a hostile template).
    #[error("refusing to write `{0}`: output paths must be plain relative paths")]
    BadPath(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What [`replace_dir`] did, apart from the outputs themselves.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// The previous output, moved aside but not fully removed, and why; the next build removes it.
    pub(crate) leftover: Option<(PathBuf, std::io::Error)>,
    /// The files written because they are new or changed.
    pub(crate) written: usize,
    /// The files whose bytes were already in the output folder, kept rather than written again.
    pub(crate) unchanged: usize,
}

/// Warns of an old copy of the output folder that could not be removed after the new one was put in
/// place: the outputs are written, and the next build removes the copy.
pub(crate) fn warn_leftover(written: &Written) {
    if let Some((path, e)) = &written.leftover {
        crate::say!(
            "warning: the outputs are written, but the previous copy `{}` could not be fully removed ({e}); the next build removes it, or delete it yourself",
            path.display()
        );
    }
}

/// Checks that `out` is a folder noticec may replace: not a file, not the filesystem root, not a
/// project folder, not holding any of `keep` (the input file, the templates folder), and either
/// missing, empty or marked as a previous output.
pub(crate) fn check_target(out: &Path, keep: &[&Path]) -> Result<(), WriteError> {
    let refuse = |reason: &str| {
        Err(WriteError::Refused {
            path: out.to_path_buf(),
            reason: reason.to_owned(),
        })
    };
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(out)(e)),
    };
    if meta.file_type().is_symlink() {
        return refuse("it is a symbolic link; give the real folder");
    }
    if !meta.is_dir() {
        return refuse("it is not a folder");
    }
    let real = std::fs::canonicalize(out).map_err(io(out))?;
    if real.parent().is_none() {
        return refuse("it is the root of the filesystem");
    }
    if std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .as_deref()
        == Some(real.as_path())
    {
        return refuse("it is the current folder");
    }
    for project_file in ["Cargo.toml", "notices.yaml", ".git"] {
        if real.join(project_file).exists() {
            return refuse(&format!(
                "it holds `{project_file}`, so it looks like a project folder, not an output folder"
            ));
        }
    }
    for kept in keep {
        if std::fs::canonicalize(kept).is_ok_and(|k| k.starts_with(&real)) {
            return refuse(&format!(
                "it holds `{}`, which a build reads and replacing the folder would delete; choose an --out outside it",
                kept.display()
            ));
        }
    }
    let empty = std::fs::read_dir(&real).map_err(io(out))?.next().is_none();
    if !empty && !real.join(MARKER).is_file() {
        return refuse(&format!(
            "it is not empty and has no `{MARKER}` file, so it is not a previous noticec output; choose another --out or empty it"
        ));
    }
    Ok(())
}

/// Checks a relative output path and returns it as a path.
fn safe_relative(path: &str) -> Result<PathBuf, WriteError> {
    let p = Path::new(path);
    let plain = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        Ok(p.to_path_buf())
    } else {
        Err(WriteError::BadPath(path.to_owned()))
    }
}

/// The outputs a build writes, with the marker file, by relative path: each file's bytes, or `None`
/// for a file kept as it is in the output folder being replaced ([`noticec::render::Contents::Kept`]).
pub(crate) fn expected_files(outputs: &[Output]) -> Result<Files<'_>, WriteError> {
    let mut files = BTreeMap::new();
    for o in outputs {
        files.insert(safe_relative(&o.path)?, o.bytes().map(|b| &b[..]));
    }
    files.insert(PathBuf::from(MARKER), Some(MARKER_TEXT.as_bytes()));
    Ok(files)
}

/// The files a build writes, by relative path: each one's bytes, or `None` for one kept as it is.
type Files<'a> = BTreeMap<PathBuf, Option<&'a [u8]>>;

/// Replaces `out` with exactly `outputs` (and the marker), atomically where the filesystem allows.
/// `keep` are paths the build reads (input, templates): an `out` that holds one is refused.
pub(crate) fn replace_dir(
    out: &Path,
    outputs: &[Output],
    keep: &[&Path],
) -> Result<Written, WriteError> {
    use rayon::prelude::*;
    let staging = Staging::begin(out, keep)?;
    outputs.par_iter().try_for_each(|o| staging.put(o))?;
    staging.finish()
}

/// The outputs of a build being written: a fresh folder beside the output folder, filled one output
/// at a time from any thread as they are made, then put in place of the output folder whole by
/// [`Staging::finish`]. Dropped unfinished (a failed build), it is removed and the output folder
/// is left as it was.
///
/// A file whose bytes are those of the same file in the output folder being replaced is hard-linked
/// from there instead of written, so an unchanged file keeps its place on disk and its modification
/// time; a file the build kept ([`noticec::render::Contents::Kept`]) is always linked. The staging
/// folder is made only at the first file that is not already in the output folder: a build that
/// finds every file there as it would write it, and nothing else there, touches nothing.
pub(crate) struct Staging {
    /// The output folder.
    out: PathBuf,
    /// Its parent folder, where the staging folder is.
    parent: PathBuf,
    /// The output folder's name.
    name: String,
    /// The staging folder, once made.
    dir: OnceLock<PathBuf>,
    /// Until the staging folder is made, the files found unchanged in the output folder, to be
    /// linked into it when it is; `None` once it is made. Made and linked under this lock.
    deferred: Mutex<Option<Vec<PathBuf>>>,
    /// The shared lock on `parent`, held until the staging folder is gone: while it is held, no
    /// other build removes it.
    _lock: Option<std::fs::File>,
    /// The files written because they are new or changed.
    written: AtomicUsize,
    /// The files linked because they are unchanged.
    unchanged: AtomicUsize,
    /// The folders made inside the staging folder, so that each is made once and not asked for
    /// again with every file in it.
    made: Mutex<HashSet<PathBuf>>,
    /// Whether the folder was put in place (or handed on, or not needed): then it is not removed
    /// when dropped.
    done: bool,
}

/// The value behind a lock, also when a thread panicked holding it: every value kept under a lock
/// here is whole between two statements.
fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Staging {
    /// Checks that `out` may be replaced (see [`check_target`]; `keep` are the paths the build
    /// reads). The staging folder beside it is made when the first changed file comes.
    pub(crate) fn begin(out: &Path, keep: &[&Path]) -> Result<Self, WriteError> {
        check_target(out, keep)?;
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        let name = out
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let lock = lock_parent(&parent, out, &name);
        Ok(Self {
            out: out.to_path_buf(),
            parent,
            name,
            dir: OnceLock::new(),
            deferred: Mutex::new(Some(Vec::new())),
            _lock: lock,
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            made: Mutex::default(),
            done: false,
        })
    }

    /// Writes one output into the staging folder, or links it from the output folder when it is
    /// unchanged there. The path must be a plain relative path.
    pub(crate) fn put(&self, output: &Output) -> Result<(), WriteError> {
        let rel = safe_relative(&output.path)?;
        self.put_bytes(&rel, output.bytes().map(|b| &b[..]))
    }

    /// [`Staging::put`] by relative path: `None` for a file kept as it is in the output folder.
    fn put_bytes(&self, rel: &Path, bytes: Option<&[u8]>) -> Result<(), WriteError> {
        let old = self.out.join(rel);
        let current = match bytes {
            // Kept: the build found it current there.
            None => std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file()),
            Some(bytes) => same_file_contents(&old, bytes),
        };
        if current && let Some(deferred) = locked(&self.deferred).as_mut() {
            deferred.push(rel.to_path_buf());
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        let dir = self.staging_dir()?;
        let linked = match bytes {
            Some(bytes) if !current => {
                let path = self.dir_for(dir, rel)?;
                std::fs::write(&path, bytes).map_err(io(&path))?;
                false
            }
            // Unchanged, or kept: taken from the output folder (a kept file gone from there fails).
            _ => {
                self.link(dir, rel)?;
                true
            }
        };
        let count = if linked {
            &self.unchanged
        } else {
            &self.written
        };
        count.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// The staging folder, made (and the files found unchanged so far linked into it) if it is not
    /// yet.
    fn staging_dir(&self) -> Result<&Path, WriteError> {
        let mut deferred = locked(&self.deferred);
        if let Some(unchanged) = deferred.as_ref() {
            let dir = unique_sibling(&self.parent, &self.name, "new")?;
            let dir = self.dir.get_or_init(|| dir);
            for rel in unchanged {
                self.link(dir, rel)?;
            }
            *deferred = None;
        }
        drop(deferred);
        self.dir
            .get()
            .map(PathBuf::as_path)
            .ok_or_else(|| WriteError::Refused {
                path: self.parent.clone(),
                reason: "the staging folder was not made".into(),
            })
    }

    /// The path of `rel` in the staging folder `dir`, its folder made.
    fn dir_for(&self, dir: &Path, rel: &Path) -> Result<PathBuf, WriteError> {
        let unmade = rel
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && !locked(&self.made).contains(*d));
        if let Some(sub) = unmade {
            let full = dir.join(sub);
            std::fs::create_dir_all(&full).map_err(io(&full))?;
            locked(&self.made).insert(sub.to_path_buf());
        }
        Ok(dir.join(rel))
    }

    /// Links `rel` from the output folder into the staging folder `dir`; a filesystem without hard
    /// links gets a copy.
    fn link(&self, dir: &Path, rel: &Path) -> Result<(), WriteError> {
        let path = self.dir_for(dir, rel)?;
        let old = self.out.join(rel);
        if std::fs::hard_link(&old, &path).is_err() {
            std::fs::copy(&old, &path).map_err(io(&old))?;
        }
        Ok(())
    }

    /// Whether no staging folder was needed: every file put was found in the output folder as it
    /// would be written, and the output folder holds nothing else (no other file, link or folder).
    fn out_is_current(&self) -> bool {
        let deferred = locked(&self.deferred);
        let Some(unchanged) = deferred.as_ref() else {
            return false;
        };
        let files: HashSet<&Path> = unchanged.iter().map(PathBuf::as_path).collect();
        let folders: HashSet<&Path> = unchanged
            .iter()
            .flat_map(|rel| rel.ancestors().skip(1))
            .filter(|dir| !dir.as_os_str().is_empty())
            .collect();
        let mut present = Vec::new();
        if collect(&self.out, Path::new(""), &mut present).is_err() {
            return false;
        }
        let mut seen = 0usize;
        for (rel, is_dir) in &present {
            let expected = if *is_dir {
                folders.contains(rel.as_path())
            } else {
                files.contains(rel.as_path())
            };
            if !expected {
                return false;
            }
            seen += usize::from(!is_dir);
        }
        seen == files.len()
    }

    /// Writes the marker and puts the staging folder in place of the output folder: one atomic swap
    /// where the filesystem allows, and for an output folder that is a mount point, its contents
    /// replaced (see [`replace_contents`]). When the output folder already holds exactly the build's
    /// files, nothing is done.
    pub(crate) fn finish(mut self) -> Result<Written, WriteError> {
        self.put_bytes(Path::new(MARKER), Some(MARKER_TEXT.as_bytes()))?;
        let counts = Written {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
            ..Written::default()
        };
        if self.out_is_current() {
            self.done = true;
            return Ok(counts);
        }
        let dir = self.staging_dir()?.to_path_buf();
        match swap(&dir, &self.out, &self.parent, &self.name) {
            Ok(swapped) => {
                self.done = true;
                Ok(Written {
                    leftover: swapped.leftover,
                    ..counts
                })
            }
            Err(e) if is_mount_point_error(&e) => {
                let replaced = replace_contents(&self.out, &dir)?;
                Ok(Written {
                    leftover: replaced.leftover,
                    ..counts
                })
            }
            Err(e) => Err(e),
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.get()
            && !self.done
        {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Whether a failed swap failed because `out` cannot be renamed: a mount point gives `EBUSY`, and a
/// folder on another filesystem than its parent `EXDEV`.
fn is_mount_point_error(e: &WriteError) -> bool {
    matches!(e, WriteError::Io { source, .. }
        if matches!(source.kind(), ErrorKind::ResourceBusy | ErrorKind::CrossesDevices))
}

/// The prefix of the folders [`replace_contents`] makes inside the output folder.
const INNER_STAGING: &str = ".noticec-staging.";

/// Replaces the contents of `out`, a folder that cannot itself be renamed (a mount point), with those
/// of `staged`, the full staging folder beside it.
///
/// The new outputs are first moved (or, from another filesystem, copied) in full into a staging folder
/// inside `out` (so on the same filesystem), then the old entries are moved into a second folder
/// inside `out`, the new ones moved up in their place, and the old folder removed. The guarantee is
/// weaker than the swap's: a failure before the moves leaves `out` as it was, and a failure during
/// them moves the old entries back, but another program reading `out` during the moves
/// (milliseconds) may see it half old, half new, and a kill at that moment leaves the old entries in
/// a `.noticec-staging.old-*` folder inside `out`, which the next build removes.
fn replace_contents(out: &Path, staged: &Path) -> Result<Written, WriteError> {
    let staging = unique_sibling(out, "noticec-staging", "new")?;
    let old = match unique_sibling(out, "noticec-staging", "old") {
        Ok(old) => old,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let undo = |moved_in: &[PathBuf], moved_out: &[PathBuf]| {
        for name in moved_in {
            let _ = std::fs::rename(out.join(name), staging.join(name));
        }
        for name in moved_out {
            let _ = std::fs::rename(old.join(name), out.join(name));
        }
        let _ = std::fs::remove_dir_all(&staging);
        let _ = std::fs::remove_dir_all(&old);
    };
    if let Err(e) = move_tree(staged, &staging) {
        undo(&[], &[]);
        return Err(e);
    }
    let names = |dir: &Path| -> Result<Vec<PathBuf>, WriteError> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io(dir))? {
            let entry = entry.map_err(io(dir))?;
            let name = entry.file_name();
            if !name.to_string_lossy().starts_with(INNER_STAGING) {
                names.push(PathBuf::from(name));
            }
        }
        Ok(names)
    };
    let (current, new) = match names(out).and_then(|c| Ok((c, names(&staging)?))) {
        Ok(both) => both,
        Err(e) => {
            undo(&[], &[]);
            return Err(e);
        }
    };
    let mut moved_out = Vec::new();
    for name in current {
        if let Err(e) = std::fs::rename(out.join(&name), old.join(&name)) {
            undo(&[], &moved_out);
            return Err(io(&out.join(&name))(e));
        }
        moved_out.push(name);
    }
    let mut moved_in = Vec::new();
    for name in new {
        if let Err(e) = std::fs::rename(staging.join(&name), out.join(&name)) {
            undo(&moved_in, &moved_out);
            return Err(io(&out.join(&name))(e));
        }
        moved_in.push(name);
    }
    let _ = std::fs::remove_dir(&staging);
    Ok(Written {
        leftover: std::fs::remove_dir_all(&old).err().map(|e| (old, e)),
        ..Written::default()
    })
}

/// Moves every entry of folder `from` into folder `to`: renamed where they are on one filesystem,
/// copied (folders made, files copied) where they are not.
fn move_tree(from: &Path, to: &Path) -> Result<(), WriteError> {
    for entry in std::fs::read_dir(from).map_err(io(from))? {
        let entry = entry.map_err(io(from))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if std::fs::rename(&source, &target).is_ok() {
            continue;
        }
        if entry.file_type().map_err(io(&source))?.is_dir() {
            std::fs::create_dir(&target).map_err(io(&target))?;
            move_tree(&source, &target)?;
        } else {
            std::fs::copy(&source, &target).map_err(io(&source))?;
        }
    }
    Ok(())
}

/// Takes a shared lock on `parent` for the build's life, after removing what killed builds left
/// there if no other build holds it. Without locks (another platform, a filesystem that has none),
/// nothing is removed: a leftover folder is only clutter, a removed running build's folder a failure.
fn lock_parent(parent: &Path, out: &Path, name: &str) -> Option<std::fs::File> {
    let dir = std::fs::File::open(parent).ok()?;
    match dir.try_lock() {
        Ok(()) => {
            remove_leftovers(parent, out, name);
            dir.lock_shared().ok()?;
        }
        Err(std::fs::TryLockError::WouldBlock) => dir.lock_shared().ok()?,
        Err(std::fs::TryLockError::Error(_)) => return None,
    }
    Some(dir)
}

/// Removes the staging folders beside `out` (and inside it, for a mount point) left by builds that
/// were killed, or whose old copy could not be removed. Called only under the exclusive lock, when no
/// other build is running.
fn remove_leftovers(parent: &Path, out: &Path, name: &str) {
    let prefix = format!(".{name}.");
    if let Ok(entries) = std::fs::read_dir(parent) {
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name
                .strip_prefix(&prefix)
                .is_some_and(|rest| rest.starts_with("new-") || rest.starts_with("old-"))
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    if std::fs::symlink_metadata(out).is_ok_and(|m| m.is_dir())
        && out.join(MARKER).is_file()
        && let Ok(entries) = std::fs::read_dir(out)
    {
        for entry in entries.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(INNER_STAGING)
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// Creates a new, empty folder beside the output folder.
fn unique_sibling(parent: &Path, name: &str, what: &str) -> Result<PathBuf, WriteError> {
    let pid = std::process::id();
    for n in 0..1000 {
        let path = parent.join(format!(".{name}.{what}-{pid}-{n}"));
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io(&path)(e)),
        }
    }
    Err(WriteError::Refused {
        path: parent.to_path_buf(),
        reason: "cannot create a staging folder".into(),
    })
}

/// Whether `path` is a plain file (not a link) holding exactly `bytes`; the size is compared before
/// any byte is read, and the file is read a block at a time into one small buffer rather than whole
/// into new memory, which the system must first zero a page at a time.
fn same_file_contents(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read as _;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || u64::try_from(bytes.len()).ok() != Some(meta.len()) {
        return false;
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut block = [0u8; 16 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) => {
                let (Some(read), Some(expected)) = (block.get(..n), rest.get(..n)) else {
                    return false;
                };
                if read != expected {
                    return false;
                }
                rest = rest.get(n..).unwrap_or_default();
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Puts `staging` in place of `out`. Once the new folder is in place the outputs are written: failing
/// to remove the old copy is then only reported back, with the folder left behind.
fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<Written, WriteError> {
    let leftover = |old: &Path| Written {
        leftover: std::fs::remove_dir_all(old)
            .err()
            .map(|e| (old.to_path_buf(), e)),
        ..Written::default()
    };
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(staging, out)
            .map(|()| Written::default())
            .map_err(io(out));
    }
    match exchange(staging, out) {
        // `staging` now holds the previous output.
        Ok(()) => return Ok(leftover(staging)),
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::ResourceBusy | ErrorKind::CrossesDevices
            ) =>
        {
            return Err(io(out)(e));
        }
        Err(_) => {}
    }
    // No atomic exchange here: move the old folder aside, then the new one in.
    let old = unique_sibling(parent, name, "old")?;
    std::fs::remove_dir(&old).map_err(io(&old))?;
    std::fs::rename(out, &old).map_err(io(out))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(io(out)(e));
    }
    Ok(leftover(&old))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(ErrorKind::Unsupported))
}

/// A file of the output folder that differs from a fresh build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stale {
    /// Its path inside the output folder, with `/` separators.
    pub(crate) path: String,
    /// How it differs: `changed`, `missing` or `not produced by the build`.
    pub(crate) what: &'static str,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.path, self.what)
    }
}

/// Compares `out` with what a build would write; returns the stale paths: changed, missing or extra.
/// Symbolic links are never followed; a link counts as stale.
pub(crate) fn stale_files(out: &Path, outputs: &[Output]) -> Result<Vec<Stale>, WriteError> {
    let expected = expected_files(outputs)?;
    let mut stale = Vec::new();
    let mut entries = Vec::new();
    collect(out, Path::new(""), &mut entries)?;
    let present: Vec<PathBuf> = entries
        .into_iter()
        .filter_map(|(rel, is_dir)| (!is_dir).then_some(rel))
        .collect();
    let present_set: std::collections::BTreeSet<&PathBuf> = present.iter().collect();
    for (rel, bytes) in &expected {
        // A kept file is one the build found current in the folder.
        let current = match bytes {
            Some(bytes) => same_file_contents(&out.join(rel), bytes),
            None => present_set.contains(rel),
        };
        if !current {
            let what = if present_set.contains(rel) {
                "changed"
            } else {
                "missing"
            };
            stale.push(Stale {
                path: rel.to_string_lossy().replace('\\', "/"),
                what,
            });
        }
    }
    for rel in &present {
        if !expected.contains_key(rel) {
            stale.push(Stale {
                path: rel.to_string_lossy().replace('\\', "/"),
                what: "not produced by the build",
            });
        }
    }
    Ok(stale)
}

/// Every entry under `root/rel` (none when it is missing), files and folders, each with whether it is
/// a folder; links are not followed (a link is an entry, not a folder).
fn collect(root: &Path, rel: &Path, out: &mut Vec<(PathBuf, bool)>) -> Result<(), WriteError> {
    let dir = root.join(rel);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(&dir)(e)),
    };
    for entry in entries {
        let entry = entry.map_err(io(&dir))?;
        let child = rel.join(entry.file_name());
        let is_dir = entry.file_type().map_err(io(&dir))?.is_dir();
        out.push((child.clone(), is_dir));
        if is_dir {
            collect(root, &child, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_must_be_plain() {
        assert!(safe_relative("a/index.html").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../x", "", "./a"] {
            assert!(safe_relative(bad).is_err(), "{bad}");
        }
    }
}
