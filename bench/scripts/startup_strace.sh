#!/usr/bin/env bash
# Syscalls of a first start on a new data dir (which files are created and fsynced, and how long
# the fsyncs take), until the first Metadata answer. Run inside `unshare -n`.
cd ${BENCH_DIR:-$HOME/streamline-bench}
rm -rf data/st; sync
strace -f -tt -T -e trace=fsync,fdatasync,openat,mkdir,rename,bind,listen,accept4,flock -o results/startup/strace-new-dir.txt \
  ./target/release/streamline serve --listen-addr 127.0.0.1:29990 --data-dir data/st --log-level warn & S=$!
python3 - <<'PY'
import sys; sys.path.insert(0, "scripts")
from suite import metadata_probe
import time
class P:
    def poll(self): return None
t0 = time.perf_counter(); metadata_probe(29990, t0, P()); print("answered a Metadata request")
PY
kill $(pgrep -P $S); wait $S  # stop the broker (strace's child), then strace exits
grep -E "fsync|fdatasync|listen|accept4|mkdir|rename|bind" results/startup/strace-new-dir.txt | grep -v ENOENT | head -30
rm -rf data/st
