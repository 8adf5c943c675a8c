#!/usr/bin/env python3
"""Throughput and broker CPU over PLAINTEXT and over SASL_SSL (TLS + SCRAM-SHA-512) on one
broker, and the cost of setting up a connection (TCP, TLS handshake, SCRAM, first Metadata).

    tls.py streamline|kafka [--messages N] [--size BYTES] [--connections N]

Both listeners run in the same broker process: Streamline in memory
(`serve --in-memory --listener PLAINTEXT://… --listener SASL_SSL://…`), Apache Kafka 4.4 from
`tests/reference/kafka/kafka.sh start secure` (1 GiB heap, G1). kbench must be built with
rdkafka's `ssl` feature (KBENCH; `cargo build --release --features rdkafka/ssl`). Connection
set-up is timed with kafka-python (a new client, one Metadata request, closed) — its own
overhead is in every figure alike. Prints one JSON object.
"""
import argparse, json, os, socket, statistics, subprocess, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STREAMLINE = os.environ.get("STREAMLINE", f"{ROOT}/target/release/streamline")
KBENCH = os.environ.get("KBENCH", "/tmp/kbench-ssl-target/release/kbench")
KAFKA_SH = f"{ROOT}/tests/reference/kafka/kafka.sh"
KAFKA_ENV = {"KAFKA_HEAP": "1g", "KAFKA_JVM_OPTS": "-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20"}
CLK = os.sysconf("SC_CLK_TCK")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def cpu_s(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def certificates(dir):
    """A CA and a localhost certificate (PKCS#8 key, as Kafka's PEM key store wants)."""
    def run(*args):
        subprocess.run(args, check=True, capture_output=True, cwd=dir)
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
        "-out", "ca.pem", "-days", "2", "-subj", "/CN=bench CA")
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=localhost")
    with open(f"{dir}/ext", "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext")


def secure_props(user, password, ca):
    return ["-X", "security.protocol=SASL_SSL", "-X", "sasl.mechanism=SCRAM-SHA-512",
            "-X", f"sasl.username={user}", "-X", f"sasl.password={password}",
            "-X", f"ssl.ca.location={ca}"]


def kbench(*args):
    out = subprocess.run([KBENCH, *args], check=True, capture_output=True, text=True).stdout
    result = json.loads(next(l for l in out.splitlines() if l.startswith("{")))
    if not result.get("ok"):
        raise SystemExit(f"kbench {args[0]} failed: {result}")
    return result


def client_cpu_s(result):
    """kbench's own CPU time: on a 2-core machine it competes with the broker."""
    return round(result["client_cpu_pct"] / 100 * result["elapsed_s"], 2)


def connections(bootstrap, n, secure):
    from kafka import KafkaConsumer
    times = []
    for _ in range(n):
        start = time.perf_counter()
        c = KafkaConsumer(bootstrap_servers=bootstrap, api_version=(2, 8), **secure)
        c.topics()
        times.append((time.perf_counter() - start) * 1000)
        c.close()
    return round(statistics.median(times), 2)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("broker", choices=["streamline", "kafka"])
    p.add_argument("--messages", type=int, default=500_000)
    p.add_argument("--size", type=int, default=1024)
    p.add_argument("--connections", type=int, default=30)
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix=f"tls-{a.broker}-")
    certificates(work)
    ca = f"{work}/ca.pem"
    if a.broker == "streamline":
        plain, secure = f"127.0.0.1:{free_port()}", f"127.0.0.1:{free_port()}"
        user = ("bench", "bench-secret")
        proc = subprocess.Popen(
            [STREAMLINE, "serve", "--in-memory", "--log-level", "warn",
             "--listener", f"PLAINTEXT://{plain}", "--listener", f"SASL_SSL://{secure}",
             "--ssl-certificate-location", f"{work}/server.pem",
             "--ssl-key-location", f"{work}/server.key",
             "--sasl-user", f"{user[0]}={user[1]}"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc.stdout.readline()
        pid = proc.pid
    else:
        env = dict(os.environ, **KAFKA_ENV)
        secure = subprocess.run([KAFKA_SH, "start", "secure", f"{work}/kafka", work], env=env,
                                check=True, capture_output=True, text=True).stdout.strip()
        plain = open(f"{work}/kafka/bootstrap").read().strip()
        user = ("admin", "admin-secret")
        pid = int(open(f"{work}/kafka/node-1/pid").read())
    result = {"broker": a.broker, "messages": a.messages, "size": a.size}
    try:
        for mode, bootstrap, extra in [("plaintext", plain, []),
                                       ("sasl_ssl", secure, secure_props(*user, ca))]:
            topic = f"tls-{mode}"
            before = cpu_s(pid)
            produced = kbench("produce", "--bootstrap", bootstrap, "--topic", topic,
                              "--messages", str(a.messages), "--size", str(a.size),
                              "--acks", "1", *extra)
            middle = cpu_s(pid)
            consumed = kbench("consume", "--bootstrap", bootstrap, "--topic", topic,
                              "--messages", str(a.messages), *extra)
            after = cpu_s(pid)
            result[mode] = {
                "produce_mb_s": round(produced["mb_per_s"], 1),
                "produce_msgs_s": round(produced["msgs_per_s"]),
                "produce_broker_cpu_s": round(middle - before, 2),
                "produce_client_cpu_s": client_cpu_s(produced),
                "consume_mb_s": round(consumed["mb_per_s"], 1),
                "consume_msgs_s": round(consumed["msgs_per_s"]),
                "consume_broker_cpu_s": round(after - middle, 2),
                "consume_client_cpu_s": client_cpu_s(consumed),
            }
        result["connection_ms_median"] = {
            "plaintext": connections(plain, a.connections, {}),
            "sasl_ssl_scram512": connections(secure, a.connections, {
                "security_protocol": "SASL_SSL", "sasl_mechanism": "SCRAM-SHA-512",
                "sasl_plain_username": user[0], "sasl_plain_password": user[1],
                "ssl_cafile": ca}),
        }
        for key in ("produce_mb_s", "consume_mb_s"):
            base = result["plaintext"][key]
            result[f"tls_{key}_of_plaintext"] = round(result["sasl_ssl"][key] / base, 3) if base else None
    finally:
        if a.broker == "streamline":
            proc.terminate()
            proc.wait()
        else:
            subprocess.run([KAFKA_SH, "stop", f"{work}/kafka"], capture_output=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
