#!/usr/bin/env node
// Layout check of every *.html under a folder, on a phone (390 px) and a desktop (1280 px).
//
//   node tests/checkers/layout_check.mjs [DIR] [SCREENSHOT_DIR] [--glance-warn]
//   (defaults: DIR = out, SCREENSHOT_DIR = target/screenshots)
//
// For each page and width, in headless Chromium with every request but the page's own file blocked:
//   - squeezed text: a visible block of text (a paragraph, a caption, a table cell, a heading...) is
//     narrower than the longest word in it, so the word breaks mid-word or one letter per line. A word
//     is a run of text between spaces and after hyphens, measured in the font it is set in. A word wider
//     than the page's main column cannot fit anywhere and is not counted, nor is a web or email address;
//   - long lines (1280 px only): a line of a paragraph, list item, description or address that holds
//     more than 80 characters (spaces included), counted line by line from the character boxes;
//   - the height of the "at a glance" section at 390 px, reported for every notice page; for the
//     pages in GLANCE_LIMITS it must fit one phone screen (844 px). With --glance-warn that check
//     is reported as a warning and does not fail the run.
// Writes a full-page screenshot of each page at each width to
// SCREENSHOT_DIR/layout/<page>-<width>.png (out/a/index.html -> layout/a-index-390.png).
// Exit 1 on any finding, or when DIR holds no HTML file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileUrl, htmlFiles, isolate, launch } from './browser.mjs';

const args = process.argv.slice(2);
const GLANCE_WARN = args.includes('--glance-warn');
const [DIR = 'out', SHOTS = 'target/screenshots'] = args.filter((a) => !a.startsWith('--'));
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];
const MAX_LINE_CHARS = 80;
// Pages (by path under DIR) whose "at a glance" section must fit one 390 x 844 phone screen.
const GLANCE_LIMITS = new Map([['live-well-kent/index.html', 844]]);
const PAGE_TIMEOUT_MS = 30_000;

// Runs in the page: every finding about squeezed text and long lines, and the glance height.
function measure({ maxLineChars, checkLines }) {
  const found = [];
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let s = e.localName;
      if (e.id) s += `#${e.id}`;
      else if (e.classList.length) s += `.${[...e.classList].join('.')}`;
      parts.unshift(s);
      if (e.id) break;
    }
    return parts.join(' > ');
  };
  const clip = (text) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > 70 ? `${t.slice(0, 67)}...` : t;
  };
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
      if (cs.clipPath !== 'none' || (cs.clip && cs.clip !== 'auto')) return true;
    }
    const r = el.getBoundingClientRect();
    return r.width <= 1 || r.height <= 1 || r.right < 0;
  };
  // The box that lays out a text node's lines: its nearest ancestor that is not inline.
  const blockOf = (node) => {
    let e = node.parentElement;
    while (e && ['inline', 'contents'].includes(getComputedStyle(e).display)) e = e.parentElement;
    return e;
  };
  const contentWidth = (el) => {
    const cs = getComputedStyle(el);
    const px = (v) => parseFloat(v) || 0;
    return (
      el.getBoundingClientRect().width -
      px(cs.paddingLeft) - px(cs.paddingRight) - px(cs.borderLeftWidth) - px(cs.borderRightWidth)
    );
  };
  const canvas = document.createElement('canvas').getContext('2d');
  const wordWidth = (word, el) => {
    const cs = getComputedStyle(el);
    canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    return canvas.measureText(word).width;
  };
  // A web or email address is not a word: it may break where it must.
  const ADDRESS = /^(https?:\/\/|www\.|mailto:)|@/i;
  const main = document.querySelector('main') ?? document.body;
  const column = contentWidth(main);

  // Squeezed text: per block, its longest word against its width.
  const longest = new Map(); // block -> { word, width }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    const parent = node.parentElement;
    if (!parent || ['script', 'style', 'noscript', 'template'].includes(parent.localName)) continue;
    if (hidden(parent)) continue;
    const block = blockOf(node);
    if (!block) continue;
    // Words: split at spaces, and after a hyphen or dash, where a line may break.
    for (const word of node.data.split(/\s+|(?<=[-\u2010\u2013\u2014])/u)) {
      if (!word || ADDRESS.test(word)) continue;
      const w = wordWidth(word, parent);
      const best = longest.get(block);
      if (!best || w > best.width) longest.set(block, { word, width: w });
    }
  }
  for (const [block, { word, width }] of longest) {
    const room = contentWidth(block);
    if (width > column) continue; // fits nowhere: a long link or address wraps where it must
    if (room + 0.5 < width) {
      found.push({
        kind: 'squeezed',
        where: describe(block),
        text: clip(block.textContent),
        detail: `${Math.round(room)} px wide, its word "${word}" needs ${Math.round(width)} px`,
      });
    }
  }

  // Long lines: characters per line box, for each text block of running prose.
  let longestLine = 0;
  if (checkLines) {
    const range = document.createRange();
    const blocks = main.querySelectorAll('p, li, dd, address, blockquote, figcaption');
    for (const block of blocks) {
      if (hidden(block)) continue;
      // Lines of this block only: text inside a nested block is counted with that block.
      const nested = (node) => {
        for (let e = node.parentElement; e && e !== block; e = e.parentElement) {
          if (e.matches('p, li, dd, dt, address, blockquote, ul, ol, dl, table, div')) return true;
        }
        return false;
      };
      const lines = [];
      let current = null;
      const tw = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = tw.nextNode(); node; node = tw.nextNode()) {
        if (nested(node) || hidden(node.parentElement)) continue;
        for (let i = 0; i < node.data.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = range.getClientRects();
          if (rects.length === 0 || rects[0].width === 0) continue; // collapsed space
          const r = rects[0];
          if (!current || r.top >= current.bottom - 2) {
            current = { top: r.top, bottom: r.bottom, chars: '' };
            lines.push(current);
          }
          current.bottom = Math.max(current.bottom, r.bottom);
          current.chars += node.data[i];
        }
      }
      for (const line of lines) {
        const n = line.chars.length;
        longestLine = Math.max(longestLine, n);
        if (n > maxLineChars) {
          found.push({
            kind: 'long line',
            where: describe(block),
            text: clip(line.chars),
            detail: `${n} characters on one line`,
          });
        }
      }
    }
  }

  const glance = document.querySelector('section.glance');
  return {
    found,
    longestLine,
    glance: glance ? Math.round(glance.getBoundingClientRect().height) : null,
  };
}

async function checkPage(browser, file, rel, { width, height }) {
  const ownUrl = fileUrl(file);
  const outside = [];
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  await isolate(context, ownUrl, (_type, url) => outside.push(url));
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  try {
    await page.goto(ownUrl, { waitUntil: 'load' });
    const result = await page.evaluate(measure, {
      maxLineChars: MAX_LINE_CHARS,
      checkLines: width >= 1280,
    });
    const shot = path.join(SHOTS, 'layout', `${rel.replace(/\.html$/, '').split(path.sep).join('-')}-${width}.png`);
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    for (const url of outside) {
      result.found.push({ kind: 'request', where: url, text: '', detail: 'blocked: outside the file' });
    }
    return { ...result, shot };
  } finally {
    await context.close();
  }
}

async function main() {
  const files = htmlFiles(DIR);
  if (files.length === 0) {
    console.error(`error: no *.html files under ${DIR}`);
    return 1;
  }
  const browser = await launch();
  console.log(
    `Chromium ${browser.version()}: ${files.length} page(s) under ${DIR} at ${WIDTHS.map((w) => `${w.width} px`).join(' and ')}`,
  );
  let findings = 0;
  let warnings = 0;
  try {
    for (const file of files) {
      const rel = path.relative(DIR, file);
      for (const size of WIDTHS) {
        let r;
        try {
          r = await checkPage(browser, file, rel, size);
        } catch (err) {
          findings += 1;
          console.log(`FAIL ${rel} at ${size.width} px: could not check the page: ${err.message.split('\n')[0]}`);
          continue;
        }
        const notes = [`screenshot ${r.shot}`];
        if (size.width >= 1280) notes.push(`longest line ${r.longestLine} characters`);
        const warns = [];
        if (r.glance !== null && size.width === 390) {
          notes.push(`"at a glance" ${r.glance} px tall`);
          const limit = GLANCE_LIMITS.get(rel.split(path.sep).join('/'));
          if (limit !== undefined && r.glance > limit) {
            const finding = {
              kind: 'glance',
              where: 'section.glance',
              text: '',
              detail: `${r.glance} px tall, more than one ${size.width} x ${limit} phone screen`,
            };
            if (GLANCE_WARN) warns.push(finding);
            else r.found.push(finding);
          }
        }
        findings += r.found.length;
        warnings += warns.length;
        console.log(`${r.found.length ? 'FAIL' : 'ok  '} ${rel} at ${size.width} px (${notes.join('; ')})`);
        for (const f of r.found) {
          console.log(`  ${f.kind}: ${f.where}: ${f.detail}${f.text ? `: "${f.text}"` : ''}`);
        }
        for (const f of warns) {
          console.log(`  warning (--glance-warn, not a failure): ${f.kind}: ${f.where}: ${f.detail}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    `${files.length} page(s) x ${WIDTHS.length} widths: ${findings} finding(s), ${warnings} warning(s); screenshots in ${path.join(SHOTS, 'layout')}/`,
  );
  return findings ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`error: ${err.stack ?? err}`);
    process.exit(1);
  },
);
