//! `noticec serve` on the real binary: it starts on a free port and says which, serves the outputs with
//! their types, answers paths outside the outputs with 404, shows the problems in place of the pages
//! while the file has errors and recovers when it is fixed, compiles an edit inside one notice from
//! its last build, writes nothing, refuses a taken port with
//! exit 2, and stops cleanly on Ctrl-C.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The complete example: one notice with a form, no diagnostics.
const CLEAN: &str = include_str!("fixtures/good/complete.yaml");

/// The notice of [`CLEAN`] that has pages.
const NOTICE: &str = "brightwater-support";

/// How long the server may take to start or to rebuild on a loaded machine (a hang guard, not a speed
/// bound).
const PATIENCE: Duration = Duration::from_secs(120);

/// A running `noticec serve`, stopped when dropped.
struct Server {
    /// The process.
    child: Child,
    /// Its port.
    port: u16,
    /// The lines it writes on stderr after the one that gives the port.
    lines: mpsc::Receiver<String>,
}

impl Server {
    /// Starts `noticec serve FILE --port 0` in `dir` and waits for the line that gives the port.
    fn start(dir: &Path, file: &str) -> Server {
        let mut command = common::command(dir);
        command
            .args(["serve", file, "--port", "0", "--color", "never"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command.spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        let port = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no `serving` line; stderr so far: {seen:#?}"));
            if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
                assert!(line.ends_with("/ (Ctrl-C to stop)"), "{line}");
                break rest.split('/').next().unwrap().parse().unwrap();
            }
            seen.push(line);
        };
        Server { child, port, lines }
    }

    /// Sends `request_target` with method GET and returns the status code, the headers (lower-cased
    /// names) and the body.
    fn get(&self, target: &str) -> (u16, String, Vec<u8>) {
        self.get_as(target, &format!("127.0.0.1:{}", self.port))
    }

    /// GET `target` with this `Host` header: status, head (lowercased) and body.
    fn get_as(&self, target: &str, host: &str) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8(response[..split].to_vec()).unwrap();
        let body = response[split + 4..].to_vec();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head.to_lowercase(), body)
    }

    /// Waits until the server prints a line containing `what`.
    fn wait_for_line(&self, what: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no line with `{what}`"));
            if line.contains(what) {
                return line;
            }
        }
    }

    /// Sends SIGINT (Ctrl-C) and returns the exit code.
    fn interrupt(mut self) -> Option<i32> {
        let sent = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "still running after Ctrl-C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serves_every_output_at_its_path_and_nothing_else() {
    let dir = common::dir_with(&[("notices.yaml", CLEAN)]);
    let server = Server::start(dir.path(), "notices.yaml");

    let (status, head, body) = server.get("/");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    let page = String::from_utf8(body).unwrap();
    assert!(
        page.contains(&format!("{NOTICE}/")),
        "the index links the notice"
    );
    assert!(
        page.contains("new EventSource(\"/__noticec/events\")"),
        "reload script: {page}"
    );

    let (status, _, body) = server.get(&format!("/{NOTICE}/"));
    assert_eq!(status, 200);
    let page = String::from_utf8(body).unwrap();
    assert!(page.contains("Brightwater Community Support privacy notice"));
    assert_eq!(page.matches("EventSource").count(), 1);

    let (status, head, body) = server.get(&format!("/{NOTICE}/notice.txt"));
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/plain; charset=utf-8"),
        "{head}"
    );
    assert!(!String::from_utf8(body).unwrap().contains("EventSource"));

    let (status, head, body) = server.get(&format!("/{NOTICE}/consent-form.pdf"));
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/pdf"), "{head}");
    assert!(body.starts_with(b"%PDF"));

    let (status, head, _) = server.get(&format!("/{NOTICE}/notice.jsonld"));
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/ld+json"), "{head}");

    for outside in [
        "/../notices.yaml",
        "/../../../../etc/passwd",
        "/%2e%2e/notices.yaml",
        "/%2E%2E%2Fnotices.yaml",
        &format!("/{NOTICE}/..%2f..%2fnotices.yaml"),
        "/..%5cnotices.yaml",
        "//etc/passwd",
        "/notices.yaml",
        "/etc/passwd",
        "/nothing.html",
        &format!("/{NOTICE}/nothing.txt"),
        "/__noticec/",
    ] {
        let (status, _, body) = server.get(outside);
        assert_eq!(status, 404, "{outside}: {}", String::from_utf8_lossy(&body));
    }

    assert_eq!(server.interrupt(), Some(0), "Ctrl-C exits cleanly");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec!["notices.yaml"], "serve writes nothing");
}

#[test]
fn shows_the_problems_in_place_of_the_pages_until_they_are_fixed() {
    let dir = common::dir_with(&[("notices.yaml", CLEAN)]);
    let server = Server::start(dir.path(), "notices.yaml");
    let notice = format!("/{NOTICE}/");
    assert_eq!(server.get(&notice).0, 200);

    let broken = CLEAN.replacen(
        "title: Brightwater Community Support privacy notice",
        "title: <b>oops</b>: a colon",
        1,
    );
    assert_ne!(broken, CLEAN);
    std::fs::write(dir.path().join("notices.yaml"), &broken).unwrap();
    server.wait_for_line("with problems");
    // Reading the file is no change: the build does not set off another one (an inotify open event
    // once made the preview rebuild without end).
    let quiet = Duration::from_millis(1500);
    let again: Vec<String> = std::iter::from_fn(|| server.lines.recv_timeout(quiet).ok())
        .take(5)
        .filter(|l| l.contains("rebuilt"))
        .collect();
    assert!(again.is_empty(), "rebuilt with no change: {again:#?}");
    let (status, head, body) = server.get(&notice);
    assert_eq!(status, 500, "{head}");
    assert!(head.contains("content-type: text/html"), "{head}");
    let page = String::from_utf8(body).unwrap();
    assert!(page.contains("notices.yaml has problems"), "{page}");
    assert!(
        page.contains("&lt;b&gt;oops&lt;"),
        "the source line, escaped: {page}"
    );
    assert!(!page.contains("<b>oops"), "{page}");
    assert_eq!(server.get("/../notices.yaml").0, 404);
    // A page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) is not answered.
    assert_eq!(server.get_as(&notice, "evil.example").0, 421);
    assert_eq!(
        server
            .get_as(&notice, &format!("localhost:{}", server.port))
            .0,
        500
    );

    std::fs::write(dir.path().join("notices.yaml"), CLEAN).unwrap();
    let line = server.wait_for_line("rebuilt in");
    assert!(line.contains(" ms: "), "{line}");
    let (status, _, body) = server.get(&notice);
    assert_eq!(status, 200);
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("Brightwater Community Support")
    );

    // An edit inside the notice, after a build without errors: that notice alone is compiled again,
    // and the page shows the edit.
    let edited = CLEAN.replacen(
        "title: Brightwater Community Support privacy notice",
        "title: Brightwater Community Support privacy notice, edited",
        1,
    );
    std::fs::write(dir.path().join("notices.yaml"), &edited).unwrap();
    let line = server.wait_for_line("rebuilt in");
    assert!(
        line.contains("(notice 1 changed: checked, rendered)"),
        "{line}"
    );
    let (status, _, body) = server.get(&notice);
    assert_eq!(status, 200);
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("privacy notice, edited")
    );
}

#[test]
fn a_taken_port_is_an_error() {
    let dir = common::dir_with(&[("notices.yaml", CLEAN)]);
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = common::noticec(dir.path(), &["serve", "notices.yaml", "--port", &port]);
    run.expect(2, "a taken port");
    assert!(
        run.stderr.contains(&format!("port {port} is in use")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--port 0"), "{}", run.stderr);
}
