#!/usr/bin/env bash
# Fuzzes gwlint's check (fuzz/fuzz_targets/check.rs) with cargo-fuzz (libFuzzer).
#   scripts/fuzz.sh          60 seconds (the short run)
#   scripts/fuzz.sh 600      10 minutes (the acceptance run)
# Needs the nightly toolchain (rustup) and cargo-fuzz; installs cargo-fuzz if missing.
# The corpus grows in fuzz/corpus/check (gitignored); fuzz/seeds/check holds the
# committed seeds. A crash is written to fuzz/artifacts/check/: add it as a
# regression test in tests/regressions.rs before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo +nightly install cargo-fuzz
mkdir -p fuzz/corpus/check
cd fuzz
cargo +nightly fuzz run check corpus/check seeds/check -- -max_total_time="$seconds" -max_len=20000 -rss_limit_mb=2048 -timeout=20
