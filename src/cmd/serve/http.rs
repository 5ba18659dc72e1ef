//! The HTTP side of `noticec serve`: every output of the newest [`Site`] at its path in the output
//! folder, the page of problems in place of the pages when the newest build failed, and the stream of
//! build ids that makes open pages reload. Only the HTML sent here gets the reload script; the built
//! outputs never do.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::Stream;
use tokio::sync::watch;

/// What the server shows: the newest build.
#[derive(Debug, Default)]
pub(crate) struct Site {
    /// The build's id, unique in this run and across restarts: open pages reload when it changes.
    pub(crate) id: String,
    /// The outputs of the newest build that succeeded, by path (`iewm/index.html`).
    pub(crate) files: std::collections::BTreeMap<String, Bytes>,
    /// The `<body>` of the page of problems, when the newest build failed.
    pub(crate) problems: Option<String>,
}

/// The path of the stream of build ids. An output's path never starts with `_` (a notice id is
/// `[a-z0-9-]`), so it cannot hide an output.
pub(crate) const EVENTS_PATH: &str = "/__noticec/events";

/// The router: the stream of build ids, and everything else looked up among the outputs. On a
/// loopback address, only requests naming this machine as their host are answered, so that a web page
/// elsewhere cannot read the preview through a host name it points at 127.0.0.1 (DNS rebinding).
pub(crate) fn router(site: watch::Receiver<Arc<Site>>, loopback: bool) -> Router {
    let router = Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(output)
        .with_state(site);
    if loopback {
        router.layer(axum::middleware::from_fn(local_host_only))
    } else {
        router
    }
}

/// Answers only requests whose `Host` is this machine (`127.0.0.1`, `localhost`, `[::1]`, any port).
async fn local_host_only(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let local = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(is_local_host);
    if local {
        next.run(request).await
    } else {
        plain(
            StatusCode::MISDIRECTED_REQUEST,
            "the preview answers only to 127.0.0.1, localhost and [::1]\n",
        )
    }
}

/// Whether a `Host` header names this machine.
pub(crate) fn is_local_host(host: &str) -> bool {
    let name = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "127.0.0.1" | "localhost" | "[::1]"
    )
}

/// The stream of build ids (server-sent events): the current one at once, then one per build.
async fn events(
    State(site): State<watch::Receiver<Arc<Site>>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut site = site.clone();
    site.mark_changed();
    let stream = futures_util::stream::unfold(site, |mut site| async move {
        site.changed().await.ok()?;
        let id = site.borrow_and_update().id.clone();
        Some((Ok(Event::default().data(id)), site))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Answers a request for an output: the file, the page of problems in its place, or 404.
async fn output(
    State(site): State<watch::Receiver<Arc<Site>>>,
    method: Method,
    uri: Uri,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served\n",
        );
    }
    let site = site.borrow().clone();
    let Some(path) = resolve(uri.path()) else {
        return not_found();
    };
    let known = site.files.contains_key(&path);
    if let Some(body) = &site.problems {
        // Every page, and every other output of the last good build, shows the problems instead.
        if known || (site.files.is_empty() && path.ends_with("index.html")) {
            let page = super::site::problems_page(body);
            return html(StatusCode::INTERNAL_SERVER_ERROR, &page, &site.id);
        }
        return not_found();
    }
    let Some(bytes) = site.files.get(&path) else {
        if site.files.contains_key(&format!("{path}/index.html")) {
            // `/iewm` → `/iewm/`, so that the page's relative links resolve.
            return redirect(&format!("/{path}/"));
        }
        return not_found();
    };
    let kind = content_type(&path);
    if kind.starts_with("text/html") {
        return html(StatusCode::OK, &String::from_utf8_lossy(bytes), &site.id);
    }
    respond(StatusCode::OK, kind, Body::from(bytes.clone()))
}

/// The output a request path names, as a path in the output folder: percent-decoded, `/` and
/// `/<id>/` ending in `index.html`. `None` for a path with an empty, `.` or `..` segment, a
/// backslash or a control character, or that is not UTF-8 once decoded: no such path is an output.
pub(crate) fn resolve(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let rest = decoded.strip_prefix('/')?;
    let mut name = rest.to_owned();
    if name.is_empty() || name.ends_with('/') {
        name.push_str("index.html");
    }
    let plain = name.split('/').all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && !segment.contains(['\\', ':'])
            && !segment.chars().any(char::is_control)
    });
    plain.then_some(name)
}

/// The content type of an output, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension {
        "html" => "text/html; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "jsonld" => "application/ld+json",
        "json" => "application/json",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// An HTML page with the reload script before its `</body>` (or at its end).
fn html(status: StatusCode, page: &str, id: &str) -> Response {
    respond(
        status,
        "text/html; charset=utf-8",
        Body::from(inject(page, id)),
    )
}

/// `page` with the reload script added: it listens to the build ids and reloads the page when the
/// build it was served from is no longer the newest.
pub(crate) fn inject(page: &str, id: &str) -> String {
    // The id is hexadecimal digits and a dash; it is quoted as JSON all the same.
    let id = serde_json::Value::from(id).to_string();
    let script = format!(
        "<script>(() => {{ const built = {id}; const events = new EventSource(\"{EVENTS_PATH}\"); \
         events.onmessage = (e) => {{ if (e.data !== built) location.reload(); }}; }})();</script>\n"
    );
    match page.rfind("</body>") {
        Some(at) => {
            let (head, tail) = page.split_at(at);
            format!("{head}{script}{tail}")
        }
        None => format!("{page}{script}"),
    }
}

/// A response whose content is never cached, nor sniffed as another type.
fn respond(status: StatusCode, kind: &'static str, body: Body) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A short plain-text answer.
fn plain(status: StatusCode, text: &'static str) -> Response {
    respond(status, "text/plain; charset=utf-8", Body::from(text))
}

/// 404 for anything that is not an output.
fn not_found() -> Response {
    plain(
        StatusCode::NOT_FOUND,
        "not found: no output has this path\n",
    )
}

/// A permanent redirect to `location`, a path built from an output's own path.
fn redirect(location: &str) -> Response {
    let mut response = plain(StatusCode::PERMANENT_REDIRECT, "moved\n");
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn paths_name_outputs_or_nothing() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/iewm/").as_deref(), Some("iewm/index.html"));
        assert_eq!(
            resolve("/iewm/notice.txt").as_deref(),
            Some("iewm/notice.txt")
        );
        assert_eq!(resolve("/iewm").as_deref(), Some("iewm"));
        for bad in [
            "/../etc/passwd",
            "/iewm/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%5cwindows",
            "//etc/passwd",
            "/./index.html",
            "/iewm//index.html",
            "/C:/x",
            "/%00",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = inject("<html><body><p>x</p></body></html>", "a-1");
        assert!(page.ends_with("</script>\n</body></html>"), "{page}");
        assert!(page.contains("const built = \"a-1\""), "{page}");
        assert!(inject("text", "a-1").starts_with("text<script>"));
    }

    #[test]
    fn outputs_have_their_types() {
        assert_eq!(content_type("iewm/notice.pdf"), "application/pdf");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("iewm/notice.jsonld"), "application/ld+json");
        assert_eq!(content_type("iewm/notice.txt"), "text/plain; charset=utf-8");
    }
}
