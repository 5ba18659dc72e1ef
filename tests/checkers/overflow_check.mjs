// Overflow check: no page scrolls sideways on a phone (390 px) or a desktop (1280 px), and nothing on a
// printed page is wider than A4 between the margins. Long words, long links and tables must wrap.
//
//   node tests/checkers/overflow_check.mjs [DIR]      (default: out)
import { resolve } from 'node:path';
import { fileUrl, htmlFiles, isolate, launch } from './browser.mjs';

const dir = resolve(process.argv[2] ?? 'out');
const files = htmlFiles(dir);
if (files.length === 0) {
  console.error(`error: no HTML files under ${dir}`);
  process.exit(1);
}

const browser = await launch();
// A4 is 210 mm; the form's side margins are 14 mm each: 182 mm is about 688 CSS pixels.
const cases = [
  { name: 'phone', width: 390, media: 'screen' },
  { name: 'desktop', width: 1280, media: 'screen' },
  { name: 'A4 print', width: 688, media: 'print' },
];
let failures = 0;
for (const file of files) {
  for (const c of cases) {
    const context = await browser.newContext({ viewport: { width: c.width, height: 900 } });
    await isolate(context, fileUrl(file));
    const page = await context.newPage();
    await page.emulateMedia({ media: c.media });
    await page.goto(fileUrl(file));
    const { scroll, widest } = await page.evaluate(() => {
      let widest = null;
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > document.documentElement.clientWidth + 1 && (!widest || r.right > widest.right)) {
          widest = { tag: el.tagName.toLowerCase(), right: Math.round(r.right), text: (el.textContent || '').slice(0, 60) };
        }
      }
      return { scroll: document.documentElement.scrollWidth, widest };
    });
    if (scroll > c.width + 1 || widest) {
      failures++;
      console.log(`FAIL ${file} (${c.name}, ${c.width}px): content is ${scroll}px wide` +
        (widest ? `; widest <${widest.tag}> ends at ${widest.right}px: ${JSON.stringify(widest.text)}` : ''));
    }
    await context.close();
  }
}
await browser.close();
console.log(`${files.length} page(s) x ${cases.length} widths: ${failures} overflowing`);
process.exit(failures ? 1 : 0);
