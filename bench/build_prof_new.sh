#!/usr/bin/env bash
# Profiling build (symbols, frame pointers) of the newer checkout, at the lowest priority.
set -e
cd ${BENCH_DIR:-$HOME/streamline-bench}/streamline-new
CARGO_TARGET_DIR=${BENCH_DIR:-$HOME/streamline-bench}/target-new-prof CARGO_PROFILE_RELEASE_STRIP=false \
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only RUSTFLAGS="-C force-frame-pointers=yes" \
  nice -n 19 cargo build --release 2>&1 | tail -3
