#!/usr/bin/env bash
# Counts produce appends (writev on the segment) and fdatasync calls of a disk broker during a
# 1 KiB acks=all run and an acks=1 run, and records each fdatasync's duration (perf trace),
# to see how many appends one group-commit fsync covers.
# Run inside `unshare -n` (see run_profiles.sh).
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
SL=${SL:-target-prof/release/streamline}
OUT=${OUT:-results/profile}; mkdir -p $OUT
PORT=29601
for acks in all 1 all-2producers; do
  rm -rf data/sys; sync
  $SL serve --listen-addr 127.0.0.1:$PORT --data-dir data/sys --log-level warn & B=$!
  sleep 1
  a=${acks%%-*}
  $K produce --bootstrap 127.0.0.1:$PORT --topic w --messages 1000 --size 1024 --acks $a >/dev/null  # creates the topic
  sync; sleep 1
  perf stat -e syscalls:sys_enter_fdatasync,syscalls:sys_enter_writev,syscalls:sys_enter_write,syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom -p $B -o $OUT/syscalls-acks$acks.txt &
  P=$!
  perf trace -e fdatasync -p $B -o $OUT/fdatasync-acks$acks.trace &
  T=$!
  sleep 0.5
  if [ $acks = all-2producers ]; then
    # two producer processes (two connections) to the same partition, 500k records each
    $K produce --bootstrap 127.0.0.1:$PORT --topic w --messages 500000 --size 1024 --acks all --timeout-s 300 | grep -E "^throughput" > $OUT/syscalls-acks$acks.kbench.1 & W=$!
    $K produce --bootstrap 127.0.0.1:$PORT --topic w --messages 500000 --size 1024 --acks all --timeout-s 300 | grep -E "^throughput" > $OUT/syscalls-acks$acks.kbench.2
    wait $W
    cat $OUT/syscalls-acks$acks.kbench.[12] | tr '\n' ' ' > $OUT/syscalls-acks$acks.kbench
  else
    $K produce --bootstrap 127.0.0.1:$PORT --topic w --messages 1000000 --size 1024 --acks $a --timeout-s 300 | grep -E "^throughput" > $OUT/syscalls-acks$acks.kbench
  fi
  kill -INT $P $T; wait $P $T 2>/dev/null
  kill $B; wait $B
  echo "== acks=$acks: $(cat $OUT/syscalls-acks$acks.kbench)"
  grep -E "syscalls|elapsed" $OUT/syscalls-acks$acks.txt
  python3 - $OUT/fdatasync-acks$acks.trace <<'PY'
import re,sys,statistics as st
d=[float(m.group(1)) for l in open(sys.argv[1]) for m in [re.search(r'\(\s*([0-9.]+) ms\)', l)] if m]
if d:
    d.sort(); q=lambda p:d[min(len(d)-1,int(p*len(d)))]
    print(f"fdatasync: n={len(d)} total={sum(d):.0f} ms p50={q(.5):.2f} p90={q(.9):.2f} p99={q(.99):.2f} max={d[-1]:.2f} ms")
PY
done
rm -rf data/sys
