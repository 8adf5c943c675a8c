#!/usr/bin/env bash
# The measurements repeated on the newer build (target-new, commit 65f3e3a).
cd ${BENCH_DIR:-$HOME/streamline-bench}
export STREAMLINE=${BENCH_DIR:-$HOME/streamline-bench}/target-new/release/streamline SL=${BENCH_DIR:-$HOME/streamline-bench}/target-new/release/streamline
rm -rf data/*
OUT=results/new-acks ./run_suite.sh --reps 5 --brokers streamline-disk --only produce1k_acks1,produce1k_acksall
OUT=results/new-syscalls nice -n -20 unshare -n bash -c 'ip link set lo up && scripts/acks_all_syscalls.sh'
OUT=results/new-suite REPS=3 ./run_suite.sh
nice -n -20 unshare -n bash -c 'ip link set lo up && scripts/startup_loop.py 20 results/new-startup'
OUT=results/new-bigdata REPS=5 ./run_bigdata.sh
