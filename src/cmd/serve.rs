//! `noticec serve`: a live preview. Builds every output in memory with the pipeline of `noticec
//! build`, serves them on a local port, watches the notices file and the templates folder, rebuilds on
//! save and reloads the open pages. Nothing is written: `out/` is never touched.
//!
//! Three parts: [`site`] builds ([`site::build`], then [`site::print_diagnostics`] once the pages are
//! served), [`http`] answers requests, and this
//! module binds the port, runs the watcher and the builder thread, and stops on Ctrl-C.

mod http;
mod site;

use std::future::IntoFuture;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use noticec::render::{Catalogue, Templates};
use notify::{EventKind, RecursiveMode, Watcher as _};
use tokio::sync::watch;

use self::http::Site;
use self::site::{Build, Inputs};
use super::{Result, Settings};
use crate::Outcome;
use crate::cli::ServeArgs;

/// How long the watcher waits for a burst of file events (an editor's save) to end before a rebuild.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
enum ServeError {
    /// `--host` names no address.
    #[error("cannot listen on `{host}`: {source}")]
    Host {
        /// The host asked for.
        host: String,
        /// The resolver's reason.
        #[source]
        source: std::io::Error,
    },
    /// The port is taken, or may not be used.
    #[error("cannot listen on {addr}: {reason}")]
    Bind {
        /// The address.
        addr: String,
        /// Why, with what to do.
        reason: String,
    },
    /// The watcher could not watch a path.
    #[error("cannot watch `{path}` for changes")]
    Watch {
        /// The path.
        path: PathBuf,
        /// The watcher's reason.
        #[source]
        source: notify::Error,
    },
}

/// Runs `serve`.
pub(crate) fn run(args: &ServeArgs, color: bool) -> Result<Outcome> {
    let settings = Settings::new(&args.diagnostics)?;
    let file = settings.file(args.file.as_deref());
    if crate::input::is_stdin(&file) {
        return Err("`serve` watches the notices file for changes: give a file, not `-`".into());
    }
    let templates = settings.folder(args.templates.as_deref(), |c| c.templates.as_deref());
    let (history, _) = super::build::history(&file, &settings.limits);
    let mut inputs = Inputs {
        file: file.clone(),
        templates: templates.clone(),
        options: noticec::CompileOptions {
            templates: Templates::builtin(),
            words: Catalogue::en_gb()?,
            limits: settings.limits,
            lint: settings.lint.clone(),
            render: noticec::render::RenderLimits {
                max_print_chars: args.max_print_chars,
            },
            history,
            reuse: None,
        },
        settings,
        color,
        session: noticec::session::Session::new(),
    };
    let listener = bind(&args.host, args.port)?;
    let addr = listener.local_addr()?;
    // A build id unique across restarts, so that a page served by an earlier run reloads too.
    let boot = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |t| t.as_millis());
    let (first, took) = site::build(&mut inputs);
    if first.checked() {
        site::print_diagnostics(&inputs);
    }
    let mut site = Site::default();
    let line = announce(&mut site, first, took, &format!("{boot:x}-0"), "built");
    let (sender, receiver) = watch::channel(Arc::new(site));
    crate::say!("{line}");
    let (changes, events) = mpsc::channel();
    // Reading a file is an event too (inotify's open): only changes are passed on, or each build
    // would set off the next.
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let change = match event {
            Ok(e) if matches!(e.kind, EventKind::Access(_)) => return,
            Ok(e) => Ok(e.paths),
            Err(e) => Err(e),
        };
        let _ = changes.send(change);
    })
    .map_err(|source| ServeError::Watch {
        path: file.clone(),
        source,
    })?;
    let watched = watch_paths(&file, templates.as_deref())?;
    for (path, mode) in &watched.roots {
        watcher
            .watch(path, *mode)
            .map_err(|source| ServeError::Watch {
                path: path.clone(),
                source,
            })?;
    }
    std::thread::Builder::new()
        .name("noticec-build".to_owned())
        .spawn(move || rebuild_loop(&events, &watched, &mut inputs, &sender, boot))?;
    crate::say!("serving http://{addr}/ (Ctrl-C to stop)");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let app = http::router(receiver, addr.ip().is_loopback());
        tokio::select! {
            served = axum::serve(listener, app).into_future() => served,
            () = stop_signal() => Ok(()),
        }
    })?;
    drop(watcher);
    crate::say!("stopped");
    Ok(Outcome::Clean)
}

/// Binds the port: a taken port, or one that may not be used, is a clear error (exit 2).
fn bind(host: &str, port: u16) -> std::result::Result<TcpListener, ServeError> {
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|source| ServeError::Host {
            host: host.to_owned(),
            source,
        })?
        .collect();
    let shown = addrs
        .first()
        .map_or_else(|| format!("{host}:{port}"), ToString::to_string);
    TcpListener::bind(addrs.as_slice()).map_err(|e| ServeError::Bind {
        addr: shown,
        reason: match e.kind() {
            std::io::ErrorKind::AddrInUse => format!(
                "port {port} is in use; stop what uses it, or choose another with `--port` (`--port 0` picks a free one)"
            ),
            std::io::ErrorKind::PermissionDenied => format!(
                "port {port} may not be used by this user; choose one above 1023 with `--port`"
            ),
            _ => e.to_string(),
        },
    })
}

/// What the watcher watches, and which of the paths it reports are inputs.
struct Watched {
    /// The folders watched, each with its mode: the notices file's folder (an editor that saves by
    /// renaming a new file over the old one would end a watch on the file itself) and the templates.
    roots: Vec<(PathBuf, RecursiveMode)>,
    /// The notices file, as the watcher names it.
    file: PathBuf,
    /// The templates folder, as the watcher names it.
    templates: Option<PathBuf>,
}

impl Watched {
    /// Whether a change at `path` calls for a rebuild.
    fn concerns(&self, path: &Path) -> bool {
        path == self.file
            || self
                .templates
                .as_deref()
                .is_some_and(|t| path.starts_with(t))
    }
}

/// The folders to watch for the notices file and the templates folder.
fn watch_paths(file: &Path, templates: Option<&Path>) -> Result<Watched> {
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = parent.canonicalize().map_err(|source| ServeError::Watch {
        path: parent.to_path_buf(),
        source: source.into(),
    })?;
    let name = file
        .file_name()
        .ok_or("the notices file has no file name")?;
    let mut roots = vec![(folder.clone(), RecursiveMode::NonRecursive)];
    let templates = match templates {
        Some(dir) => {
            let dir = dir.canonicalize().map_err(|source| ServeError::Watch {
                path: dir.to_path_buf(),
                source: source.into(),
            })?;
            roots.push((dir.clone(), RecursiveMode::Recursive));
            Some(dir)
        }
        None => None,
    };
    Ok(Watched {
        roots,
        file: folder.join(name),
        templates,
    })
}

/// The builder thread: waits for changes to the inputs, rebuilds, and hands each build to the server.
/// Ends when the watcher stops.
fn rebuild_loop(
    events: &mpsc::Receiver<notify::Result<Vec<PathBuf>>>,
    watched: &Watched,
    inputs: &mut Inputs,
    sender: &watch::Sender<Arc<Site>>,
    boot: u128,
) {
    let mut count: u64 = 0;
    while let Ok(first) = events.recv() {
        // A save is a burst of events: wait for it to end, then take every change that came in (during
        // the last build too) together, for one build.
        std::thread::sleep(DEBOUNCE);
        let relevant =
            std::iter::once(first)
                .chain(events.try_iter())
                .fold(false, |relevant, result| match result {
                    Ok(paths) => relevant || paths.iter().any(|p| watched.concerns(p)),
                    Err(e) => {
                        crate::say!("warning: the watcher reported a problem: {e}");
                        relevant
                    }
                });
        if !relevant {
            continue;
        }
        count = count.saturating_add(1);
        let (build, took) = site::build(inputs);
        let mut site = Site {
            files: sender.borrow().files.clone(),
            ..Site::default()
        };
        // The diagnostics are printed once the pages are served: the page shows the change first.
        let checked = build.checked();
        let line = announce(
            &mut site,
            build,
            took,
            &format!("{boot:x}-{count}"),
            "rebuilt",
        );
        sender.send_replace(Arc::new(site));
        if checked {
            site::print_diagnostics(inputs);
        }
        // Said once the pages are served: a reader of the line (a person, a test) who asks for a page
        // then gets the new one, not the one before.
        crate::say!("{line}");
    }
}

/// Puts a build into `site` under the id `id`, and returns its line for the terminal, to be printed
/// once the site is served: `rebuilt in 84 ms: ...`.
fn announce(site: &mut Site, build: Build, took: Duration, id: &str, verb: &str) -> String {
    let ms = took.as_millis();
    site.id = id.to_owned();
    match build {
        Build::Pages {
            files,
            notices,
            findings,
            pass,
        } => {
            let plural = if notices == 1 { "notice" } else { "notices" };
            let found = match findings {
                0 => String::new(),
                1 => ", 1 finding above".to_owned(),
                n => format!(", {n} findings above"),
            };
            let how = match pass {
                noticec::session::Pass::Whole => String::new(),
                noticec::session::Pass::Notice {
                    at,
                    checked,
                    rendered,
                } => {
                    let others = |n: usize, what: &str| match n.saturating_sub(1) {
                        0 => String::new(),
                        1 => format!(" with 1 notice {what}"),
                        n => format!(" with {n} notices {what}"),
                    };
                    format!(
                        " (notice {} changed: checked{}, rendered{})",
                        at.saturating_add(1),
                        others(checked, "that name it"),
                        others(rendered, "whose pages link it"),
                    )
                }
            };
            let line = format!(
                "{verb} in {ms} ms: {} files for {notices} {plural}{how}{found}",
                files.len()
            );
            site.files = files;
            site.problems = None;
            line
        }
        Build::Problems { body, summary, .. } => {
            site.problems = Some(body);
            format!("{verb} in {ms} ms with problems ({summary}): the preview shows them")
        }
    }
}

/// Resolves on Ctrl-C, or on SIGTERM where there are signals.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
