#!/usr/bin/env bash
# Full comparison: 3 interleaved repetitions of streamline (memory, disk) and tansu (memory) —
# add Apache Kafka with --brokers streamline-disk,streamline-mem,kafka,tansu-mem — in a private
# network namespace, at nice -20 so concurrent builds on the box disturb less.
cd ${BENCH_DIR:-$HOME/streamline-bench}
OUT=${OUT:-results/suite-$(date +%H%M)}
exec nice -n -20 unshare -n bash -c "ip link set lo up && scripts/suite.py --reps ${REPS:-3} --out $OUT $*"
