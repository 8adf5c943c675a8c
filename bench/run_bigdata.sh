#!/usr/bin/env bash
# Startup time vs data size (see scripts/bigdata_startup.py), private netns, nice -20.
cd ${BENCH_DIR:-$HOME/streamline-bench}
exec nice -n -20 unshare -n bash -c "ip link set lo up && scripts/bigdata_startup.py --reps ${REPS:-5} --out ${OUT:-results/bigdata}"
