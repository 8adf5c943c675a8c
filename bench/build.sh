#!/usr/bin/env bash
# Builds the streamline release binary and kbench, each with its own target dir, and fetches
# Apache Kafka 4.4 and builds the Java and franz-go consumers (the checkout's prepare.sh).
set -e
cd ${BENCH_DIR:-$HOME/streamline-bench}/streamline && CARGO_TARGET_DIR=${BENCH_DIR:-$HOME/streamline-bench}/target cargo build --release 2>&1 | tail -3
cd ${BENCH_DIR:-$HOME/streamline-bench}/kbench && CARGO_TARGET_DIR=${BENCH_DIR:-$HOME/streamline-bench}/kbench-target cargo build --release 2>&1 | tail -3
${BENCH_DIR:-$HOME/streamline-bench}/streamline/tests/reference/prepare.sh 2>&1 | tail -3
