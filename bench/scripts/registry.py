#!/usr/bin/env python3
"""The schema registry's lookup rate and the cost of decoding Avro while consuming.

    registry.py [--requests N] [--concurrency C] [--messages M]

Starts `streamline serve --in-memory --schema-registry-addr 127.0.0.1:0` (the release build),
registers an Avro schema, then:
  - lookups: ApacheBench (`ab -k`, keep-alive) against `GET /schemas/ids/1` (what every
    deserializer asks once per id), `GET /subjects/S/versions/latest` (use.latest.version)
    and `POST /subjects/S` (a serializer's lookup of its schema);
  - consume: M Avro records (a 7-field payment, ~110 bytes framed) produced with
    `streamline produce --value-schema`, then read to the end by `streamline consume
    --format ndjson` three ways: decoding through the registry (the default), `--raw`
    (the same output path, no decoding), and their difference as the decoding cost.
Prints one JSON object.
"""
import argparse, json, os, re, subprocess, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STREAMLINE = os.environ.get("STREAMLINE", f"{ROOT}/target/release/streamline")

SCHEMA = json.dumps({"type": "record", "name": "Payment", "namespace": "bench", "fields": [
    {"name": "payment_id", "type": "string"}, {"name": "order_id", "type": "string"},
    {"name": "amount", "type": "double"},
    {"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR", "USD", "GBP"]}},
    {"name": "method", "type": "string"},
    {"name": "card_last4", "type": ["null", "string"], "default": None},
    {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]})
TEMPLATE = ('{"payment_id":"{{uuid}}","order_id":"{{uuid}}","amount":{{float:5:250:2}},'
            '"currency":"{{choice:EUR,USD,GBP}}","method":"{{choice:card,paypal}}",'
            '"card_last4":{{choice:null,"4242"}},"at":{{timestamp}}}')


def ab(url, requests, concurrency, body=None):
    args = ["ab", "-k", "-q", "-n", str(requests), "-c", str(concurrency)]
    if body is not None:
        args += ["-p", body, "-T", "application/vnd.schemaregistry.v1+json"]
    out = subprocess.run(args + [url], check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    p99 = re.search(r"\s99%\s+(\d+)", out)
    return {"per_sec": round(rate), "failed": failed + (int(non2xx.group(1)) if non2xx else 0),
            "p99_ms": int(p99.group(1)) if p99 else None}


def timed_consume(env, extra):
    start = time.perf_counter()
    out = subprocess.run([STREAMLINE, "consume", "payments", "--format", "ndjson", *extra],
                         check=True, capture_output=True, env=env).stdout
    elapsed = time.perf_counter() - start
    return elapsed, out.count(b"\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--requests", type=int, default=100_000)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--messages", type=int, default=200_000)
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="registry-bench-")
    proc = subprocess.Popen([STREAMLINE, "serve", "--in-memory", "--log-level", "warn",
                             "--listen-addr", "127.0.0.1:0", "--schema-registry-addr", "127.0.0.1:0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        kafka = proc.stdout.readline().strip()
        registry = proc.stdout.readline().strip()
        url = f"http://{registry}"
        env = dict(os.environ, STREAMLINE_BROKERS=kafka, STREAMLINE_SCHEMA_REGISTRY_URL=url)
        schema_file = f"{work}/payment.avsc"
        with open(schema_file, "w") as f:
            f.write(SCHEMA)
        start = time.perf_counter()
        subprocess.run([STREAMLINE, "produce", "payments", "--value-schema", schema_file,
                        "--template", TEMPLATE, "-n", str(a.messages), "--acks", "1"],
                       check=True, capture_output=True, env=env)
        produce_s = time.perf_counter() - start
        lookup = f"{work}/lookup.json"
        with open(lookup, "w") as f:
            json.dump({"schema": SCHEMA}, f)
        result = {
            "messages": a.messages,
            "produce_encoding_msgs_per_sec": round(a.messages / produce_s),
            "lookups": {
                "GET /schemas/ids/1": ab(f"{url}/schemas/ids/1", a.requests, a.concurrency),
                "GET /subjects/payments-value/versions/latest":
                    ab(f"{url}/subjects/payments-value/versions/latest", a.requests, a.concurrency),
                "POST /subjects/payments-value": ab(f"{url}/subjects/payments-value",
                                                    a.requests, a.concurrency, body=lookup),
            },
        }
        runs = {}
        for name, extra in [("decoded", []), ("raw", ["--raw"])]:
            times = []
            for _ in range(3):
                elapsed, lines = timed_consume(env, extra)
                if lines != a.messages:
                    raise SystemExit(f"consume {name} printed {lines} of {a.messages}")
                times.append(elapsed)
            best = min(times)
            runs[name] = {"best_s": round(best, 3), "msgs_per_sec": round(a.messages / best)}
        runs["decoding_us_per_record"] = round(
            (runs["decoded"]["best_s"] - runs["raw"]["best_s"]) / a.messages * 1e6, 2)
        result["consume"] = runs
    finally:
        proc.terminate()
        proc.wait()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
