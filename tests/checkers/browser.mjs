// What the browser checkers share: the pages under a folder, a headless Chromium kept off the
// network, and a context that lets a page load nothing but its own file.
//
// CHROMIUM overrides the browser binary (default /usr/bin/chromium).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags that keep Chromium off the network and quiet in a container. Playwright
// adds a fresh, empty --user-data-dir of its own for every launch.
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Beyond the flags above, Chromium still looks up Google hosts (update,
  // extension and account services); these stop that, and the resolver rule
  // makes every host name fail inside Chromium without a DNS query.
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Every `*.html` under `dir`, sorted; an empty list when `dir` is not a folder. */
export function htmlFiles(dir) {
  try {
    if (!statSync(dir).isDirectory()) return [];
  } catch {
    return [];
  }
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.html')) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Headless Chromium with the flags above. With `loopback`, the resolver rule leaves 127.0.0.1 alone, for
 * a page served on this machine (the live preview); every host name still fails.
 */
export function launch({ loopback = false } = {}) {
  const args = loopback
    ? FLAGS.map((f) => (f.startsWith('--host-resolver-rules=') ? `${f}, EXCLUDE 127.0.0.1` : f))
    : FLAGS;
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args });
}

/** The `file://` URL of a page on disk. */
export function fileUrl(file) {
  return pathToFileURL(path.resolve(file)).href;
}

/** Whether a page at `ownUrl` may load `url`: only itself (with any fragment) and `data:` URLs. */
export function allowed(url, ownUrl) {
  if (url.startsWith('data:')) return true;
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  return url.split('#')[0] === ownUrl;
}

/**
 * Aborts every request of `context` that `allowed` refuses, so nothing leaves the machine, and
 * calls `onOutside(type, url)` for each one (also for requests the route never sees).
 */
export async function isolate(context, ownUrl, onOutside = () => {}) {
  context.on('request', (req) => {
    if (!allowed(req.url(), ownUrl)) onOutside(req.resourceType(), req.url());
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return allowed(url, ownUrl) ? route.continue() : route.abort('blockedbyclient');
  });
}
