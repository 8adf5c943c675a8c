#!/usr/bin/env python3
"""Process start -> first answered Metadata, N times per broker configuration, interleaved.
Run inside `unshare -n` (see run_startup.sh). Writes OUT/startup.jsonl and prints medians.
Configurations: streamline --in-memory; streamline on a new (empty) data dir; streamline on the
data dir of the previous start (already initialised); tansu with the memory engine."""
import json, os, shutil, statistics as st, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import STREAMLINE, TANSU, metadata_probe, rss  # noqa: E402
import signal
BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
OUT = sys.argv[2] if len(sys.argv) > 2 else f"{BENCH}/results/startup"
os.makedirs(OUT, exist_ok=True)
res = open(f"{OUT}/startup.jsonl", "a")
port = 29800
cfgs = ["streamline-mem", "streamline-disk-new", "streamline-disk-existing", "tansu-mem"]
rows = {c: [] for c in cfgs}
existing = f"{BENCH}/data/startup-existing"
shutil.rmtree(existing, ignore_errors=True)
for i in range(N):
    for c in cfgs:
        port += 1
        a = f"127.0.0.1:{port}"
        if c == "streamline-mem":
            cmd = [STREAMLINE, "serve", "--listen-addr", a, "--in-memory", "--log-level", "warn"]
        elif c == "streamline-disk-new":
            d = f"{BENCH}/data/startup-new"
            shutil.rmtree(d, ignore_errors=True)
            cmd = [STREAMLINE, "serve", "--listen-addr", a, "--data-dir", d, "--log-level", "warn"]
        elif c == "streamline-disk-existing":
            cmd = [STREAMLINE, "serve", "--listen-addr", a, "--data-dir", existing, "--log-level", "warn"]
        else:
            cmd = [TANSU, "broker", "--listener-url", f"tcp://{a}", "--advertised-listener-url", f"tcp://{a}",
                   "--storage-engine", "memory://tansu/"]
        time.sleep(0.3)
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t_exec = time.perf_counter()
        tcp_ms, md_ms = metadata_probe(port, t0, p)
        time.sleep(1.0)
        r = rss(p.pid)
        p.send_signal(signal.SIGTERM)
        p.wait(30)
        d = {"config": c, "i": i, "spawn_ms": round((t_exec - t0) * 1000, 3), "tcp_ms": round(tcp_ms, 3),
             "metadata_ms": round(md_ms, 3), "rss_1s_kib": r["VmRSS"], "loadavg": os.getloadavg()[0]}
        rows[c].append(d)
        res.write(json.dumps(d) + "\n")
        res.flush()
for c in cfgs:
    md = sorted(x["metadata_ms"] for x in rows[c])
    print(f"{c:26s} n={len(md)} metadata_ms median={st.median(md):.2f} min={md[0]:.2f} p90={md[int(.9*len(md))-1]:.2f} max={md[-1]:.2f}  "
          f"tcp_ms median={st.median(x['tcp_ms'] for x in rows[c]):.2f}  rss_1s median={st.median(x['rss_1s_kib'] for x in rows[c])/1024:.1f} MiB")
