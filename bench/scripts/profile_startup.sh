#!/usr/bin/env bash
# Where the startup time goes on a data dir holding ~3 GB (default 1 GiB segments, so a ~0.95 GB
# active segment): fill it, stop, then start under `perf record` (and once under strace -c)
# until the first Metadata answer. Run inside `unshare -n`. SEGARGS="--log-segment-bytes N" changes
# the segment size (e.g. 134217728 to profile the part of startup that is not the CRC scan).
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
SL=${SL:-target-prof/release/streamline}
OUT=${OUT:-results/profile}; mkdir -p $OUT
D=data/pstart; PORT=29950
rm -rf $D; sync
$SL serve --listen-addr 127.0.0.1:$PORT --data-dir $D $SEGARGS --log-level warn & B=$!
sleep 1
$K produce --bootstrap 127.0.0.1:$PORT --topic big --messages 3000000 --size 1024 --timeout-s 600 | grep ^throughput
kill $B; wait $B; sync
ls -la $D/topics/big/partition-0/
probe() { python3 -c "
import sys, time; sys.path.insert(0, 'scripts')
from suite import metadata_probe
class P:
    def poll(self): return None
t0 = time.perf_counter(); print('tcp_ms %.1f metadata_ms %.1f (from probe start)' % metadata_probe($PORT, t0, P()))"; }
for i in 1 2; do
  PORT=$((PORT+1))
  perf record -F 4999 --call-graph fp -o $OUT/startup3g.perf.data -- $SL serve --listen-addr 127.0.0.1:$PORT --data-dir $D $SEGARGS --log-level warn 2>/dev/null & P=$!
  probe
  kill $(pgrep -P $P); wait $P
done
perf report -i $OUT/startup3g.perf.data --stdio --children --percent-limit 2 -g none --sort symbol 2>/dev/null | grep -v "^$" | grep -v "^#" | head -50 > $OUT/startup3g.children.txt
perf report -i $OUT/startup3g.perf.data --stdio --no-children --percent-limit 1 -g none --sort dso,symbol 2>/dev/null | grep -v "^$" | grep -v "^#" | head -30 > $OUT/startup3g.self.txt
PORT=$((PORT+1))
strace -f -c -o $OUT/startup3g.strace-c.txt $SL serve --listen-addr 127.0.0.1:$PORT --data-dir $D $SEGARGS --log-level warn & S=$!
probe
kill $(pgrep -P $S); wait $S
head -25 $OUT/startup3g.strace-c.txt
rm -rf $D
