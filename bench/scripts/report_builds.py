#!/usr/bin/env python3
"""Side-by-side median tables for two streamline builds and tansu.
Usage: scripts/report_builds.py OLDLABEL old1.jsonl,old2.jsonl NEWLABEL new1.jsonl,...
tansu rows are pooled from all files. Cell: median [min–max] (rc=0 runs only)."""
import json, statistics as st, sys
from collections import defaultdict
old_l, old_f, new_l, new_f = sys.argv[1:5]
by = defaultdict(list)
for label, files in ((old_l, old_f), (new_l, new_f)):
    for p in files.split(","):
        for l in open(p):
            if not l.strip():
                continue
            r = json.loads(l)
            if r.get("kind") not in ("startup", "after_load") and r.get("rc") != 0:
                continue
            b = r.get("broker")
            col = "tansu memory" if b == "tansu-mem" else f"{b.replace('streamline-', 'streamline ').replace('mem', 'in-memory').replace('disk', 'on disk')} ({label})"
            by[(r["kind"], col)].append(r)
cols = [f"streamline in-memory ({old_l})", f"streamline on disk ({old_l})", f"streamline in-memory ({new_l})",
        f"streamline on disk ({new_l})", "tansu memory"]

def cell(kind, c, key, fmt, scale):
    v = [r[key] * scale for r in by.get((kind, c), []) if r.get(key) is not None]
    if not v:
        return "–"
    return fmt.format(st.median(v)) + ("" if len(v) == 1 else f" [{fmt.format(min(v))}–{fmt.format(max(v))}]")

def table(title, kind, metrics):
    print(f"\n#### {title}\n")
    print("| | " + " | ".join(f"{c}, n={len(by.get((kind, c), []))}" for c in cols) + " |")
    print("|---|" + "---|" * len(cols))
    for label, key, fmt, scale in metrics:
        print(f"| {label} | " + " | ".join(cell(kind, c, key, fmt, scale) for c in cols) + " |")

P = [("MB/s", "mb_per_s", "{:.0f}", 1), ("msg/s", "msgs_per_s", "{:,.0f}", 1),
     ("broker CPU, % of a core", "broker_cpu_pct", "{:.0f}", 1), ("broker CPU-s/MB", "broker_cpu_s_per_mb", "{:.5f}", 1),
     ("kbench CPU, % of a core", "client_cpu_pct", "{:.0f}", 1), ("ack p99 ms", "p99_ms", "{:.0f}", 1),
     ("peak RSS MiB", "broker_peak_rss_kib", "{:.0f}", 1 / 1024), ("other CPU %", "other_cpu_pct", "{:.0f}", 1)]
C = [("msg/s", "msgs_per_s", "{:,.0f}", 1), ("MB/s", "mb_per_s", "{:.0f}", 1),
     ("broker CPU, % of a core", "broker_cpu_pct", "{:.0f}", 1), ("broker CPU-s/MB", "broker_cpu_s_per_mb", "{:.5f}", 1),
     ("kbench CPU, % of a core", "client_cpu_pct", "{:.0f}", 1), ("first message ms", "first_msg_ms", "{:.1f}", 1),
     ("other CPU %", "other_cpu_pct", "{:.0f}", 1)]
E = [("p50 ms", "p50_ms", "{:.2f}", 1), ("p99 ms", "p99_ms", "{:.2f}", 1), ("p99.9 ms", "p999_ms", "{:.2f}", 1),
     ("max ms", "max_ms", "{:.1f}", 1), ("produce-ack p99 ms", "ack_p99_ms", "{:.2f}", 1),
     ("broker CPU, % of a core", "broker_cpu_pct", "{:.0f}", 1), ("kbench CPU, % of a core", "client_cpu_pct", "{:.0f}", 1),
     ("peak RSS MiB", "broker_peak_rss_kib", "{:.0f}", 1 / 1024), ("other CPU %", "other_cpu_pct", "{:.0f}", 1)]
table("Produce 1,000,000 × 1 KiB, acks=1", "produce1k_acks1", P)
table("Produce 1,000,000 × 1 KiB, acks=all", "produce1k_acksall", P)
table("Produce 3,000,000 × 100 B, acks=1", "produce100_acks1", P)
table("Consume 3,000,000 × 100 B, `-X fetch.queue.backoff.ms=10`, first pass", "consume100", C)
table("Consume the same 3,000,000 × 100 B again", "consume100_again", C)
table("Consume 3,000,000 × 100 B with librdkafka defaults", "consume100_rdkdefaults", C)
table("End-to-end at 10,000 msg/s × 100 B for 20 s", "e2e", E)
table("Fresh start (per repetition)", "startup", [("start → Metadata ms", "metadata_ms", "{:.1f}", 1),
      ("idle RSS MiB (2 s after start)", "idle_rss_kib", "{:.1f}", 1 / 1024)])
table("After a whole repetition", "after_load", [("RSS MiB", "rss_kib", "{:.0f}", 1 / 1024), ("VmHWM MiB", "hwm_kib", "{:.0f}", 1 / 1024)])
