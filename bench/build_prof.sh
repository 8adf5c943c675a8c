#!/usr/bin/env bash
# Same release profile, but with symbols, line tables and frame pointers, for perf.
set -e
cd ${BENCH_DIR:-$HOME/streamline-bench}/streamline
CARGO_TARGET_DIR=${BENCH_DIR:-$HOME/streamline-bench}/target-prof CARGO_PROFILE_RELEASE_STRIP=false \
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only RUSTFLAGS="-C force-frame-pointers=yes" \
  cargo build --release 2>&1 | tail -3
