#!/usr/bin/env bash
# CPU profiles of the broker (build with symbols and frame pointers: ./build_prof.sh) under
# four loads. Run inside `unshare -n` (see run_profiles.sh). Writes results/profile/*.txt.
cd ${BENCH_DIR:-$HOME/streamline-bench}
K=kbench-target/release/kbench
SL=${SL:-target-prof/release/streamline}
OUT=${OUT:-results/profile}; mkdir -p $OUT
PORT=29700
prof_run() { # prof NAME MODEFLAGS -- KBENCH ARGS (a {B} in args is the bootstrap)
  local name=$1 mode=$2; shift 3
  PORT=$((PORT+1)); local boot=127.0.0.1:$PORT
  rm -rf data/prof; sync
  $SL serve --listen-addr $boot --data-dir data/prof $mode --log-level warn & local B=$!
  sleep 1
  if [ "$name" = consume100 ]; then
    $K produce --bootstrap $boot --topic t --messages 3000000 --size 100 >/dev/null
    sync; sleep 1
  fi
  local args=("${@//\{B\}/$boot}")
  perf record -F 1999 --call-graph fp -o $OUT/$name.perf.data -p $B 2>/dev/null & local P=$!
  sleep 0.3
  $K "${args[@]}" | grep -E "^(throughput|end-to-end|client)" > $OUT/$name.kbench
  kill -INT $P; wait $P
  kill $B; wait $B
  perf report -i $OUT/$name.perf.data --stdio --no-children --percent-limit 0.7 -g none --sort dso,symbol 2>/dev/null | grep -v "^$" | head -60 > $OUT/$name.self.txt
  perf report -i $OUT/$name.perf.data --stdio --children --percent-limit 3 -g none --sort symbol 2>/dev/null | grep -v "^$" | head -70 > $OUT/$name.children.txt
  perf report -i $OUT/$name.perf.data --stdio --no-children --percent-limit 3 -g caller,0.5,callee,function,percent --sort symbol 2>/dev/null | grep -v "^$" | head -250 > $OUT/$name.callers.txt
  echo "== $name: $(cat $OUT/$name.kbench | tr '\n' ' ')"
}
ONLY=${ONLY:-}
prof() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]] || return 0; prof_run "$@"; }
prof produce1k_disk "" -- produce --bootstrap {B} --topic t --messages 1000000 --size 1024 --acks 1
prof produce1k_mem "--in-memory" -- produce --bootstrap {B} --topic t --messages 1000000 --size 1024 --acks 1
prof produce1k_acksall_disk "" -- produce --bootstrap {B} --topic t --messages 1000000 --size 1024 --acks all
prof consume100 "--in-memory" -- consume --bootstrap {B} --topic t --messages 3000000 -X fetch.queue.backoff.ms=10
prof e2e_mem "--in-memory" -- e2e --bootstrap {B} --topic e --rate 10000 --duration-s 20 --size 100
prof e2e_disk "" -- e2e --bootstrap {B} --topic e --rate 10000 --duration-s 20 --size 100
rm -rf data/prof
