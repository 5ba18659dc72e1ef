#!/usr/bin/env python3
"""Check every *.jsonld under a folder: JSON-LD expansion and DPV terms.

    jsonld_check.py [DIR] [--terms TERMS]

Defaults: DIR = out, TERMS = ../shared/reference/dpv-terms.txt (relative to the
repository root, i.e. shared/ beside the repository).

For each .jsonld file:
  - it must parse as JSON;
  - it must expand (pyld) with every remote fetch refused: the @context must be
    inline; the expansion must be non-empty, and no key may be dropped by the
    expansion (a key the @context does not map to an IRI is lost data);
  - every IRI in the expanded document (each @id, each @type value, each
    property key) in a DPV namespace must be a term of the list. IRIs in a DPV
    namespace the list does not cover, and http:// DPV IRIs, fail too.
For each index.html in the same folder as a .jsonld, every
<script type="application/ld+json"> block must parse as JSON and equal the
.jsonld file's JSON.

Exit 1 on any problem or when DIR holds no .jsonld file; 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

from pyld import jsonld

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TERMS = REPO_ROOT / ".." / "shared" / "reference" / "dpv-terms.txt"

# The namespaces the term list covers (see shared/reference/README.md).
COVERED_NAMESPACES = (
    "https://w3id.org/dpv#",
    "https://w3id.org/dpv/pd#",
    "https://w3id.org/dpv/tech#",
    "https://w3id.org/dpv/ai#",
    "https://w3id.org/dpv/risk#",
    "https://w3id.org/dpv/justifications#",
    "https://w3id.org/dpv/loc#",
    "https://w3id.org/dpv/legal/eu#",
    "https://w3id.org/dpv/legal/eu/gdpr#",
    "https://w3id.org/dpv/legal/gb#",
)
DPV_PREFIX = "https://w3id.org/dpv"
DPV_HTTP_PREFIX = "http://w3id.org/dpv"


def refuse_remote(url, options=None):
    """Document loader that loads nothing: every @context must be inline."""
    raise jsonld.JsonLdError(
        f"remote document refused: {url} (the @context must be inline, "
        "this checker fetches nothing)",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


def load_terms(path: Path) -> set[str]:
    terms = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            terms.add(line)
    return terms


def collect_iris(node, iris: list[str], literals: list[str]) -> None:
    """Every @id, @type value and absolute-IRI property key in an expanded document.

    String @value literals that look like DPV IRIs go to `literals`.
    """
    if isinstance(node, list):
        for item in node:
            collect_iris(item, iris, literals)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "@id" and isinstance(value, str):
            iris.append(value)
        elif key == "@type":
            for t in value if isinstance(value, list) else [value]:
                if isinstance(t, str):
                    iris.append(t)
        elif key == "@value":
            if isinstance(value, str) and (
                value.startswith(DPV_PREFIX) or value.startswith(DPV_HTTP_PREFIX)
            ):
                literals.append(value)
            continue
        elif not key.startswith("@"):
            if ":" in key and not key.startswith("_:"):
                iris.append(key)
        collect_iris(value, iris, literals)


def judge_iri(iri: str, terms: set[str]) -> str | None:
    """Why a DPV IRI is wrong, or None when it is fine or not a DPV IRI."""
    if iri.startswith(DPV_HTTP_PREFIX):
        return "wrong scheme: DPV IRIs are https://"
    if not iri.startswith(DPV_PREFIX):
        return None
    hash_at = iri.find("#")
    namespace = iri[: hash_at + 1] if hash_at >= 0 else iri
    if namespace in COVERED_NAMESPACES:
        return None if iri in terms else "unknown DPV term"
    if "/owl#" in namespace:
        return "OWL-variant namespace: use the RDFS/SKOS IRI"
    return "DPV namespace not covered by the term list"


def is_dpv(iri: str) -> bool:
    return iri.startswith(DPV_PREFIX) or iri.startswith(DPV_HTTP_PREFIX)


def strict_equal(a, b) -> bool:
    """JSON value equality that keeps true apart from 1 (Python's == does not)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def first_difference(a, b, path: str = "$") -> str:
    """JSON path of the first place where a and b differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}"
            if not strict_equal(a[key], b[key]):
                return first_difference(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if not strict_equal(x, y):
                return first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}[{min(len(a), len(b))}]"
    return path


class LdJsonScripts(HTMLParser):
    """Collects the text of every <script type="application/ld+json">."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []
        self._open: list[str] | None = None
        self._line = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            if kind == "application/ld+json":
                self._open = []
                self._line = self.getpos()[0]

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.blocks.append((self._line, "".join(self._open)))
            self._open = None


def error_chain(exc: BaseException) -> str:
    parts = []
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        msg = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        msg = msg.strip().splitlines()[0] if msg.strip() else type(exc).__name__
        # pyld's messages go on with long advice after the first sentence.
        parts.append(msg.split(". ")[0].rstrip("."))
        exc = exc.__cause__ or getattr(exc, "cause", None) or exc.__context__
    return " <- ".join(parts)


def check_file(path: Path, terms: set[str], stats: dict) -> list[str]:
    problems: list[str] = []
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"not JSON: {exc}"]

    dropped: list[str] = []
    try:
        expanded = jsonld.expand(
            doc,
            {"documentLoader": refuse_remote, "base": path.resolve().as_uri()},
            on_property_dropped=lambda prop: dropped.append(str(prop)),
        )
    except Exception as exc:  # pyld raises JsonLdError, wrapping loader errors
        return [f"JSON-LD expansion failed: {error_chain(exc)}"]
    if not expanded:
        problems.append("expansion is empty: the @context maps nothing to IRIs")
    for prop in sorted(set(dropped)):
        problems.append(f"key dropped by expansion (not mapped to an IRI): {prop}")

    iris: list[str] = []
    literals: list[str] = []
    collect_iris(expanded, iris, literals)
    stats["iris"] += len(iris)
    for iri in iris:
        if is_dpv(iri):
            stats["dpv_checked"] += 1
            why = judge_iri(iri, terms)
            if why:
                problems.append(f"{why}: {iri}")
    for lit in literals:
        why = judge_iri(lit, terms)
        stats["dpv_checked"] += 1
        if why:
            problems.append(f"{why} (in a string literal): {lit}")
        else:
            print(f"  note: {path}: DPV IRI as a string literal, not an IRI: {lit}")

    # index.html beside the .jsonld embeds the same JSON.
    html = path.with_name("index.html")
    if html.is_file():
        problems.extend(check_embedded(html, doc, path, stats))
    return problems


def check_embedded(html: Path, doc, source: Path, stats: dict) -> list[str]:
    problems = []
    parser = LdJsonScripts()
    try:
        parser.feed(html.read_text(encoding="utf-8"))
        parser.close()
    except (OSError, ValueError) as exc:
        return [f"cannot read {html}: {exc}"]
    siblings = sorted(source.parent.glob("*.jsonld"))
    if not parser.blocks:
        return [f"{html} has no <script type=\"application/ld+json\"> block"]
    for line, text in parser.blocks:
        stats["blocks"] += 1
        try:
            embedded = json.loads(text)
        except ValueError as exc:
            problems.append(f"{html}:{line}: ld+json block is not JSON: {exc}")
            continue
        if len(siblings) == 1:
            if not strict_equal(embedded, doc):
                problems.append(
                    f"{html}:{line}: ld+json block differs from {source.name} "
                    f"(first at {first_difference(embedded, doc)})"
                )
        else:
            # Several .jsonld files: the block must equal one of them; report once,
            # from the first file of the folder.
            if source == siblings[0]:
                others = [json.loads(s.read_text(encoding="utf-8")) for s in siblings]
                if not any(strict_equal(embedded, o) for o in others):
                    problems.append(f"{html}:{line}: ld+json block equals none of the .jsonld files")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default="out", type=Path)
    parser.add_argument("--terms", type=Path, default=None,
                        help=f"DPV term list (default: {DEFAULT_TERMS})")
    args = parser.parse_args(argv)

    terms_path = args.terms if args.terms is not None else DEFAULT_TERMS
    try:
        terms = load_terms(terms_path)
    except OSError as exc:
        print(f"error: cannot read the DPV term list {terms_path}: {exc}")
        return 1
    if not terms:
        print(f"error: the DPV term list {terms_path} has no terms")
        return 1

    # Refuse remote loads even where an options dict is not passed through.
    jsonld.set_document_loader(refuse_remote)

    if not args.dir.is_dir():
        print(f"error: no such folder: {args.dir}")
        return 1
    files = sorted(args.dir.rglob("*.jsonld"))
    if not files:
        print(f"error: no *.jsonld files under {args.dir}")
        return 1

    stats = {"iris": 0, "dpv_checked": 0, "blocks": 0}
    failed = 0
    total_problems = 0
    for path in files:
        problems = check_file(path, terms, stats)
        if problems:
            failed += 1
            total_problems += len(problems)
            print(f"FAIL {path}")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {path}")

    print(
        f"{len(files)} .jsonld file(s) ({failed} failing), {stats['iris']} IRI(s) seen, "
        f"{stats['dpv_checked']} DPV IRI(s) checked against {len(terms)} terms, "
        f"{stats['blocks']} embedded ld+json block(s) compared; {total_problems} problem(s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
