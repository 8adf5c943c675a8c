#!/usr/bin/env bash
# Migration throughput (docs/BENCHMARKS.md §9): `migrate from-kafka --execute` of one topic of
# 1,000,000 templated ~93-byte JSON records from one `streamline serve` to another (both on
# disk, loopback), three fresh destinations, then a re-run that only verifies.
# Usage: STREAMLINE=path/to/streamline scripts/migrate_copy.sh SCRATCH_DIR
set -euo pipefail
S=${STREAMLINE:-target/release/streamline}
W=${1:?scratch dir}
rm -rf "$W" && mkdir -p "$W"
T='{"id":"{{uuid}}","n":{{i}},"sku":"{{choice:apple,pear,fig}}","price":{{float:1:100:2}},"ok":{{bool}}}'
"$S" topics create t --partitions 1 --data-dir "$W/source" >/dev/null
"$S" produce t -n 1000000 --seed 7 --template "$T" --data-dir "$W/source" --format json >/dev/null
"$S" serve --listen-addr 127.0.0.1:29092 --data-dir "$W/source" >"$W/source.log" 2>&1 &
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
for port in 29093 29094 29095; do
  "$S" serve --listen-addr 127.0.0.1:$port --data-dir "$W/dest$port" >"$W/dest$port.log" 2>&1 &
  sleep 0.5
  /usr/bin/time -f "copy + verify: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$S" migrate from-kafka --kafka-servers 127.0.0.1:29092 -b 127.0.0.1:$port --execute \
    2>&1 | tail -2
done
/usr/bin/time -f "verify only: %e s wall" \
  "$S" migrate from-kafka --kafka-servers 127.0.0.1:29092 -b 127.0.0.1:29093 --execute 2>&1 | tail -1
