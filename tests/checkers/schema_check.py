#!/usr/bin/env python3
"""Validate a notices YAML file against the JSON Schema (draft 2020-12).

    schema_check.py [YAML] [--schema SCHEMA] [--min-notices N]

Defaults: YAML = notices.yaml, SCHEMA = schema/notice.schema.json, N = 5.

The YAML is read as YAML 1.2 (core schema), as a YAML 1.2 parser reads it:
dates stay strings, only true/false are booleans (yes/no/on/off are strings),
`0o17` is octal and `017` is decimal, `1e3` is a float, `<<` is an ordinary
key, and a key repeated in one mapping is an error.

Prints every schema error with its JSON path. Exit 0 when the file is valid and
has at least N notices, 1 on any problem, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

# ---------------------------------------------------------------- YAML 1.2 core

# YAML 1.2.2, 10.3.2 "Tag Resolution" (core schema).
CORE_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
CORE_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
CORE_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN))$"
)

# Tags whose YAML 1.1 resolvers are replaced (bool, int, float) or dropped
# (timestamp, merge, value): YAML 1.2 core has no timestamps, merge keys or
# value keys.
_REPLACED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
}


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping repeats a key (YAML 1.2 requires unique keys)."""


class Yaml12CoreLoader(yaml.SafeLoader):
    """SafeLoader whose plain scalars follow the YAML 1.2 core schema."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = self.construct_object(key_node, deep=True)
                    try:
                        hash(key)
                    except TypeError:
                        continue
                    if key in seen:
                        raise DuplicateKeyError(
                            "a mapping has this key first",
                            seen[key],
                            f"found duplicate key {key!r}",
                            key_node.start_mark,
                        )
                    seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_core_bool(self, node):
        return self.construct_scalar(node).lower() == "true"

    def construct_core_int(self, node):
        value = self.construct_scalar(node)
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)

    def construct_core_float(self, node):
        value = self.construct_scalar(node)
        lowered = value.lower()
        if lowered.endswith(".inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        if lowered == ".nan":
            return math.nan
        return float(value)

    def construct_core_null(self, node):
        self.construct_scalar(node)
        return None


Yaml12CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Registration order matters: PyYAML tries resolvers in order, and 1.2 puts
# int before float ("123" is an int).
Yaml12CoreLoader.add_implicit_resolver("tag:yaml.org,2002:null", CORE_NULL, ["~", "n", "N", ""])
Yaml12CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", CORE_BOOL, list("tTfF"))
Yaml12CoreLoader.add_implicit_resolver("tag:yaml.org,2002:int", CORE_INT, list("-+0123456789"))
Yaml12CoreLoader.add_implicit_resolver("tag:yaml.org,2002:float", CORE_FLOAT, list("-+.0123456789"))
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:bool", Yaml12CoreLoader.construct_core_bool)
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:int", Yaml12CoreLoader.construct_core_int)
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:float", Yaml12CoreLoader.construct_core_float)
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:null", Yaml12CoreLoader.construct_core_null)
# An explicit !!timestamp tag keeps the text: JSON has no date type.
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load_yaml(path: Path):
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Yaml12CoreLoader)  # noqa: S506 (a SafeLoader subclass)


# ---------------------------------------------------------------- checking


def describe(error, indent: str = "  ") -> list[str]:
    """One error as lines: JSON path, message, and the sub-errors of anyOf/oneOf."""
    lines = [f"{indent}{error.json_path}: {error.message}"]
    lines.append(f"{indent}    (schema: {'/'.join(str(p) for p in error.absolute_schema_path)})")
    if error.context:
        for sub in sorted(error.context, key=lambda e: (e.json_path, e.message))[:10]:
            lines.append(f"{indent}    - {sub.json_path}: {sub.message}")
        if len(error.context) > 10:
            lines.append(f"{indent}    - ... {len(error.context) - 10} more")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("yaml", nargs="?", default="notices.yaml", type=Path)
    parser.add_argument("--schema", default="schema/notice.schema.json", type=Path)
    parser.add_argument("--min-notices", default=5, type=int)
    args = parser.parse_args(argv)

    problems = 0

    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"error: cannot read schema {args.schema}: {exc}")
        return 1
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        print(f"error: {args.schema} is not a valid draft 2020-12 schema:")
        print(f"  {exc.json_path}: {exc.message}")
        return 1
    declared = schema.get("$schema") if isinstance(schema, dict) else None
    if declared and "2020-12" not in declared:
        print(f"error: {args.schema} declares $schema {declared!r}, expected draft 2020-12")
        problems += 1

    try:
        doc = load_yaml(args.yaml)
    except OSError as exc:
        print(f"error: cannot read {args.yaml}: {exc}")
        return 1
    except yaml.YAMLError as exc:
        print(f"error: {args.yaml}: YAML error:\n{exc}")
        return 1

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: (e.json_path, e.message))
    if errors:
        print(f"{args.yaml}: {len(errors)} schema error(s):")
        for error in errors:
            print("\n".join(describe(error)))
        problems += len(errors)

    notices = doc.get("notices") if isinstance(doc, dict) else None
    if not isinstance(notices, list):
        print(f"error: {args.yaml}: `notices` is missing or is not a list")
        problems += 1
        count = 0
    else:
        count = len(notices)
        if count < args.min_notices:
            print(f"error: {args.yaml}: {count} notices; at least {args.min_notices} expected")
            problems += 1

    if problems:
        print(f"{args.yaml}: FAILED ({problems} problem(s))")
        return 1
    print(f"{count} notices valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
