#!/usr/bin/env python3
"""Start-up time (process start -> first answered Metadata) of `streamline serve` on an existing
data directory, warm and cold.

    scripts/startup_datasize.py DATA_DIR REPS [cold]

Each start is stopped with SIGTERM, i.e. cleanly. `cold` drops the page, dentry and inode caches
before every start (needs root), which evicts the binary too. Fill the data dir first, e.g.
    streamline produce big -n 3000000 --template "{{i}} $(printf 'x%.0s' $(seq 1000))" \
        --acks 1 --data-dir DATA_DIR
"""
import os, signal, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import STREAMLINE, metadata_probe  # noqa: E402

PORT = 19092


def main():
    data, reps, cold = sys.argv[1], int(sys.argv[2]), len(sys.argv) > 3
    times = []
    for _ in range(reps):
        if cold:
            subprocess.run(["sync"], check=True)
            with open("/proc/sys/vm/drop_caches", "w") as f:
                f.write("3\n")
        t0 = time.perf_counter()
        p = subprocess.Popen([STREAMLINE, "serve", "--listen-addr", f"127.0.0.1:{PORT}",
                              "--data-dir", data, "--log-level", "warn"])
        _, md_ms = metadata_probe(PORT, t0, p)
        times.append(md_ms)
        p.send_signal(signal.SIGTERM)
        p.wait(60)
    times.sort()
    print(f"median {times[len(times) // 2]:.1f} ms  min {times[0]:.1f}  max {times[-1]:.1f}")


if __name__ == "__main__":
    main()
