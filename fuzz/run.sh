#!/usr/bin/env bash
# Runs both fuzz targets for SECONDS each (default 600), seeded from notices.yaml and tests/fixtures.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-600}"
mkdir -p corpus/load_check corpus/build_model artifacts
cp ../notices.yaml corpus/load_check/
for f in ../tests/fixtures/*/*.yaml; do cp "$f" "corpus/load_check/$(basename "$(dirname "$f")")-$(basename "$f")"; done
status=0
for target in load_check build_model; do
    # cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain use them.
    RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 || status=1
done
exit "$status"
