#!/usr/bin/env python3
"""Streamline vs Apache Kafka 4.4 vs tansu benchmark driver.

Run it inside a private network namespace so no other broker on this machine can be hit:
    unshare -n bash -c 'ip link set lo up && scripts/suite.py --reps 3 --out results/run1'

For each repetition and each broker configuration (interleaved, a fresh broker each time):
  * start the broker, time process start -> first answered Metadata (scripts/startup_probe.py
    logic inline), idle RSS 2 s later;
  * run the kbench scenarios, each bracketed by the broker's utime+stime (/proc/PID/stat),
    its RSS sampled every 100 ms, and the whole machine's busy jiffies (/proc/stat) so that
    CPU used by other processes during the run is visible;
  * stop the broker by PID (SIGTERM).
Writes OUT/results.jsonl (one JSON object per kbench run / probe) and OUT/log.txt.
"""
import argparse, json, os, shutil, signal, socket, struct, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
KBENCH = os.environ.get("KBENCH", f"{BENCH}/kbench-target/release/kbench")
STREAMLINE = os.environ.get("STREAMLINE", f"{BENCH}/target/release/streamline")
TANSU = os.environ.get("TANSU", f"{BENCH}/tansu")
# Apache Kafka 4.4 from its Maven Central jars, through the test fixture's script.
KAFKA_SH = os.environ.get("KAFKA_SH", f"{BENCH}/streamline/tests/reference/kafka/kafka.sh")
# kafka-server-start.sh's heap and kafka-run-class.sh's JVM options: Kafka as its scripts run it.
KAFKA_ENV = {"KAFKA_HEAP": "1g", "KAFKA_JVM_OPTS": "-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 "
             "-XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent"}
# The Java and franz-go default-configured consumers (tests/reference, built by prepare.sh).
REFERENCE = os.environ.get("REFERENCE", f"{BENCH}/streamline/target")
JAVA_CONSUMER = ["java", "-cp", f"{REFERENCE}/reference-java/classes:{REFERENCE}/reference-java/libs/*",
                 "streamline.reference.ConsumeRate"]
FRANZ_CONSUMER = [f"{REFERENCE}/reference-go/franz", "consume-rate"]
# A second streamline build for A/B runs (broker names ending in "-new").
STREAMLINE_NEW = os.environ.get("STREAMLINE_NEW", f"{BENCH}/target-new/release/streamline")
TCK = os.sysconf("SC_CLK_TCK")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def broker_cmd(name, port, data):
    addr = f"127.0.0.1:{port}"
    if name.endswith("-new"):
        cmd = broker_cmd(name[:-4], port, data)
        cmd[0] = STREAMLINE_NEW
        return cmd
    if name == "streamline-mem":
        return [STREAMLINE, "serve", "--listen-addr", addr, "--data-dir", data, "--in-memory", "--log-level", "warn"]
    if name == "streamline-disk":
        return [STREAMLINE, "serve", "--listen-addr", addr, "--data-dir", data, "--log-level", "warn"]
    if name == "kafka":
        return [KAFKA_SH, "run", data]
    if name == "tansu-mem":
        return [TANSU, "broker", "--listener-url", f"tcp://{addr}", "--advertised-listener-url",
                f"tcp://{addr}", "--storage-engine", "memory://tansu/"]
    raise ValueError(name)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)


def machine_jiffies():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v[:8]) - idle, sum(v[:8])


def rss(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, rest = line.partition(":")
            if k in ("VmRSS", "RssAnon", "RssFile", "VmHWM", "Threads"):
                out[k] = int(rest.split()[0])
    return out


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stop, self.peak, self.peak_anon = pid, False, 0, 0

    def run(self):
        while not self.stop:
            try:
                r = rss(self.pid)
            except OSError:
                return
            self.peak = max(self.peak, r.get("VmRSS", 0))
            self.peak_anon = max(self.peak_anon, r.get("RssAnon", 0))
            time.sleep(0.1)


def metadata_probe(port, t0, proc, timeout=120):
    body = struct.pack(">hhih", 3, 1, 7, 5) + b"probe" + struct.pack(">i", -1)
    req = struct.pack(">i", len(body)) + body
    tcp_ms = None
    while time.perf_counter() < t0 + timeout:
        s = socket.socket()
        try:
            s.connect(("127.0.0.1", port))
        except OSError:
            s.close()
            if proc.poll() is not None:
                raise RuntimeError(f"broker exited with {proc.returncode}")
            time.sleep(0.0002)
            continue
        if tcp_ms is None:
            tcp_ms = (time.perf_counter() - t0) * 1000
        try:
            s.settimeout(10)
            s.sendall(req)
            buf = b""
            while len(buf) < 4:
                c = s.recv(4 - len(buf))
                if not c:
                    raise OSError("closed")
                buf += c
            n = struct.unpack(">i", buf)[0]
            got = 0
            while got < n:
                c = s.recv(min(65536, n - got))
                if not c:
                    raise OSError("closed")
                got += len(c)
            return tcp_ms, (time.perf_counter() - t0) * 1000
        except OSError:
            time.sleep(0.0002)
        finally:
            s.close()
    raise RuntimeError("no Metadata answer")


class Broker:
    def __init__(self, name, port, data, log):
        self.name, self.port, self.data = name, port, data
        chk = socket.socket()
        if chk.connect_ex(("127.0.0.1", port)) == 0:
            raise RuntimeError(f"port {port} already in use")
        chk.close()
        self.cmd = broker_cmd(name, port, data)
        self.log = open(log, "a")
        env = dict(os.environ, **KAFKA_ENV) if name == "kafka" else None
        if name == "kafka":  # formatting KRaft storage is a separate JVM run, not start-up
            subprocess.run([KAFKA_SH, "prepare", data, str(port)], env=env, check=True, stdout=self.log)
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(self.cmd, stdout=self.log, stderr=self.log, env=env)
        t_exec = time.perf_counter()
        self.tcp_ms, self.md_ms = metadata_probe(port, t0, self.proc)
        self.spawn_ms = (t_exec - t0) * 1000
        self.pid = self.proc.pid

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run_kbench(broker, kind, args, results, logf, extra=None):
    """Runs one load: kbench ARGS, or a full command (a list starting with a program path) that
    prints a kbench-like JSON summary as its last line."""
    pid = broker.pid
    samp = Sampler(pid)
    samp.start()
    c0 = cpu_ticks(pid)
    m0 = machine_jiffies()
    la0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    kbench = args[0] in ("produce", "consume", "e2e")
    cmd = [KBENCH] + args + ["--label", broker.name] if kbench else args
    p = subprocess.run(cmd, capture_output=True, text=True)
    t1 = time.perf_counter()
    c1 = cpu_ticks(pid)
    m1 = machine_jiffies()
    samp.stop = True
    samp.join()
    lines = p.stdout.strip().splitlines()
    try:
        d = json.loads(lines[-1])
    except Exception:
        d = {"ok": False, "error": "no json", "stdout": p.stdout[-2000:]}
    cpu_s = (c1 - c0) / TCK
    wall = t1 - t0
    el = d.get("elapsed_s") or wall
    busy_s = (m1[0] - m0[0]) / TCK
    client_cpu_s = (d.get("client_cpu_pct") or 0) / 100 * el
    if d.get("bytes"):
        mb = d["bytes"] / 1e6
    else:  # produce / e2e: payload bytes delivered
        mb = (d.get("delivered") or d.get("received") or 0) * (d.get("size") or 0) / 1e6
    d["payload_mb"] = round(mb, 3)
    d.update(kind=kind, broker=broker.name, rc=p.returncode, broker_cpu_s=round(cpu_s, 3),
             broker_cpu_pct=round(cpu_s / el * 100, 1) if el else None,
             broker_cpu_s_per_mb=round(cpu_s / mb, 5) if mb else None,
             broker_peak_rss_kib=samp.peak, broker_peak_anon_kib=samp.peak_anon,
             wall_s=round(wall, 3), machine_busy_s=round(busy_s, 2),
             other_cpu_pct=round((busy_s - cpu_s - client_cpu_s) / wall * 100, 1),
             loadavg_before=la0)
    if extra:
        d.update(extra)
    results.write(json.dumps(d) + "\n")
    results.flush()
    summary = " ".join(l for l in lines if l.startswith(("throughput", "delivery latency", "end-to-end", "client cpu")))
    msg = (f"[{broker.name} {kind} rc={p.returncode} broker_cpu={d['broker_cpu_pct']}% "
           f"({d['broker_cpu_s_per_mb']} s/MB) peak_rss={samp.peak}KiB other_cpu={d['other_cpu_pct']}%] {summary}")
    if p.returncode != 0:
        msg += " STDERR: " + p.stderr[-800:].replace("\n", " | ")
    print(msg, flush=True)
    logf.write(msg + "\n")
    logf.flush()
    if broker.proc.poll() is not None:
        raise RuntimeError(f"{broker.name} died")
    return d


def scenarios(b, rep, a):
    boot = f"127.0.0.1:{b.port}"
    c = ["--bootstrap", boot]
    s = []
    n1k = a.n1k
    s.append(("produce1k_acks1", ["produce"] + c + ["--topic", f"p1k-a1-{rep}", "--messages", str(n1k), "--size", "1024",
              "--acks", "1", "--compression", "none", "--timeout-s", "300"]))
    s.append(("produce1k_acksall", ["produce"] + c + ["--topic", f"p1k-all-{rep}", "--messages", str(n1k), "--size", "1024",
              "--acks", "all", "--compression", "none", "--timeout-s", "300"]))
    s.append(("produce100_acksall", ["produce"] + c + ["--topic", f"p100-all-{rep}", "--messages", str(a.n100), "--size", "100",
              "--acks", "all", "--compression", "none", "--timeout-s", "300"]))
    s.append(("produce100_acks1", ["produce"] + c + ["--topic", f"p100-{rep}", "--messages", str(a.n100), "--size", "100",
              "--acks", "1", "--compression", "none", "--timeout-s", "300"]))
    # librdkafka's default fetch.queue.backoff.ms (1000) idles the consumer for up to 1 s each time
    # its local queue passes queued.min.messages, which throttles a fast consumer to a few
    # 100k msg/s whatever the broker; 10 ms removes that client-side stall.
    fq = ["-X", "fetch.queue.backoff.ms=10"]
    s.append(("consume100", ["consume"] + c + ["--topic", f"p100-{rep}", "--messages", str(a.n100), "--timeout-s", "300"] + fq))
    s.append(("consume100_again", ["consume"] + c + ["--topic", f"p100-{rep}", "--messages", str(a.n100), "--timeout-s", "300"] + fq))
    s.append(("consume100_rdkdefaults", ["consume"] + c + ["--topic", f"p100-{rep}", "--messages", str(a.n100), "--timeout-s", "300"]))
    # The same backlog through the Java client's and franz-go's default consumers.
    s.append(("consume100_java", JAVA_CONSUMER + [boot, f"p100-{rep}", str(a.n100)]))
    s.append(("consume100_franz", FRANZ_CONSUMER + [boot, f"p100-{rep}", str(a.n100)]))
    s.append(("e2e", ["e2e"] + c + ["--topic", f"e2e-{rep}", "--rate", "10000", "--duration-s", str(a.e2e_s), "--size", "100",
              "--timeout-s", "120"]))
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", default=f"{BENCH}/results/suite")
    ap.add_argument("--brokers", default="streamline-mem,streamline-disk,tansu-mem")
    ap.add_argument("--only", default="", help="comma list of scenario kinds to run")
    ap.add_argument("--n1k", type=int, default=1_000_000)
    ap.add_argument("--n100", type=int, default=3_000_000)
    ap.add_argument("--e2e-s", type=int, default=20)
    ap.add_argument("--data-root", default=f"{BENCH}/data")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    results = open(f"{a.out}/results.jsonl", "a")
    logf = open(f"{a.out}/log.txt", "a")
    only = set(x for x in a.only.split(",") if x)
    port = 29100
    for rep in range(1, a.reps + 1):
        for name in a.brokers.split(","):
            port += 1
            data = f"{a.data_root}/{name}-{rep}"
            shutil.rmtree(data, ignore_errors=True)
            b = Broker(name, port, data, f"{a.out}/{name}.broker.log")
            time.sleep(2)
            r = rss(b.pid)
            probe = {"kind": "startup", "broker": name, "rep": rep, "spawn_ms": round(b.spawn_ms, 3),
                     "tcp_ms": round(b.tcp_ms, 3), "metadata_ms": round(b.md_ms, 3),
                     "idle_rss_kib": r["VmRSS"], "idle_anon_kib": r.get("RssAnon"), "threads": r.get("Threads"),
                     "loadavg": os.getloadavg()[0]}
            results.write(json.dumps(probe) + "\n")
            msg = f"== rep {rep} {name} pid {b.pid}: {json.dumps(probe)}"
            print(msg, flush=True)
            logf.write(msg + "\n")
            try:
                for kind, args in scenarios(b, rep, a):
                    if only and kind not in only:
                        continue
                    # Flush dirty pages of earlier runs so their writeback does not compete.
                    subprocess.run(["sync"])
                    time.sleep(1)
                    run_kbench(b, kind, args, results, logf, {"rep": rep})
                r = rss(b.pid)
                end = {"kind": "after_load", "broker": name, "rep": rep, "rss_kib": r["VmRSS"],
                       "anon_kib": r.get("RssAnon"), "hwm_kib": r.get("VmHWM")}
                results.write(json.dumps(end) + "\n")
                logf.write(json.dumps(end) + "\n")
                print(json.dumps(end), flush=True)
            finally:
                b.stop()
                if "disk" in name or name == "kafka":
                    shutil.rmtree(data, ignore_errors=True)
                    subprocess.run(["sync"])
                    time.sleep(3)


if __name__ == "__main__":
    main()
