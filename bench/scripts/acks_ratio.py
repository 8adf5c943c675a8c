#!/usr/bin/env python3
"""acks=all / acks=1 throughput per repetition (same broker process, same repetition), from
scripts/suite.py results. Usage: scripts/acks_ratio.py BROKER results/*/results.jsonl"""
import json, statistics as st, sys
broker = sys.argv[1]
pairs = []
for p in sys.argv[2:]:
    rows = [json.loads(l) for l in open(p) if l.strip()]
    reps = {}
    for r in rows:
        if r.get("broker") == broker and r.get("rc") == 0 and r.get("kind") in ("produce1k_acks1", "produce1k_acksall"):
            reps.setdefault(r["rep"], {})[r["kind"]] = r
    for rep, d in sorted(reps.items()):
        if len(d) == 2:
            a1, aa = d["produce1k_acks1"]["mb_per_s"], d["produce1k_acksall"]["mb_per_s"]
            pairs.append((p, rep, a1, aa, aa / a1, d["produce1k_acksall"]["other_cpu_pct"]))
print("| run | rep | acks=1 MB/s | acks=all MB/s | ratio | other CPU % (acks=all run) |\n|---|---|---|---|---|---|")
for p, rep, a1, aa, r, o in pairs:
    print(f"| {p.split('/')[-2]} | {rep} | {a1:.0f} | {aa:.0f} | {r:.0%} | {o:.0f} |")
print(f"\nmedian ratio {st.median(x[4] for x in pairs):.0%} over {len(pairs)} pairs; "
      f"median acks=1 {st.median(x[2] for x in pairs):.0f} MB/s, median acks=all {st.median(x[3] for x in pairs):.0f} MB/s "
      f"(ratio of medians {st.median(x[3] for x in pairs)/st.median(x[2] for x in pairs):.0%})")
