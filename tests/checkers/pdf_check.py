#!/usr/bin/env python3
"""Check the PDFs noticec writes: every notice.pdf, consent-form.pdf and
consent-form-large-print.pdf under a folder of built outputs.

    pdf_check.py [DIR] [SCREENSHOT_DIR] [--max-pages N] [--max-notice-pages N]
    (defaults: DIR = out, SCREENSHOT_DIR = target/screenshots, --max-pages 2,
    --max-notice-pages 40)

For each PDF:
  - pdfinfo: every page is A4 (595 x 842 pt, +-1); a consent-form.pdf has at
    most --max-pages pages (one sheet printed on both sides by default), a
    notice.pdf and a large-print form at most --max-notice-pages;
  - pdffonts: every font is embedded;
  - pdfua (PyPI; the machine-checkable subset of PDF/UA-1 and WCAG 2.1, on
    pikepdf): no finding of WARNING or ERROR severity;
  - pdftotext -layout, page by page: every page has the footer with the notice
    id (the folder's name), the short content hash (the one notice.txt ends
    with) and "Page n of m";
  - forms: the PDF shows "Name (please print)" once per signature block of the
    HTML form (elements of class `signature-block`), and after each one the
    same page shows "Signature" and then "Date": no block is split by a page
    break. Where the HTML form has tick boxes, the first one's statement is on
    the same page as every signature block;
  - pdfplumber: the smallest text is at least 12 pt (16 pt in a large-print
    form), footer included;
  - pdftoppm -r 60 renders each page to SCREENSHOT_DIR/<id>/<name>-<page>.png
    for people to look at.
Exit 1 on any failure or when DIR holds no PDF; 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pdfua

A4 = (595.276, 841.89)
TOLERANCE = 1.0
STANDARD_MIN_PT = 12.0
LARGE_MIN_PT = 16.0
NAMES = ("notice.pdf", "consent-form.pdf", "consent-form-large-print.pdf")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


class FormParts(HTMLParser):
    """Counts the signature blocks of an HTML form and collects its tick-box statements."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks = 0
        self.statements: list[str] = []
        self._label = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "signature-block" in (a.get("class") or "").split():
            self.blocks += 1
        if tag == "label" and (a.get("for") or "").startswith("consent-"):
            self._label = True
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self._label:
            self._label = False
            self.statements.append(" ".join("".join(self._text).split()))

    def handle_data(self, data: str) -> None:
        if self._label:
            self._text.append(data)


def squash(text: str) -> str:
    return " ".join(text.split())


def page_count(pdf: Path) -> tuple[int, list[str]]:
    info = run("pdfinfo", "-f", "1", "-l", "100000", str(pdf))
    problems = []
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if len(sizes) != pages:
        problems.append(f"pdfinfo gave {len(sizes)} page sizes for {pages} pages")
    for number, w, h in sizes:
        if abs(float(w) - A4[0]) > TOLERANCE or abs(float(h) - A4[1]) > TOLERANCE:
            problems.append(f"page {number} is {w} x {h} pt, not A4")
    return pages, problems


def fonts(pdf: Path) -> list[str]:
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    problems = []
    if not lines:
        problems.append("pdffonts lists no font")
    for line in lines:
        # name type encoding emb sub uni object-id: "emb" is the fourth column from the right.
        cols = line.split()
        if len(cols) < 7 or cols[-5] != "yes":
            problems.append(f"font not embedded: {line.strip()}")
    return problems


def ua(pdf: Path) -> list[str]:
    report = pdfua.validate(str(pdf))
    return [
        f"pdfua {f.rule_id} {f.severity.name}: {f.message}"
        for f in report.findings
        if f.severity >= pdfua.Severity.WARNING
    ]


def smallest_text(pdf: Path) -> float:
    smallest = float("inf")
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for c in page.chars:
                if c["text"].strip():
                    smallest = min(smallest, float(c["size"]))
    return smallest


def check_pdf(pdf: Path, hash_: str | None, form: FormParts | None, limit: int, shots: Path) -> list[str]:
    nid = pdf.parent.name
    problems: list[str] = []
    pages, size_problems = page_count(pdf)
    problems += size_problems
    if pages < 1 or pages > limit:
        problems.append(f"{pages} pages; at most {limit} allowed")
    problems += fonts(pdf)
    problems += ua(pdf)

    texts = [run("pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-") for i in range(1, pages + 1)]
    for i, text in enumerate(texts, start=1):
        flat = squash(text)
        if nid not in flat:
            problems.append(f"page {i}: footer lacks the notice id {nid}")
        if hash_ and hash_ not in flat:
            problems.append(f"page {i}: footer lacks the content hash {hash_}")
        if f"Page {i} of {pages}" not in flat:
            problems.append(f"page {i}: footer lacks \"Page {i} of {pages}\"")

    if form is not None:
        label = "Name (please print)"
        found = sum(squash(t).count(label) for t in texts)
        if found != form.blocks:
            problems.append(f"{found} signature blocks printed, the HTML form has {form.blocks}")
        block_pages = set()
        for i, text in enumerate(texts, start=1):
            flat = squash(text)
            start = 0
            while (at := flat.find(label, start)) >= 0:
                rest = flat[at + len(label):]
                sig = rest.find("Signature")
                if sig < 0 or rest.find("Date", sig) < 0:
                    problems.append(f"page {i}: a signature block is split by the page break")
                block_pages.add(i)
                start = at + len(label)
        if form.statements:
            first = squash(form.statements[0])[:40]
            on = [i for i, t in enumerate(texts, start=1) if first in squash(t)]
            if not on or any(p not in on for p in block_pages):
                problems.append(
                    f"the tick boxes (page {on}) and the signature blocks (pages {sorted(block_pages)}) are not on one page"
                )

    minimum = LARGE_MIN_PT if "large-print" in pdf.name else STANDARD_MIN_PT
    smallest = smallest_text(pdf)
    if smallest < minimum - 0.05:
        problems.append(f"smallest text is {smallest:.1f} pt; at least {minimum:.0f} pt wanted")

    out = shots / nid
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{pdf.stem}-*.png"):
        if re.fullmatch(re.escape(pdf.stem) + r"-\d+\.png", old.name):
            old.unlink()
    run("pdftoppm", "-r", "60", "-png", str(pdf), str(out / pdf.stem))
    print(f"{pdf}: {pages} page(s), smallest text {smallest:.1f} pt")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="out")
    parser.add_argument("screenshots", nargs="?", default="target/screenshots")
    parser.add_argument("--max-pages", type=int, default=2, help="most pages of a consent-form.pdf")
    parser.add_argument("--max-notice-pages", type=int, default=40, help="most pages of other PDFs")
    args = parser.parse_args()
    root = Path(args.dir)
    if not root.is_dir():
        print(f"error: no such folder: {root}", file=sys.stderr)
        return 2
    pdfs = sorted(p for name in NAMES for p in root.glob(f"*/{name}"))
    if not pdfs:
        print(f"FAIL: no PDF under {root}")
        return 1
    failed = 0
    for pdf in pdfs:
        text = pdf.parent / "notice.txt"
        found = re.search(r"content hash ([0-9a-f]{12})", text.read_text()) if text.exists() else None
        form = None
        if pdf.name.startswith("consent-form"):
            html = pdf.parent / "consent-form.html"
            form = FormParts()
            if html.exists():
                form.feed(html.read_text())
        limit = args.max_pages if pdf.name == "consent-form.pdf" else args.max_notice_pages
        try:
            problems = check_pdf(pdf, found.group(1) if found else None, form, limit, Path(args.screenshots))
        except (subprocess.CalledProcessError, pdfua.PdfuaError, OSError) as e:
            problems = [f"could not check: {e}"]
        if found is None:
            problems.append("no content hash in notice.txt to compare the footer with")
        for p in problems:
            print(f"FAIL {pdf}: {p}")
        failed += bool(problems)
    print(f"{len(pdfs)} PDF(s) checked, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
