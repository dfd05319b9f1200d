#!/usr/bin/env python3
"""CPU per dispatch, ours and the peers', split between the JVM and PostgreSQL.

Runs benchmarks/run-dispatch.sh (ours and db-scheduler with an empty task), or with PEERS=1
benchmarks/run-peers.sh (also db-scheduler and Quartz doing the same work as ours; its burst is
not charged), its arguments and environment passed through, while sampling, once
a second, the CPU time of every `java` and every `postgres` process on the machine from /proc; each
throughput measurement the script reports is then charged the CPU of the seconds it ran (its first
and last second left out), divided by its executions/s. Prints a Markdown table.

    SKIP_BUILD=1 DISPATCH_LATENCY_SECONDS=5 python3 benchmarks/dispatch_cpu.py
    SKIP_BUILD=1 PEERS=1 PEERS_BURST=1000 python3 benchmarks/dispatch_cpu.py

Only meaningful on an otherwise idle machine: every java and postgres process is counted.
"""
import os
import re
import statistics
import subprocess
import sys
import threading
import time

HZ = os.sysconf("SC_CLK_TCK")
NAMES = ("java", "postgres")
LINE = re.compile(r"throughput (\S+)\s+replicas=(\d+) rep=\d+: ([\d,]+) executions/s")
# the report's own statement of N, so QUICK=1 or DISPATCH_EXECUTIONS size the windows right
EXECUTIONS = re.compile(r"N = ([\d,]+) executions due at once")


def cpu_seconds():
    total = dict.fromkeys(NAMES, 0.0)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the process ended between listing and reading
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        for name in NAMES:
            if comm.startswith(name):
                total[name] += (int(fields[11]) + int(fields[12])) / HZ
    return total


def sample(samples, stop):
    before, t0 = cpu_seconds(), time.time()
    while not stop.is_set():
        time.sleep(1)
        now, t1 = cpu_seconds(), time.time()
        # a process that ended takes its CPU time with it: such a second is not a sample
        if all(now[n] >= before[n] for n in NAMES):
            samples.append((t1, {n: (now[n] - before[n]) / (t1 - t0) for n in NAMES}))
        before, t0 = now, t1


def main():
    samples, stop = [], threading.Event()
    sampler = threading.Thread(target=sample, args=(samples, stop), daemon=True)
    sampler.start()
    part = "run-peers.sh" if os.environ.get("PEERS") == "1" else "run-dispatch.sh"
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), part)
    measured, executions = [], None
    with subprocess.Popen([script, *sys.argv[1:]], stdout=subprocess.PIPE, text=True) as run:
        for line in run.stdout:
            sys.stderr.write(line)
            n = EXECUTIONS.search(line)
            if n:
                executions = int(n.group(1).replace(",", ""))
            m = LINE.search(line)
            if m:
                measured.append((time.time(), m.group(1), int(m.group(2)), int(m.group(3).replace(",", ""))))
    stop.set()
    sampler.join()
    if run.returncode != 0:
        sys.exit(run.returncode)
    if executions is None:
        sys.exit("the dispatch report did not say N (executions per measurement)")

    rows = {}
    for end, side, replicas, rate in measured:
        start = end - executions / rate if rate else end
        inside = [cpu for t, cpu in samples if start + 1 <= t <= end - 1]
        if inside:
            cores = {n: statistics.mean(c[n] for c in inside) for n in NAMES}
            rows.setdefault((replicas, side), []).append((rate, cores))

    print("| replicas | side | executions/s | JVM CPU (cores) | PostgreSQL CPU (cores) "
          "| JVM ms CPU per dispatch | PostgreSQL ms CPU per dispatch |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for (replicas, side), runs in sorted(rows.items()):
        rate = statistics.median(r for r, _ in runs)
        jvm = statistics.median(c["java"] for _, c in runs)
        pg = statistics.median(c["postgres"] for _, c in runs)
        per_jvm = statistics.median(c["java"] / r * 1000 for r, c in runs)
        per_pg = statistics.median(c["postgres"] / r * 1000 for r, c in runs)
        print(f"| {replicas} | {side} | {rate:,.0f} | {jvm:.2f} | {pg:.2f} | {per_jvm:.3f} | {per_pg:.3f} |")


if __name__ == "__main__":
    main()
