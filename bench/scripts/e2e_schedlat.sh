#!/usr/bin/env bash
# One e2e run (disk broker) under `perf sched record`: how long the broker's and kbench's threads
# waited for a CPU (run-queue delay) while other processes used the box. Run inside `unshare -n`.
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
SL=${SL:-target/release/streamline}
OUT=${OUT:-results/profile}; mkdir -p $OUT
rm -rf data/sl; sync
$SL serve --listen-addr 127.0.0.1:29891 --data-dir data/sl --log-level warn & D=$!
sleep 1
$K e2e --bootstrap 127.0.0.1:29891 --topic warm --rate 1000 --duration-s 1 >/dev/null
perf sched record -o $OUT/e2e.sched.data -- $K e2e --bootstrap 127.0.0.1:29891 --topic e --rate 10000 --duration-s 10 --size 100 2>/dev/null | grep -E "^end-to-end|^produce ack"
kill $D; wait $D
perf sched latency -i $OUT/e2e.sched.data --sort max 2>/dev/null | head -25 > $OUT/e2e.schedlat.txt
cat $OUT/e2e.schedlat.txt
rm -rf data/sl $OUT/e2e.sched.data
