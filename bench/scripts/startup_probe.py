#!/usr/bin/env python3
"""Spawn a broker and time process start -> first answered Metadata request.

Usage: startup_probe.py HOST:PORT [--keep] -- CMD ARGS...
Polls TCP connect every 0.2 ms, then sends a raw Metadata v1 request (all topics) and waits for
the response. Prints one JSON line: spawn_ms (time of the fork/exec call), tcp_ms, metadata_ms
(both from just before the spawn). Unless --keep, stops the broker (SIGTERM by PID) afterwards
and reports its idle RSS 1 s after the answer.
"""
import json, os, signal, socket, struct, subprocess, sys, time

def main():
    args = sys.argv[1:]
    addr = args.pop(0)
    keep = False
    if args and args[0] == "--keep":
        keep = True; args.pop(0)
    assert args.pop(0) == "--"
    host, port = addr.rsplit(":", 1); port = int(port)
    # Metadata v1 request: api_key 3, version 1, correlation 7, client_id "probe", topics null
    body = struct.pack(">hhih", 3, 1, 7, 5) + b"probe" + struct.pack(">i", -1)
    req = struct.pack(">i", len(body)) + body
    chk = socket.socket()
    if chk.connect_ex((host, port)) == 0:
        print(json.dumps({"ok": False, "error": f"something already listens on {addr}"})); sys.exit(1)
    chk.close()
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=open("/tmp/startup_probe_broker.log", "w"))
    t_spawn = time.perf_counter()
    tcp_ms = None
    deadline = t0 + 60
    while time.perf_counter() < deadline:
        s = socket.socket(); s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            s.connect((host, port))
        except OSError:
            s.close()
            if p.poll() is not None:
                print(json.dumps({"ok": False, "error": f"broker exited with {p.returncode}"})); sys.exit(1)
            time.sleep(0.0002); continue
        if tcp_ms is None:
            tcp_ms = (time.perf_counter() - t0) * 1000
        try:
            s.settimeout(5)
            s.sendall(req)
            hdr = b""
            while len(hdr) < 8:
                c = s.recv(8 - len(hdr))
                if not c: raise OSError("closed")
                hdr += c
            n, corr = struct.unpack(">ii", hdr)
            got = 4
            while got < n:
                c = s.recv(min(65536, n - got))
                if not c: raise OSError("closed")
                got += len(c)
            md_ms = (time.perf_counter() - t0) * 1000
            s.close()
            break
        except OSError:
            s.close(); time.sleep(0.0002); continue
    else:
        p.kill(); print(json.dumps({"ok": False, "error": "no metadata answer in 60 s"})); sys.exit(2)
    out = {"ok": True, "pid": p.pid, "spawn_ms": round((t_spawn - t0) * 1000, 3),
           "tcp_ms": round(tcp_ms, 3), "metadata_ms": round(md_ms, 3), "response_bytes": n + 4}
    if not keep:
        time.sleep(1.0)
        with open(f"/proc/{p.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    out["idle_rss_kib_1s"] = int(line.split()[1])
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill(); p.wait()
    print(json.dumps(out))

main()
