#!/usr/bin/env python3
"""Median tables (markdown) from results.jsonl files written by scripts/suite.py.
Usage: scripts/report.py results/suite2/results.jsonl [more.jsonl ...]
Each cell: median [min–max] over repetitions with rc=0; n = number of repetitions."""
import json, statistics as st, sys
from collections import defaultdict

rows = []
for p in sys.argv[1:]:
    rows += [json.loads(l) for l in open(p) if l.strip()]
by = defaultdict(list)
for r in rows:
    if r.get("kind") in ("startup", "after_load"):
        by[(r["kind"], r["broker"])].append(r)
    elif r.get("rc") == 0:
        by[(r["kind"], r["broker"])].append(r)
brokers = [b for b in ["streamline-disk", "streamline-mem", "kafka", "tansu-mem"] if any(k[1] == b for k in by)]
LABEL = {"streamline-disk": "streamline on disk", "streamline-mem": "streamline in memory",
         "kafka": "Apache Kafka 4.4", "tansu-mem": "tansu memory"}


def cell(kind, b, key, fmt="{:.0f}", scale=1.0):
    v = [r[key] * scale for r in by.get((kind, b), []) if r.get(key) is not None]
    if not v:
        return "–"
    m = st.median(v)
    if len(v) == 1:
        return fmt.format(m)
    return f"{fmt.format(m)} [{fmt.format(min(v))}–{fmt.format(max(v))}]"


def n(kind, b):
    return len(by.get((kind, b), []))


def table(title, kind, metrics):
    if not any(by.get((kind, b)) for b in brokers):
        return
    print(f"\n### {title}\n")
    print("| metric | " + " | ".join(f"{LABEL[b]} (n={n(kind, b)})" for b in brokers) + " |")
    print("|---|" + "---|" * len(brokers))
    for label, key, fmt, scale in metrics:
        print(f"| {label} | " + " | ".join(cell(kind, b, key, fmt, scale) for b in brokers) + " |")


prod = [("msgs/s", "msgs_per_s", "{:,.0f}", 1), ("MB/s (payload)", "mb_per_s", "{:.0f}", 1),
        ("broker CPU, % of one core", "broker_cpu_pct", "{:.0f}", 1),
        ("broker CPU-s per MB", "broker_cpu_s_per_mb", "{:.5f}", 1),
        ("client CPU, % of one core", "client_cpu_pct", "{:.0f}", 1),
        ("delivery p50 ms", "p50_ms", "{:.0f}", 1), ("delivery p99 ms", "p99_ms", "{:.0f}", 1),
        ("other processes' CPU during run, %", "other_cpu_pct", "{:.0f}", 1),
        ("broker peak RSS MiB", "broker_peak_rss_kib", "{:.0f}", 1 / 1024)]
table("Produce 1,000,000 × 1 KiB, acks=1", "produce1k_acks1", prod)
table("Produce 1,000,000 × 1 KiB, acks=all", "produce1k_acksall", prod)
table("Produce 3,000,000 × 100 B, acks=all", "produce100_acksall", prod)
table("Produce 3,000,000 × 100 B, acks=1 (fills the consume topic)", "produce100_acks1", prod)
cons = [("msgs/s", "msgs_per_s", "{:,.0f}", 1), ("MB/s (payload)", "mb_per_s", "{:.0f}", 1),
        ("broker CPU, % of one core", "broker_cpu_pct", "{:.0f}", 1),
        ("broker CPU-s per MB", "broker_cpu_s_per_mb", "{:.5f}", 1),
        ("client CPU, % of one core", "client_cpu_pct", "{:.0f}", 1),
        ("first message ms", "first_msg_ms", "{:.1f}", 1),
        ("other processes' CPU during run, %", "other_cpu_pct", "{:.0f}", 1)]
table("Consume 3,000,000 × 100 B (fetch.queue.backoff.ms=10), first pass", "consume100", cons)
table("Consume 3,000,000 × 100 B (fetch.queue.backoff.ms=10), second pass", "consume100_again", cons)
table("Consume 3,000,000 × 100 B, librdkafka defaults (fetch.queue.backoff.ms=1000)", "consume100_rdkdefaults", cons)
table("Consume 3,000,000 × 100 B, Java KafkaConsumer 4.4 defaults", "consume100_java", cons)
table("Consume 3,000,000 × 100 B, franz-go defaults", "consume100_franz", cons)
e2e = [("e2e p50 ms", "p50_ms", "{:.2f}", 1), ("e2e p99 ms", "p99_ms", "{:.2f}", 1),
       ("e2e p99.9 ms", "p999_ms", "{:.2f}", 1), ("e2e max ms", "max_ms", "{:.1f}", 1),
       ("produce-ack p99 ms", "ack_p99_ms", "{:.2f}", 1), ("achieved rate msg/s", "achieved_rate", "{:,.0f}", 1),
       ("lost", "lost", "{:.0f}", 1),
       ("broker CPU, % of one core", "broker_cpu_pct", "{:.0f}", 1),
       ("broker CPU-s per MB", "broker_cpu_s_per_mb", "{:.3f}", 1),
       ("client CPU, % of one core", "client_cpu_pct", "{:.0f}", 1),
       ("other processes' CPU during run, %", "other_cpu_pct", "{:.0f}", 1),
       ("broker peak RSS MiB", "broker_peak_rss_kib", "{:.0f}", 1 / 1024)]
table("End-to-end, 10,000 msg/s × 100 B for 20 s (acks=1, linger 0)", "e2e", e2e)
table("Start (fresh process, fresh data dir)", "startup",
      [("spawn → first Metadata answer ms", "metadata_ms", "{:.1f}", 1), ("spawn → TCP accept ms", "tcp_ms", "{:.1f}", 1),
       ("idle RSS 2 s after start MiB", "idle_rss_kib", "{:.1f}", 1 / 1024), ("threads", "threads", "{:.0f}", 1)])
table("After the whole repetition", "after_load",
      [("RSS MiB", "rss_kib", "{:.0f}", 1 / 1024), ("peak RSS (VmHWM) MiB", "hwm_kib", "{:.0f}", 1 / 1024)])
