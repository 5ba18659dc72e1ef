#!/usr/bin/env node
// The live preview, `noticec serve`, in headless Chromium.
//
//   node tests/checkers/serve_check.mjs [BINARY] [NOTICES] [SCREENSHOT_DIR]
//   (defaults: BINARY = target/release/noticec, NOTICES = notices.yaml,
//    SCREENSHOT_DIR = target/screenshots)
//
// Copies NOTICES into a temporary folder and serves the copy on a free port (`--port 0`, the port
// read from the server's first line on stderr), from the current folder, then:
//   - opens a notice's page; edits the notice's title in the YAML and checks that the open page shows
//     the new title within 2 s, reloaded by the server's script (the check never reloads it);
//   - writes a YAML error and checks that the page shows the problems (the source line escaped, as
//     text), then fixes it and checks that the page comes back;
//   - requests paths outside the outputs (`/../`, percent-encoded `..`, unknown files): each is 404;
//   - checks that the page loaded nothing but the server's own URLs, that `out/` and the temporary
//     folder are as they were, and that Ctrl-C (SIGINT) stops the server with exit 0.
// Saves SCREENSHOT_DIR/serve-preview.png and SCREENSHOT_DIR/serve-overlay.png.
// Exit 1 on any failure.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launch } from './browser.mjs';

const [BINARY = 'target/release/noticec', NOTICES = 'notices.yaml', SHOTS = 'target/screenshots'] =
  process.argv.slice(2);
// The notice whose title is edited, and the title as notices.yaml gives it.
const NOTICE = 'livewest-customer';
const TITLE = 'LiveWest Customer Privacy Notice';
const RELOAD_WITHIN_MS = 2_000;
const START_WITHIN_MS = 60_000;
const PROBLEMS_WITHIN_MS = 10_000;

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};

/** Every file under `dir` with its size and modification time; an empty map when `dir` is absent. */
function snapshot(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        files.set(p, `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  try {
    walk(dir);
  } catch {
    // No folder: nothing in it.
  }
  return files;
}

/** Starts the server and resolves with its port, from the line `serving http://127.0.0.1:PORT/`. */
function start(file) {
  const child = spawn(BINARY, ['serve', file, '--port', '0', '--color', 'never'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines = [];
  let buffered = '';
  const port = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "serving" line: ${lines.join('\n')}`)), START_WITHIN_MS);
    child.stderr.on('data', (chunk) => {
      buffered += chunk.toString();
      let at;
      while ((at = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, at);
        buffered = buffered.slice(at + 1);
        lines.push(line);
        process.stderr.write(`  serve: ${line}\n`);
        const m = /^serving http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl-C to stop\)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${lines.join('\n')}`)));
  });
  return { child, port, lines };
}

/** GET `target` as written (no normalisation of `..`), resolving with the status code. */
function rawGet(port, target) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The text of the page's first `h1`, or '' while the page is between documents. */
async function heading(page) {
  try {
    return (await page.locator('h1').first().textContent({ timeout: 200 })) ?? '';
  } catch {
    return '';
  }
}

/** Polls until `test(h1 text)` holds; resolves with the milliseconds it took, or -1 past `within`. */
async function waitForHeading(page, test, within) {
  const begin = Date.now();
  while (Date.now() - begin < within) {
    if (test(await heading(page))) return Date.now() - begin;
    await new Promise((r) => setTimeout(r, 50));
  }
  return -1;
}

/**
 * Runs `action` on the page, again if a reload gets in its way (a save can give two builds, each of
 * which reloads the page): up to five tries, waiting for the page to load between them.
 */
async function settled(page, action) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForLoadState('load');
      return await action();
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'noticec-serve-'));
const file = path.join(dir, 'notices.yaml');
copyFileSync(NOTICES, file);
const original = readFileSync(file, 'utf8');
if (!original.includes(`title: ${TITLE}\n`)) {
  console.error(`error: ${NOTICES} has no line "title: ${TITLE}"`);
  process.exit(1);
}
const outBefore = snapshot('out');
const server = start(file);
let browser;
try {
  const port = await server.port;
  const base = `http://127.0.0.1:${port}`;
  browser = await launch({ loopback: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Nothing but the server's own URLs may load.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) || url.startsWith('data:')) return route.continue();
    fail(`the page asked for ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  const response = await page.goto(`${base}/${NOTICE}/`);
  if (response?.status() !== 200) fail(`/${NOTICE}/ answered ${response?.status()}`);
  // Polled like the rest: on a loaded machine one read of the heading can time out ('').
  if ((await waitForHeading(page, (h) => h === TITLE, PROBLEMS_WITHIN_MS)) < 0) {
    fail(`/${NOTICE}/ shows "${await heading(page)}", not "${TITLE}"`);
  }
  await page.evaluate(() => {
    window.noticecUntouched = true;
  });

  // An edit of the title shows in the open page, which the server's script reloads.
  const edited = `${TITLE} (edited ${Date.now()})`;
  writeFileSync(file, original.replace(`title: ${TITLE}\n`, `title: ${edited}\n`));
  const took = await waitForHeading(page, (h) => h === edited, RELOAD_WITHIN_MS);
  if (took < 0) fail(`the edited title did not show within ${RELOAD_WITHIN_MS} ms (page shows "${await heading(page)}")`);
  else console.log(`edited title shown after ${took} ms`);
  if (await page.evaluate(() => window.noticecUntouched === true).catch(() => true)) {
    fail('the page was not reloaded');
  }
  mkdirSync(SHOTS, { recursive: true });
  await settled(page, () => page.screenshot({ path: path.join(SHOTS, 'serve-preview.png') }));

  // A YAML error: the page shows the problems, the source line as text.
  const broken = original.replace(`title: ${TITLE}\n`, 'title: LiveWest <b>bold</b>: colon\n');
  writeFileSync(file, broken);
  const shown = await waitForHeading(page, (h) => h.includes('has problems'), PROBLEMS_WITHIN_MS);
  if (shown < 0) fail(`the problems did not show within ${PROBLEMS_WITHIN_MS} ms`);
  else {
    console.log(`problems shown after ${shown} ms`);
    const pre = (await settled(page, () => page.locator('pre').first().textContent())) ?? '';
    if (!pre.includes('LiveWest <b>bold</b>: colon')) fail(`the problems do not quote the source line: ${pre}`);
    if ((await settled(page, () => page.locator('pre b').count())) > 0) fail('the source line was not escaped');
    await settled(page, () => page.screenshot({ path: path.join(SHOTS, 'serve-overlay.png'), fullPage: true }));
  }

  // Fixed: the page comes back.
  writeFileSync(file, original);
  const back = await waitForHeading(page, (h) => h === TITLE, PROBLEMS_WITHIN_MS);
  if (back < 0) fail(`the page did not come back within ${PROBLEMS_WITHIN_MS} ms`);
  else console.log(`page back after ${back} ms`);

  // Paths outside the outputs.
  for (const target of [
    '/../notices.yaml',
    '/../../../../etc/passwd',
    '/%2e%2e/notices.yaml',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    `/${NOTICE}/..%2f..%2fnotices.yaml`,
    '/..%5c..%5cetc%5cpasswd',
    '//etc/passwd',
    '/notices.yaml',
    '/nothing.html',
    `/${NOTICE}/nothing.txt`,
  ]) {
    const status = await rawGet(port, target);
    if (status !== 404) fail(`${target} answered ${status}, not 404`);
  }
  const missing = await page.goto(`${base}/no-such-notice/index.html`);
  if (missing?.status() !== 404) fail(`an unknown page answered ${missing?.status()} in the browser`);
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await browser?.close();
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.on('exit', (code) => resolve(code)));
    server.child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5_000))]);
    if (code !== 0) {
      fail(`Ctrl-C: the server ended with ${code}, not exit 0`);
      server.child.kill('SIGKILL');
    }
  }
}

const outAfter = snapshot('out');
const same = outBefore.size === outAfter.size && [...outBefore].every(([p, v]) => outAfter.get(p) === v);
if (!same) fail('out/ changed while serving');
const left = readdirSync(dir);
if (left.length !== 1 || left[0] !== 'notices.yaml') fail(`the temporary folder holds ${left.join(', ')}`);
rmSync(dir, { recursive: true, force: true });

if (failures.length > 0) {
  console.error(`${failures.length} problem(s) with noticec serve`);
  process.exit(1);
}
console.log(`noticec serve: live reload, problems page, 404s and Ctrl-C all as expected; screenshots in ${SHOTS}`);
