#!/usr/bin/env bash
# A/B of end-to-end latency, in-memory vs on-disk streamline, both brokers up at once and the
# runs alternated, so background load hits both alike. Run inside `unshare -n`.
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
SL=${SL:-target/release/streamline}
N=${N:-4}
rm -rf data/ab; sync
$SL serve --listen-addr 127.0.0.1:29881 --in-memory --log-level warn & M=$!
$SL serve --listen-addr 127.0.0.1:29882 --data-dir data/ab --log-level warn & D=$!
sleep 1
for i in $(seq $N); do
  for b in mem:29881 disk:29882; do
    la=$(cut -d' ' -f1 /proc/loadavg)
    r=$($K e2e --bootstrap 127.0.0.1:${b#*:} --topic e$i --rate 10000 --duration-s 20 --size 100 | tail -1)
    echo "$i ${b%:*} load=$la $(echo "$r" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("p50=%(p50_ms)s p99=%(p99_ms)s p99.9=%(p999_ms)s max=%(max_ms)s ack_p99=%(ack_p99_ms)s lost=%(lost)s" % d)')"
  done
done
kill $M $D; wait $M $D
rm -rf data/ab
