#!/usr/bin/env bash
# Cold start on a ~3 GB data dir with 32 MiB segments (~94 segment files): which syscalls the
# opening thread spends its time in (strace -f -T), after evicting the dir from the page cache.
# Run inside `unshare -n`.
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
SL=${SL:-target/release/streamline}
OUT=${OUT:-results/startup}; mkdir -p $OUT
D=data/cold32; PORT=29970
rm -rf $D; sync
$SL serve --listen-addr 127.0.0.1:$PORT --data-dir $D --log-segment-bytes 33554432 --log-level warn & B=$!
sleep 1
$K produce --bootstrap 127.0.0.1:$PORT --topic big --messages 3000000 --size 1024 --timeout-s 600 | grep ^throughput
kill $B; wait $B
evict() { sync; python3 -c "
import os,sys
for r,_,fs in os.walk('$D'):
    for f in fs:
        fd=os.open(os.path.join(r,f),os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)"; }
probe() { python3 -c "
import sys, time; sys.path.insert(0, 'scripts')
from suite import metadata_probe
class P:
    def poll(self): return None
t0 = time.perf_counter(); metadata_probe($1, t0, P())"; }
evict
PORT=$((PORT+1))
strace -f -tt -T -o $OUT/cold-start-seg32M.strace $SL serve --listen-addr 127.0.0.1:$PORT --data-dir $D --log-segment-bytes 33554432 --log-level warn & S=$!
probe $PORT
kill $(pgrep -P $S); wait $S
python3 - $OUT/cold-start-seg32M.strace <<'PY'
import re, sys, collections
tot = collections.Counter(); cnt = collections.Counter()
first = last = None
for l in open(sys.argv[1]):
    m = re.match(r'(\d+) (\d+):(\d+):([\d.]+) (\w+)\(.*<([\d.]+)>$', l.strip())
    if not m: continue
    t = int(m.group(2))*3600 + int(m.group(3))*60 + float(m.group(4))
    if 'segment' in l or '.index' in l or '.log' in l:
        first = first or t; last = t
    tot[m.group(5)] += float(m.group(6)); cnt[m.group(5)] += 1
print("span from first to last segment-file syscall: %.0f ms" % ((last - first) * 1000))
for k, v in tot.most_common(8):
    print(f"  {k:12s} calls={cnt[k]:5d} total={v*1000:8.1f} ms")
PY
grep -c 'openat.*\.index' $OUT/cold-start-seg32M.strace
rm -rf $D
