#!/usr/bin/env bash
# Shows the sizes of the Fetch responses each broker sends to a librdkafka consumer (strace on
# the broker's socket writes), to explain the consume rate under librdkafka's default settings.
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
for b in streamline tansu; do
  if [ $b = streamline ]; then
    ./target/release/streamline serve --listen-addr 127.0.0.1:29401 --in-memory --log-level warn & B=$!
  else
    ./tansu broker --listener-url tcp://127.0.0.1:29401 --advertised-listener-url tcp://127.0.0.1:29401 --storage-engine memory://tansu/ >/dev/null 2>&1 & B=$!
  fi
  sleep 1
  $K produce --bootstrap 127.0.0.1:29401 --topic f --messages 1000000 --size 100 >/dev/null
  strace -f -e trace=write,writev,sendto,sendmsg -e signal=none -o /tmp/fetch_strace.$b -p $B 2>/dev/null & S=$!
  sleep 1
  echo "$b: $($K consume --bootstrap 127.0.0.1:29401 --topic f --messages 1000000 | grep ^throughput)"
  kill $S; wait $S 2>/dev/null
  echo "$b: largest socket writes (bytes):"; grep -oE '= [0-9]+$' /tmp/fetch_strace.$b | awk '{print $2}' | sort -n | tail -5 | tr '\n' ' '; echo
  echo "$b: writes > 100000 bytes: $(grep -oE '= [0-9]+$' /tmp/fetch_strace.$b | awk '$2>100000' | wc -l)"
  kill $B; wait $B 2>/dev/null
done
