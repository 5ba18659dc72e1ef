#!/usr/bin/env python3
"""Check every consent-record.jsonld under a folder against the fields the DPV guide
"Implementing ISO/IEC TS 27560:2023 consent records and receipts"
(https://w3id.org/dpv/guides/consent-27560, section 8) says MUST be present.

    consent_record_check.py [DIR]

Default: DIR = out.

A consent record written beside a form is blank: the case system fills it in when the
signed form comes back. So a field "is present" when its key is there, even with the
value null (JSON-LD reads null as no value: a blank the case system fills in). A key
that is missing fails.

Checked, for the record:       RECORD_FIELDS (8.1, 8.2).
Checked, for each consent
choice (each dpv:Process):     PROCESS_FIELDS (8.3), and in its dpv:hasConsentStatus
                               STATUS_FIELDS (8.5).
A record with no dpv:hasProcess comes from a form with no consent choices: it must say so
(rdfs:comment), and has no processing or consent event fields to check.

Fields the guide requires that a blank record made from the notice alone does not carry
(personal data, storage, recipients, ...: they are in notice.jsonld or only the case
system knows them) are listed in NOT_CARRIED and printed, never checked.

The JSON-LD itself (expansion, DPV terms) is jsonld_check.py's job.

Exit 1 on any problem or when DIR holds no consent-record.jsonld; 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# (guide section and field name, JSON key). A key with a list of alternatives passes when
# any of them is present.
RECORD_FIELDS = [
    ("8.1.2 Record Identifier", "dct:identifier"),
    ("8.1.3 Data Subject", "dpv:hasDataSubject"),
    ("8.2.1 Notice", "dpv:hasNotice"),
]
# Inside the dpv:hasNotice node.
NOTICE_FIELDS = [
    ("8.2.2 Notice Language", "dct:language"),
]
PROCESS_FIELDS = [
    ("8.3.2 Purpose", "dpv:hasPurpose"),
    ("8.5.1 Consent Type", "dpv:hasLegalBasis"),
    # On the process, or once for the whole record (the form's own withdrawal method).
    ("8.3.8 Consent Change & Withdrawal", "dpv:hasConsentControl"),
    ("8.5.2 Consent State", "dpv:hasConsentStatus"),
]
STATUS_FIELDS = [
    ("8.5.3 Event Time", "dpv:isIndicatedAtTime"),
    ("8.5.5 Expression by Entity", "dpv:isIndicatedBy"),
]
NOT_CARRIED = [
    ("8.1.1 Schema Version", "dct:conformsTo: a blank record claims no conformance"),
    ("8.3.3 Personal Data", "in notice.jsonld, on the purpose's process"),
    ("8.3.4.2 Storage Condition(s)", "in notice.jsonld"),
    ("8.3.5 Data Controller(s)", "in notice.jsonld"),
    ("8.3.7 Recipients", "in notice.jsonld, on the purpose's process"),
    ("8.3.9 Jurisdiction(s)", "not stated by the notices"),
    ("8.3.10 Rights", "in notice.jsonld"),
    ("8.4 Entity fields (name, identifier, role, contact)", "in notice.jsonld"),
    ("8.5.4 Event Duration", "given only where the notice says when consent ends"),
]

RECORD_TYPE = "dpv:ConsentRecord"


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def missing(node: dict, fields, where: str, also: dict | None = None) -> list[str]:
    problems = []
    for name, key in fields:
        if key in node or (also is not None and key in also):
            continue
        problems.append(f"missing {name} (`{key}`) {where}")
    return problems


def check_record(doc) -> list[str]:
    if not isinstance(doc, dict):
        return ["the record is not a JSON object"]
    problems = []
    if RECORD_TYPE not in as_list(doc.get("@type")):
        problems.append(f"the record's @type is not {RECORD_TYPE}")
    problems += missing(doc, RECORD_FIELDS, "on the record")
    for notice in as_list(doc.get("dpv:hasNotice", [])):
        if isinstance(notice, dict):
            problems += missing(notice, NOTICE_FIELDS, "on its dpv:hasNotice")
        else:
            problems.append("dpv:hasNotice is not a node")
    if "dpv:hasProcess" not in doc:
        if "rdfs:comment" not in doc:
            problems.append(
                "missing 8.3.1 Process (`dpv:hasProcess`) on the record, and no rdfs:comment "
                "saying the form has no consent choices"
            )
        return problems
    processes = as_list(doc["dpv:hasProcess"])
    if not processes:
        problems.append("8.3.1 Process (`dpv:hasProcess`) is empty")
    for i, process in enumerate(processes):
        label = f"on consent choice {i + 1}"
        if isinstance(process, dict) and "dct:identifier" in process:
            label = f"on consent choice `{process['dct:identifier']}`"
        if not isinstance(process, dict):
            problems.append(f"{label} is not a node")
            continue
        problems += missing(process, PROCESS_FIELDS, label, also=doc)
        for status in as_list(process.get("dpv:hasConsentStatus", [])):
            if not isinstance(status, dict):
                problems.append(f"dpv:hasConsentStatus {label} is not a node")
                continue
            problems += missing(status, STATUS_FIELDS, f"in the consent status {label}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default="out", type=Path)
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        print(f"error: no such folder: {args.dir}")
        return 1
    files = sorted(args.dir.rglob("consent-record.jsonld"))
    if not files:
        print(f"error: no consent-record.jsonld under {args.dir}")
        return 1
    failed = 0
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems = [f"not JSON: {exc}"]
        else:
            problems = check_record(doc)
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok   {path}")
    print("not carried by a blank record (not checked):")
    for name, why in NOT_CARRIED:
        print(f"  {name}: {why}")
    checked = len(RECORD_FIELDS) + len(NOTICE_FIELDS) + len(PROCESS_FIELDS) + len(STATUS_FIELDS)
    print(
        f"{len(files)} consent record(s) ({failed} failing), {checked} required field(s) "
        f"of the DPV 27560 guide checked"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
