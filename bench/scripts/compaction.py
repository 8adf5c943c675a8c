#!/usr/bin/env python3
"""Log compaction on one broker: a partition of RECORDS keyed records (KEYS distinct keys, so
KEYS/RECORDS of it is live) is written with compaction held off (min.compaction.lag.ms of an
hour), then released (min.compaction.lag.ms=0); the script times the cleaner's pass, samples
the broker's memory while it runs, and measures kbench produce (to another topic) and consume
(of a seeded topic) throughput, run together, before the release and during the pass.

    compaction.py streamline|kafka [--records N] [--keys N] [--value-bytes N]

Prints one JSON object. Streamline's pass is read from its log line "compacted a partition",
Kafka's from its LogCleaner's statistics in server.log.
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STREAMLINE = os.environ.get("STREAMLINE", f"{ROOT}/target/release/streamline")
KBENCH = os.environ.get("KBENCH", "/tmp/kbench-target/release/kbench")
KAFKA_SH = f"{ROOT}/tests/reference/kafka/kafka.sh"
KAFKA_ENV = {"KAFKA_HEAP": "1g", "KAFKA_JVM_OPTS": "-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
             "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent"}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tool(*args):
    """Runs a streamline toolbox command against the broker."""
    return subprocess.run([STREAMLINE, *args], check=True, capture_output=True, text=True).stdout


def status_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Peak resident and anonymous memory of a process, every 50 ms."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_rss, self.peak_anon, self.stop = pid, 0, 0, False

    def run(self):
        while not self.stop:
            self.peak_rss = max(self.peak_rss, status_kib(self.pid, "VmRSS"))
            self.peak_anon = max(self.peak_anon, status_kib(self.pid, "RssAnon"))
            time.sleep(0.05)


LOAD_MESSAGES = 500_000


def kbench(mode, bootstrap, topic):
    """kbench produce or consume of LOAD_MESSAGES 1 KiB records (acks=1); its figures."""
    extra = ["--size", "1024"] if mode == "produce" else []
    out = subprocess.run([KBENCH, mode, "--bootstrap", bootstrap, "--topic", topic,
                          "--messages", str(LOAD_MESSAGES), "--timeout-s", "300", *extra],
                         capture_output=True, text=True)
    try:
        result = json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": out.stderr[-500:]}
    return {k: result[k] for k in ("mb_per_s", "msgs_per_s", "elapsed_s") if k in result} or result


def load(bootstrap, produce_topic):
    """A producer to `produce_topic` and a consumer of the seeded topic, at the same time."""
    results = {}
    threads = [threading.Thread(target=lambda: results.update(
                   produce=kbench("produce", bootstrap, produce_topic))),
               threading.Thread(target=lambda: results.update(
                   consume=kbench("consume", bootstrap, "seed")))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("broker", choices=["streamline", "kafka"])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--keys", type=int, default=100_000)
    ap.add_argument("--value-bytes", type=int, default=1000)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="compaction-bench-")
    port = free_port()
    bootstrap = f"127.0.0.1:{port}"
    log_path = f"{work}/broker.log"
    if args.broker == "streamline":
        log = open(log_path, "w")
        proc = subprocess.Popen([STREAMLINE, "serve", "--listen-addr", bootstrap, "--data-dir",
                                 f"{work}/data", "--log-cleaner-backoff-ms", "200"],
                                stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        data_dir = f"{work}/data"
    else:
        env = {**os.environ, **KAFKA_ENV}
        subprocess.run([KAFKA_SH, "prepare", f"{work}/kafka", str(port)], check=True, env=env,
                       capture_output=True)
        proc = subprocess.Popen([KAFKA_SH, "run", f"{work}/kafka"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
        log_path = f"{work}/kafka/node-1/server.log"
        data_dir = f"{work}/kafka/node-1/data"
    try:
        deadline = time.time() + 120
        while True:
            try:
                tool("topics", "list", "-b", bootstrap)
                break
            except subprocess.CalledProcessError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
        tool("topics", "create", "kv", "-p", "1", "-b", bootstrap,
             "-c", "cleanup.policy=compact", "-c", "segment.bytes=67108864",
             "-c", "min.compaction.lag.ms=3600000")
        started = time.time()
        tool("produce", "kv", "-b", bootstrap, "-n", str(args.records), "-p", "0",
             "--acks", "1", "--seed", "1",
             "--key-template", f"key-{{{{random:0:{args.keys - 1}}}}}",
             "--template", f"{{{{string:{args.value_bytes}}}}}")
        fill_s = time.time() - started
        partition = next(
            os.path.join(root, d) for root, dirs, _ in os.walk(data_dir) for d in dirs
            if d in ("kv-0", "partition-0") and ("kv" in root or d == "kv-0"))
        size_before = sum(os.path.getsize(os.path.join(partition, f))
                          for f in os.listdir(partition) if f.endswith(".log"))
        kbench("produce", bootstrap, "seed")
        baseline = load(bootstrap, "load-before")
        sampler = Sampler(proc.pid)
        sampler.start()
        rss_idle_kib = status_kib(proc.pid, "VmRSS")
        anon_idle_kib = status_kib(proc.pid, "RssAnon")
        with open(log_path) as f:
            f.seek(0, 2)
            log_offset = f.tell()
        released = time.time()
        tool("topics", "alter", "kv", "-b", bootstrap, "--config", "min.compaction.lag.ms=0")
        during = {}
        loader = threading.Thread(target=lambda: during.update(load(bootstrap, "load-during")))
        loader.start()
        done_line, done_at = None, None
        pattern = re.compile(r"compacted a partition|cleaned log kv-0|Log cleaner thread 0 cleaned log kv-0")
        deadline = time.time() + 1800
        while done_line is None and time.time() < deadline:
            with open(log_path) as f:
                f.seek(log_offset)
                text = f.read()
            for line in text.splitlines():
                if pattern.search(line) and ("kv" in line):
                    done_line, done_at = line, time.time()
                    break
            time.sleep(0.05)
        loader.join()
        sampler.stop = True
        sampler.join()
        time.sleep(1)
        size_after = sum(os.path.getsize(os.path.join(partition, f))
                         for f in os.listdir(partition) if f.endswith(".log"))
        stats = ""
        if args.broker == "kafka":
            with open(log_path) as f:
                f.seek(log_offset)
                tail = f.read()
            start = tail.find("cleaned log kv-0")
            stats = tail[start:start + 1500] if start >= 0 else ""
        print(json.dumps({
            "broker": args.broker, "records": args.records, "keys": args.keys,
            "value_bytes": args.value_bytes, "fill_s": round(fill_s, 1),
            "log_bytes_before": size_before, "log_bytes_after": size_after,
            "release_to_cleaned_s": round(done_at - released, 2) if done_at else None,
            "rss_idle_mib": round(rss_idle_kib / 1024, 1), "rss_peak_mib": round(sampler.peak_rss / 1024, 1),
            "anon_idle_mib": round(anon_idle_kib / 1024, 1), "anon_peak_mib": round(sampler.peak_anon / 1024, 1),
            "load_before": baseline, "load_during": during,
            "cleaner_line": done_line, "kafka_stats": stats,
        }, indent=1))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
