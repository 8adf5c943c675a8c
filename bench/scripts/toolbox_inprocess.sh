#!/usr/bin/env bash
# In-process toolbox figures (docs/BENCHMARKS.md §6): produce and consume of 1,000,000 templated
# ~93-byte JSON records with no server, and --at / --last on a ~10 GB topic, warm and cold.
# Usage: STREAMLINE=path/to/streamline scripts/toolbox_inprocess.sh SCRATCH_DIR
set -euo pipefail
S=${STREAMLINE:-target/release/streamline}
W=${1:?scratch dir}
mkdir -p "$W"
T='{"id":"{{uuid}}","n":{{i}},"sku":"{{choice:apple,pear,fig}}","price":{{float:1:100:2}},"ok":{{bool}}}'
for rep in 1 2 3; do
  rm -rf "$W/small"
  "$S" topics create t --partitions 1 --data-dir "$W/small" >/dev/null
  "$S" produce t -n 1000000 --seed 7 --template "$T" --data-dir "$W/small" --format json
done
for rep in 1 2 3; do
  /usr/bin/time -f "consume: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$S" consume t --from-beginning --data-dir "$W/small" >/dev/null
done
for rep in 1 2 3; do
  /usr/bin/time -f "consume --grep: %e s wall, %U s user, %S s sys" \
    "$S" consume t --from-beginning --grep fig --data-dir "$W/small" >/dev/null
done
# ~10 GB topic of 1,000-byte values written over ~45 s, so timestamps span that window.
if [ ! -d "$W/ten" ]; then
  "$S" topics create ten --partitions 1 --data-dir "$W/ten" >/dev/null
  date +%s%3N > "$W/ten.start"
  "$S" produce ten -n 10000000 --template "{{i}} $(printf 'x%.0s' $(seq 1000))" --acks 1 \
    --data-dir "$W/ten" --format json
  date +%s%3N > "$W/ten.end"
fi
python3 - "$S" "$W" <<'PY'
import subprocess, sys, time
S, W = sys.argv[1], sys.argv[2]
st, en = int(open(f"{W}/ten.start").read()), int(open(f"{W}/ten.end").read())
def run(args, cold):
    if cold:
        subprocess.run(["sync"], check=True)
        open("/proc/sys/vm/drop_caches", "w").write("3\n")
    t = time.perf_counter()
    subprocess.run([S, "consume", "ten", "-n", "1", "--data-dir", f"{W}/ten"] + args,
                   capture_output=True, check=True)
    return (time.perf_counter() - t) * 1000
for name, args in [("--at middle", ["--at", str((st + en) // 2)]),
                   ("--at start+5s", ["--at", str(st + 5000)]),
                   ("--last 5s", ["--last", "5s"]),
                   ("-o beginning", ["-o", "beginning"])]:
    warm = sorted(run(args, False) for _ in range(7))
    cold = sorted(run(args, True) for _ in range(3))
    print(f"{name}: warm median {warm[3]:.1f} ms [{warm[0]:.1f}-{warm[-1]:.1f}], "
          f"cold median {cold[1]:.1f} ms [{cold[0]:.1f}-{cold[-1]:.1f}]")
PY
