#!/usr/bin/env python3
"""Startup time of streamline (process start -> first answered Metadata) against the amount of
data in its data directory.

Run inside a private network namespace:
    unshare -n bash -c 'ip link set lo up && scripts/bigdata_startup.py --out results/bigdata'

Cases (each a fresh data dir, filled by kbench with 1 KiB records, acks=1, one partition):
  empty          no data
  0.3GB          300k records: one active segment of ~0.3 GB
  3GB            3M records with the default 1 GiB segments: 2 sealed + ~0.9 GB active
  3GB-seg128M    3M records with --log-segment-bytes 134217728: ~23 sealed + small active
  3GB-seg32M     3M records with --log-segment-bytes 33554432: ~92 sealed + small active (not run
                 by default; --cases 3GB-seg32M)
For each case the broker is stopped (SIGTERM, clean) and restarted REPS times with the page
cache warm, and REPS times after evicting the data dir's files from the page cache
(posix_fadvise DONTNEED on each file, after sync: only our files, not the whole cache).
"""
import argparse, json, os, shutil, signal, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import KBENCH, STREAMLINE, metadata_probe, rss  # noqa: E402

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(data, port, extra, log):
    t0 = time.perf_counter()
    p = subprocess.Popen([STREAMLINE, "serve", "--listen-addr", f"127.0.0.1:{port}", "--data-dir", data,
                          "--log-level", "warn"] + extra, stdout=log, stderr=log)
    t_exec = time.perf_counter()
    tcp_ms, md_ms = metadata_probe(port, t0, p)
    return p, (t_exec - t0) * 1000, tcp_ms, md_ms


def stop(p):
    p.send_signal(signal.SIGTERM)
    p.wait(120)


def evict(data):
    subprocess.run(["sync"])
    n = 0
    for root, _, files in os.walk(data):
        for f in files:
            fd = os.open(os.path.join(root, f), os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
            n += 1
    return n


def du(data):
    return int(subprocess.run(["du", "-sb", data], capture_output=True, text=True).stdout.split()[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=f"{BENCH}/results/bigdata")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--cases", default="empty,0.3GB,3GB,3GB-seg128M")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    res = open(f"{a.out}/results.jsonl", "a")
    log = open(f"{a.out}/broker.log", "a")
    cases = {"empty": (0, []), "0.3GB": (300_000, []), "3GB": (3_000_000, []),
             "3GB-seg128M": (3_000_000, ["--log-segment-bytes", "134217728"]),
             "3GB-seg32M": (3_000_000, ["--log-segment-bytes", "33554432"])}
    port = 29500
    for case in a.cases.split(","):
        n, extra = cases[case]
        data = f"{BENCH}/data/big-{case}"
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run(["sync"])
        port += 1
        p, *_ = start(data, port, extra, log)
        if n:
            out = subprocess.run([KBENCH, "produce", "--bootstrap", f"127.0.0.1:{port}", "--topic", "big",
                                  "--messages", str(n), "--size", "1024", "--acks", "1", "--timeout-s", "600"],
                                 capture_output=True, text=True)
            print(f"{case}: fill: {out.stdout.strip().splitlines()[-1]}", flush=True)
        stop(p)
        size = du(data)
        segs = sorted(os.listdir(f"{data}/topics/big/partition-0")) if n else []
        logs = [s for s in segs if s.endswith(".log")]
        active = os.path.getsize(f"{data}/topics/big/partition-0/{logs[-1]}") if logs else 0
        print(f"{case}: data dir {size/1e9:.3f} GB, {len(logs)} segment files, active segment {active/1e6:.1f} MB", flush=True)
        for cache in ("warm", "cold"):
            for r in range(a.reps):
                if cache == "cold":
                    evict(data)
                else:
                    time.sleep(0.5)
                port += 1
                p, spawn_ms, tcp_ms, md_ms = start(data, port, extra, log)
                time.sleep(1)
                rr = rss(p.pid)
                stop(p)
                d = {"case": case, "cache": cache, "rep": r + 1, "data_bytes": size, "segments": len(logs),
                     "active_segment_bytes": active, "spawn_ms": round(spawn_ms, 3), "tcp_ms": round(tcp_ms, 3),
                     "metadata_ms": round(md_ms, 3), "rss_kib_1s": rr["VmRSS"], "loadavg": os.getloadavg()[0]}
                res.write(json.dumps(d) + "\n")
                res.flush()
                print(json.dumps(d), flush=True)
        if case != "empty":
            shutil.rmtree(data, ignore_errors=True)
            subprocess.run(["sync"])
            time.sleep(5)


if __name__ == "__main__":
    main()
