#!/usr/bin/env bash
# Compare kbench consume with librdkafka defaults vs a short fetch.queue.backoff.ms.
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
./target/release/streamline serve --listen-addr 127.0.0.1:29301 --in-memory --log-level warn &
B=$!
sleep 0.5
$K produce --bootstrap 127.0.0.1:29301 --topic c --messages 3000000 --size 100 | tail -1 | cut -c1-200
for i in 1 2 3; do
  for x in "" "-X fetch.queue.backoff.ms=10"; do
    echo "opts=[$x] $($K consume --bootstrap 127.0.0.1:29301 --topic c --messages 3000000 $x | grep -E '^throughput|^client')"
  done
done
kill $B; wait $B
