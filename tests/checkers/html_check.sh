#!/usr/bin/env bash
# Nu HTML Checker (vnu.jar) over every *.html under a folder.
#
#   bash tests/checkers/html_check.sh [DIR]      (default DIR: out)
#
# Reports errors only (warnings and info are not failures), one per line in GNU
# format (file:line.col-line.col: error: message). Exit 1 on any error or when
# DIR holds no HTML file. VNU_JAR overrides the jar's path.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:-out}"
VNU_JAR="${VNU_JAR:-$HERE/node_modules/vnu-jar/build/dist/vnu.jar}"

if [[ ! -f "$VNU_JAR" ]]; then
    echo "error: $VNU_JAR not found (run: bash scripts/test, or npm ci in tests/checkers)" >&2
    exit 1
fi
if [[ ! -d "$DIR" ]]; then
    echo "error: no such folder: $DIR" >&2
    exit 1
fi

mapfile -d '' FILES < <(find "$DIR" -type f -name '*.html' -print0 | sort -z)
if ((${#FILES[@]} == 0)); then
    echo "error: no *.html files under $DIR" >&2
    exit 1
fi

echo "vnu $(java -jar "$VNU_JAR" --version) checking ${#FILES[@]} HTML file(s) under $DIR"
# One JVM for all files. --stdout: messages go to stdout with the rest.
if java -jar "$VNU_JAR" --errors-only --format gnu --stdout "${FILES[@]}"; then
    echo "${#FILES[@]} HTML file(s) valid"
else
    echo "error: the Nu HTML Checker found errors (above)" >&2
    exit 1
fi
