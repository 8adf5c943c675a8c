#!/usr/bin/env python3
"""CPU, terminal output and memory of `streamline top` (docs/BENCHMARKS.md §8): runs it in a
160x48 pseudo-terminal, waits 3 s, sends KEYS (default Tab: the topics table), then measures
over SECS seconds (default 20) the process's CPU time (from /proc), the bytes it writes to the
terminal and its RSS; then quits with q.

    STREAMLINE=target/release/streamline SECS=20 KEYS=$'\t' scripts/top_cpu.py -b HOST:PORT
"""
import os, pty, sys, time, select, struct, fcntl, termios
args=sys.argv[1:]
secs=float(os.environ.get("SECS","20"))
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"]="xterm-256color"
    binary=os.environ.get("STREAMLINE","target/release/streamline")
    os.execv(binary, ["streamline","top"]+args)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
def drain(t):
    end=time.time()+t; n=0
    while time.time()<end:
        r,_,_=select.select([fd],[],[],0.05)
        if r:
            try: n+=len(os.read(fd,1<<20))
            except OSError: break
    return n
def cpu():
    f=open(f"/proc/{pid}/stat").read().rsplit(")",1)[1].split()
    return (int(f[11])+int(f[12]))/os.sysconf("SC_CLK_TCK")
drain(3)
os.write(fd, os.environ.get("KEYS","\t").encode())
drain(1)
c0=cpu(); t0=time.time()
n=drain(secs)
c1=cpu(); t1=time.time()
rss=[l for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")][0].split()[1]
os.write(fd,b"q"); os.waitpid(pid,0)
print(f"top {' '.join(args)}: {100*(c1-c0)/(t1-t0):.1f}% of a core over {t1-t0:.0f}s, {n/(t1-t0)/1024:.1f} KiB/s to the terminal, RSS {int(rss)/1024:.1f} MiB")
