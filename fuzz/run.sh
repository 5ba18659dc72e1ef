#!/usr/bin/env bash
# Runs the fuzz targets for SECONDS each (default 600; two at once, then the flags target), seeded from
# notices.yaml and the fixtures, and prints each target's final statistics. Crashes land in fuzz/artifacts/<target>/.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-600}"
mkdir -p corpus/load_check corpus/build_model artifacts logs
cp ../notices.yaml corpus/load_check/
for f in ../tests/fixtures/*/*.yaml; do cp "$f" "corpus/load_check/$(basename "$(dirname "$f")")-$(basename "$f")"; done
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain use them.
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O || exit 1
run() {
    local target="$1"
    shift
    cargo fuzz run -O "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
        -print_final_stats=1 "$@" > "logs/$target.log" 2>&1
}
run load_check -max_len=65536 & a=$!
# Generated models grow with the input: start at full length rather than ramping up from a few bytes.
run build_model -max_len=8192 -len_control=0 & b=$!
status=0
wait "$a" || status=1
wait "$b" || status=1
# Argument vectors are small; the third target runs after the first two, on the cores they free.
mkdir -p corpus/cli_flags
run cli_flags -max_len=512 || status=1
for target in load_check build_model cli_flags; do
    echo "== $target"
    grep -E "^stat::|^#[0-9]+ +DONE|panicked|SUMMARY|Test unit written" "logs/$target.log" | tail -8
done
exit "$status"
