#!/usr/bin/env bash
# How long the live preview takes to show a one-notice edit, on N notices:
#
#   bash bench/serve.sh             1,000 notices, 7 edits
#   bash bench/serve.sh 100 9       100 notices, 9 edits
#
# Starts `noticec serve` on a copy of the generated file (`cargo run --release --example synth -- N`),
# waits for its first build, then edits one notice's title EDITS times, a few seconds apart, and
# prints each `rebuilt in` line the server prints, then their median (the whole log is kept in
# target/bench/serve.log). Nothing here is a test: the numbers depend on the machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

N="${1:-1000}"
EDITS="${2:-7}"
[[ "$N" =~ ^[1-9][0-9]*$ && "$EDITS" =~ ^[1-9][0-9]*$ ]] || {
    echo "usage: bash bench/serve.sh [NOTICES] [EDITS]" >&2
    exit 2
}

cargo build --release --quiet --bin noticec --example synth
WORK="$(mktemp -d)"
trap 'kill -INT "${SERVER:-0}" 2>/dev/null || true; mkdir -p target/bench; cp "$WORK/serve.log" target/bench/serve.log; rm -rf "$WORK"' EXIT
target/release/examples/synth "$N" > "$WORK/notices.yaml"
# The first notice of every generated file is a copy of the LiveWest customer notice.
grep -q '^    title: "LiveWest Customer Privacy Notice' "$WORK/notices.yaml" || {
    echo "error: the generated file has no LiveWest customer notice to edit" >&2
    exit 1
}

target/release/noticec serve "$WORK/notices.yaml" --port 0 --color never \
    --max-notices 100000 --max-input-bytes 1073741824 --max-print-chars 1073741824 \
    --isolated --today 2026-11-24 2> "$WORK/serve.log" &
SERVER=$!
until grep -q '^serving' "$WORK/serve.log"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
    sleep 0.5
done
grep '^built in' "$WORK/serve.log" >&2

for i in $(seq 1 "$EDITS"); do
    sed -i -E "0,/^    title: \"LiveWest Customer Privacy Notice[ 0-9]*\"/s//    title: \"LiveWest Customer Privacy Notice $i\"/" \
        "$WORK/notices.yaml"
    # Wait for this edit's build before the next.
    until [[ "$(grep -c '^rebuilt in' "$WORK/serve.log")" -ge "$i" ]]; do
        kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
        sleep 0.2
    done
    sleep 1
done

grep '^rebuilt in' "$WORK/serve.log"
grep '^rebuilt in' "$WORK/serve.log" | sed -E 's/^rebuilt in ([0-9]+) ms.*/\1/' | sort -n |
    awk -v n="$N" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "median of %d rebuilds after a one-notice edit, %d notices, %d cores: %d ms\n", NR, n, cores, m }' \
        cores="$(nproc)"
