#!/usr/bin/env node
// Accessibility (axe-core) and network isolation check of every *.html under a folder.
//
//   node tests/checkers/axe_check.mjs [DIR] [SCREENSHOT_DIR]
//   (defaults: DIR = out, SCREENSHOT_DIR = target/screenshots)
//
// For each page, opened from its file:// URL in headless Chromium:
//   - runs axe with the tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa and
//     best-practice, and reports every violation (rule id, impact, help, nodes);
//   - records every request the page makes; any request to anything other than
//     the page's own file:// URL (data: URLs are fine) is a failure, and it is
//     aborted, so nothing leaves the machine;
//   - writes a full-page PNG screenshot to SCREENSHOT_DIR, mirroring the path
//     under DIR (out/a/index.html -> SCREENSHOT_DIR/a/index.png).
// Exit 1 on any violation or outside request, or when DIR holds no HTML file.
//
// CHROMIUM overrides the browser binary (default /usr/bin/chromium).

import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileUrl, htmlFiles, isolate, launch } from './browser.mjs';

const require = createRequire(import.meta.url);

const DIR = process.argv[2] ?? 'out';
const SHOTS = process.argv[3] ?? 'target/screenshots';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PAGE_TIMEOUT_MS = 30_000;

async function checkPage(browser, axeSource, file) {
  const ownUrl = fileUrl(file);
  const problems = [];
  // URL -> resource types; axe itself may fetch a stylesheet the page links
  // (XHR), so one URL is reported once, with every way it was requested.
  const outside = new Map();
  const noteOutside = (type, url) => {
    if (!outside.has(url)) outside.set(url, new Set());
    outside.get(url).add(type);
  };
  const notes = [];
  let violations = 0;

  // One context per page: requests are attributed without doubt, and no state
  // carries over. bypassCSP lets axe be injected into pages with a strict CSP.
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  // Abort everything that is not the page itself, so nothing leaves the machine.
  await isolate(context, ownUrl, noteOutside);
  const page = await context.newPage();
  page.on('websocket', (ws) => noteOutside('websocket', ws.url()));
  page.on('pageerror', (err) => notes.push(`page script error: ${err.message}`));
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);

  try {
    await page.goto(ownUrl, { waitUntil: 'load' });
    // Let late requests (lazy images, fonts, scripts) show up.
    await page.waitForLoadState('networkidle').catch(() => {});

    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(
      (tags) =>
        window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      TAGS,
    );
    violations = results.violations.length;
    for (const v of results.violations) {
      problems.push(`[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`);
      for (const node of v.nodes.slice(0, 10)) {
        problems.push(`      at ${node.target.join(' ')}`);
        if (node.failureSummary) {
          for (const line of node.failureSummary.split('\n').slice(0, 3)) {
            problems.push(`         ${line.trim()}`);
          }
        }
      }
      if (v.nodes.length > 10) problems.push(`      ... ${v.nodes.length - 10} more nodes`);
    }
    if (results.incomplete.length) {
      notes.push(
        `needs review (not failures): ${results.incomplete.map((r) => r.id).join(', ')}`,
      );
    }

    const rel = path.relative(DIR, file).replace(/\.html$/, '.png');
    const shot = path.join(SHOTS, rel);
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    notes.push(`screenshot: ${shot}`);
    // Anything the screenshot or axe triggered counts too.
    await page.waitForLoadState('networkidle').catch(() => {});
  } catch (err) {
    problems.push(`could not check the page: ${err.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }

  for (const [url, types] of outside) {
    problems.push(`request outside the file: ${url} (${[...types].join(', ')})`);
  }
  return { problems, violations, outside: outside.size, notes };
}

async function main() {
  let dirOk = false;
  try {
    dirOk = statSync(DIR).isDirectory();
  } catch {}
  if (!dirOk) {
    console.error(`error: no such folder: ${DIR}`);
    return 1;
  }
  const files = htmlFiles(DIR);
  if (files.length === 0) {
    console.error(`error: no *.html files under ${DIR}`);
    return 1;
  }
  const axePath = require.resolve('axe-core/axe.min.js');
  const axeSource = readFileSync(axePath, 'utf8');
  const axeVersion = JSON.parse(
    readFileSync(path.join(path.dirname(axePath), 'package.json'), 'utf8'),
  ).version;

  const browser = await launch();
  console.log(
    `axe-core ${axeVersion}, Chromium ${browser.version()}: ${files.length} page(s) under ${DIR}; tags ${TAGS.join(', ')}`,
  );

  let failed = 0;
  let violations = 0;
  let outside = 0;
  try {
    for (const file of files) {
      const r = await checkPage(browser, axeSource, file);
      violations += r.violations;
      outside += r.outside;
      if (r.problems.length) {
        failed += 1;
        console.log(`FAIL ${file}`);
        for (const p of r.problems) console.log(`  ${p}`);
      } else {
        console.log(`ok   ${file}`);
      }
      for (const n of r.notes) console.log(`  note: ${n}`);
    }
  } finally {
    await browser.close();
  }

  console.log(
    `${files.length} page(s): ${files.length - failed} clean, ${failed} failing; ` +
      `${violations} axe violation(s), ${outside} request(s) outside the file`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`error: ${err.stack ?? err}`);
    process.exit(1);
  },
);
