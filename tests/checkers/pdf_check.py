#!/usr/bin/env python3
"""Print every consent-form.html under a folder to PDF and check the print.

    pdf_check.py [DIR] [SCREENSHOT_DIR]
    (defaults: DIR = out, SCREENSHOT_DIR = target/screenshots)

For each DIR/<id>/consent-form.html, headless Chromium prints it to PDF
(SCREENSHOT_DIR/<id>/consent-form.pdf), and:
  - pdfinfo: every page is A4 (595 x 842 pt, +-1) and there are 1 to 4 pages;
  - pdftotext -layout, page by page: every page shows the notice id (the name of
    the folder holding the form: the form prints it in a footer on every page);
  - signature blocks: the HTML has at least one element of class
    `signature-block`, each with the labels Name, Signature and Date (any
    case); the PDF
    shows "(please print)" as often as the HTML does, and after each one the
    same page shows "Signature" and then "Date", so no block is split by a page
    break;
  - pdftoppm -r 60 renders each page to
    SCREENSHOT_DIR/<id>/consent-form-pdf-<page>.png for people to look at.
Exit 1 on any failure or when DIR holds no consent form; 2 on bad arguments.
Standard library only. CHROMIUM overrides the browser (default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Beyond the flags above, Chromium still looks up Google hosts (update,
    # extension and account services); these stop that, and the resolver rule
    # makes every host name fail inside Chromium without a DNS query.
    "--disable-extensions",
    "--disable-component-extensions-with-background-pages",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--no-default-browser-check",
    "--no-pings",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
A4_PT = (595.0, 842.0)
TOLERANCE_PT = 1.0
MAX_PAGES = 4
PLEASE_PRINT = re.compile(r"\(please print\)", re.IGNORECASE)
SIGNATURE = re.compile(r"\bSignature\b")
DATE = re.compile(r"\bDate\b")
PRINT_TIMEOUT_S = 90


class FormText(HTMLParser):
    """Visible text of the form, and the text of each .signature-block element."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.blocks: list[list[str]] = []
        self._stack: list[tuple[str, int | None]] = []  # (tag, block index or None)
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        index = None
        if "signature-block" in classes:
            self.blocks.append([])
            index = len(self.blocks) - 1
        if tag in ("script", "style", "template"):
            self._skip += 1
        self._stack.append((tag, index))

    def handle_endtag(self, tag):
        # Pop to the matching open tag (tolerates omitted end tags like </p>).
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for t, _ in self._stack[i:]:
                    if t in ("script", "style", "template"):
                        self._skip -= 1
                del self._stack[i:]
                return

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        for _, index in self._stack:
            if index is not None:
                self.blocks[index].append(data)


def run(cmd: list[str], timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)


def print_pdf(html: Path, pdf: Path) -> str | None:
    """Prints html to pdf with headless Chromium; returns an error or None."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    if pdf.exists():
        pdf.unlink()
    with tempfile.TemporaryDirectory(prefix="pdf-check-profile-") as profile:
        cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}",
               html.resolve().as_uri()]
        try:
            proc = run(cmd, timeout=PRINT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return f"chromium did not finish printing within {PRINT_TIMEOUT_S}s"
    if not pdf.is_file() or pdf.stat().st_size == 0:
        tail = "\n".join((proc.stderr or "").strip().splitlines()[-5:])
        return f"chromium wrote no PDF (exit {proc.returncode}): {tail}"
    return None


def page_sizes(pdf: Path) -> list[tuple[float, float]] | str:
    info = run(["pdfinfo", str(pdf)])
    if info.returncode != 0:
        return f"pdfinfo failed: {info.stderr.strip()}"
    m = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    if not m:
        return "pdfinfo shows no page count"
    pages = int(m.group(1))
    if pages == 0:
        return "the PDF has no pages"
    per_page = run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)])
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", per_page.stdout, re.MULTILINE)
    ]
    if len(sizes) != pages:
        return f"pdfinfo listed {len(sizes)} page sizes for {pages} pages"
    return sizes


def page_texts(pdf: Path) -> list[str] | str:
    out = run(["pdftotext", "-layout", str(pdf), "-"])
    if out.returncode != 0:
        return f"pdftotext failed: {out.stderr.strip()}"
    pages = out.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page with a form feed
    return pages


def check_form(html: Path, shots: Path, max_pages: int = MAX_PAGES) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    notes: list[str] = []
    notice_id = html.parent.name

    parsed = FormText()
    parsed.feed(html.read_text(encoding="utf-8"))
    parsed.close()
    html_text = "".join(parsed.text)
    blocks = ["".join(b) for b in parsed.blocks]
    if not blocks:
        problems.append("the form has no element of class `signature-block`")
    for i, block in enumerate(blocks, 1):
        missing = [
            label for label in ("Name", "Signature", "Date")
            if not re.search(rf"\b{label}\b", block, re.IGNORECASE)
        ]
        if missing:
            problems.append(f"signature block {i} lacks the label(s) {', '.join(missing)}")
    expected_marks = len(PLEASE_PRINT.findall(html_text))
    if blocks and expected_marks < len(blocks):
        problems.append(
            f"{len(blocks)} signature block(s) but {expected_marks} \"(please print)\" label(s) in the HTML"
        )

    pdf = shots / "consent-form.pdf"
    err = print_pdf(html, pdf)
    if err:
        return problems + [err], notes
    notes.append(f"pdf: {pdf}")

    sizes = page_sizes(pdf)
    if isinstance(sizes, str):
        return problems + [sizes], notes
    if len(sizes) > max_pages:
        problems.append(f"{len(sizes)} pages; at most {max_pages} allowed")
    for n, (w, h) in enumerate(sizes, 1):
        if abs(w - A4_PT[0]) > TOLERANCE_PT or abs(h - A4_PT[1]) > TOLERANCE_PT:
            problems.append(f"page {n} is {w} x {h} pt, not A4 (595 x 842 pt)")

    texts = page_texts(pdf)
    if isinstance(texts, str):
        return problems + [texts], notes
    if len(texts) != len(sizes):
        problems.append(f"pdftotext found {len(texts)} pages, pdfinfo {len(sizes)}")
    found_marks = 0
    for n, text in enumerate(texts, 1):
        if notice_id not in text:
            problems.append(f"page {n} does not show the notice id `{notice_id}`")
        marks = [m.end() for m in PLEASE_PRINT.finditer(text)]
        found_marks += len(marks)
        for k, start in enumerate(marks):
            end = marks[k + 1] if k + 1 < len(marks) else len(text)
            after = text[start:end]
            sig = SIGNATURE.search(after)
            date = DATE.search(after, sig.end()) if sig else None
            if not (sig and date):
                problems.append(
                    f"page {n}: the signature block with \"(please print)\" no. {k + 1} on this page "
                    "is not followed by \"Signature\" and \"Date\" on the same page (split by a page break?)"
                )
    if found_marks != expected_marks:
        problems.append(
            f"the PDF shows \"(please print)\" {found_marks} time(s), the HTML {expected_marks}"
        )

    for old in shots.glob("consent-form-pdf-*.png"):
        old.unlink()
    render = run(["pdftoppm", "-r", "60", "-png", str(pdf), str(shots / "consent-form-pdf")])
    if render.returncode != 0:
        problems.append(f"pdftoppm failed: {render.stderr.strip()}")
    else:
        notes.append(f"pages: {len(sizes)}, PNGs: {shots}/consent-form-pdf-*.png")
    return problems, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default="out", type=Path)
    parser.add_argument("screenshots", nargs="?", default="target/screenshots", type=Path)
    parser.add_argument("--max-pages", type=int, default=MAX_PAGES, help="the most pages a form may print on (default 4)")
    args = parser.parse_args(argv)

    for tool in (CHROMIUM, "pdfinfo", "pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"error: {tool} not found (install chromium and poppler-utils)")
            return 1
    if not args.dir.is_dir():
        print(f"error: no such folder: {args.dir}")
        return 1
    forms = sorted(args.dir.rglob("consent-form.html"))
    if not forms:
        print(f"error: no consent-form.html under {args.dir}")
        return 1

    print(f"{len(forms)} consent form(s) under {args.dir}")
    failed = 0
    for html in forms:
        started = time.monotonic()
        shots = args.screenshots / html.parent.relative_to(args.dir)
        problems, notes = check_form(html, shots, args.max_pages)
        took = f"{time.monotonic() - started:.1f}s"
        if problems:
            failed += 1
            print(f"FAIL {html} ({took})")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {html} ({took})")
        for n in notes:
            print(f"  note: {n}")
    print(f"{len(forms)} consent form(s): {len(forms) - failed} ok, {failed} failing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
