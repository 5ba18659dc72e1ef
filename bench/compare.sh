#!/usr/bin/env bash
# Whole-run benchmark of noticec against two floors, in one interleaved run:
#   - Python's libyaml C loader merely parsing the same file (the speed of reading YAML at all);
#   - `rm -rf` plus `cp -r` of the output folder a build produces (the speed of the disk).
#
#   bash bench/compare.sh                       1,000 and 10,000 notices, 5 rounds (2 for 10,000)
#   bash bench/compare.sh --sizes "100 1000"    other sizes
#   bash bench/compare.sh --rounds 9 --large-rounds 3
#
# The notices come from `cargo run --release --example synth -- N` (deterministic). Every round runs
# every command once, in a rotated order, so a slow moment of the machine falls on all of them; each
# figure is the median over the rounds (of the wall time, and of the CPU time in user and in system
# mode: on a virtual machine the system time of the same run can vary severalfold), with the peak
# memory (RSS) of the run. It prints the machine's core count and the ratios the performance goals are
# stated in. Nothing here is a test: the numbers depend on the machine.
#
# Needs: a Rust toolchain, Python 3 with PyYAML built on libyaml (the test command's .venv-checkers has
# it: `bash scripts/test` installs it; otherwise `pip install PyYAML==6.0.3`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SIZES="1000 10000"
ROUNDS=5
LARGE_ROUNDS=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) SIZES="$2"; shift ;;
        --rounds) ROUNDS="$2"; shift ;;
        --large-rounds) LARGE_ROUNDS="$2"; shift ;;
        -h | --help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

PYTHON="python3"
if [[ -x .venv-checkers/bin/python ]]; then
    PYTHON=".venv-checkers/bin/python"
fi
if ! "$PYTHON" -c 'import yaml, sys; sys.exit(0 if yaml.__with_libyaml__ else 1)' 2>/dev/null; then
    echo "error: $PYTHON has no PyYAML built on libyaml; run \`bash scripts/test\` once, or \`pip install PyYAML==6.0.3\`" >&2
    exit 2
fi

echo "building the release binary and the generator ..." >&2
cargo build --release --quiet --bin noticec --example synth

WORK="target/bench"
mkdir -p "$WORK"
for n in $SIZES; do
    if [[ ! -s "$WORK/notices-$n.yaml" ]]; then
        echo "generating $n notices ..." >&2
        target/release/examples/synth "$n" > "$WORK/notices-$n.yaml"
    fi
done

exec "$PYTHON" bench/compare.py --binary target/release/noticec --work "$WORK" \
    --sizes "$SIZES" --rounds "$ROUNDS" --large-rounds "$LARGE_ROUNDS"
