#!/usr/bin/env python3
"""Assembles the service benchmarks' parts into benchmarks/RESULTS.md and benchmarks/results.json.

Each part's script (run-dispatch.sh, run-peers.sh, run-horizon.sh, run-api.sh) leaves results/<part>.md (its
tables) and results/<part>.json (flat numbers). This script writes, between the markers of
RESULTS.md, the date, the machine, the command and every part's tables, and writes the headline
figures to results.json. The recurrence ratios come from results/recurrence.json, which
run-recurrence.sh's JMH output refreshes when the recurrence run is part of the command
(RECURRENCE=1); otherwise they are the foundation run's, as that file says.
"""
import json
import math
import os
import re
import subprocess
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
PARTS = ["dispatch", "peers", "horizon", "api"]
BEGIN, END = "<!-- service-results:begin -->", "<!-- service-results:end -->"
HEADLINE = ["cron_next_speedup_vs_spring", "cron_window_speedup_vs_spring",
            "dispatch_ratio_vs_dbscheduler_1", "dispatch_ratio_vs_dbscheduler_2", "dispatch_ratio_vs_dbscheduler_4",
            "horizon_fill_fraction_of_raw", "due_to_launch_p99_ms", "rss_mib_100k_schedules",
            "row_writes_per_dispatch", "dispatch_same_work_ratio_vs_dbscheduler", "dispatch_ratio_vs_quartz",
            "burst_time_ratio_vs_dbscheduler"]


def sh(cmd):
    try:
        out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)
        return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "unknown"
    except Exception:  # a missing tool leaves a visible gap, not a crash
        return "unknown"


def git(*args):
    """git's answer in this checkout ("" is an answer: nothing to say), or None where git gives none."""
    try:
        out = subprocess.run(["git", "-C", HERE, *args], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() if out.returncode == 0 else None
    except Exception:  # no git, or not a checkout
        return None


def machine():
    mem_kib = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
    java = sh("java -version 2>&1 | head -1")
    pg = sh("psql -h 127.0.0.1 -U postgres -tAc 'show server_version' postgres")
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
    return (f"{os.cpu_count()} cores ({cpu.strip()}), {mem_kib / 1024 / 1024:.1f} GiB, {java}, "
            f"PostgreSQL {pg}, {sh('uname -sr')}")


def recurrence_ratios():
    """Spring ÷ ours per operation: the worst of the three expressions, so the headline never flatters."""
    jmh = os.path.join(HERE, "target", "jmh-recurrence.json")
    ratios = json.load(open(os.path.join(HERE, "results", "recurrence.json")))["spring_over_ours"]
    if os.environ.get("RECURRENCE") == "1" and os.path.exists(jmh):
        scores = {}
        for run in json.load(open(jmh)):
            cls, method = run["benchmark"].split(".")[-2:]
            scores[(cls, run.get("params", {}).get("cron", ""), method)] = run["primaryMetric"]["score"]
        ratios = {"next": {}, "window": {}}
        for (cls, case, method), score in scores.items():
            if method == "ours" and (cls, case, "spring") in scores:
                op = "next" if cls == "CronNextBenchmark" else "window"
                ratios[op][case] = round(scores[(cls, case, "spring")] / score, 1)
    return min(ratios["next"].values()), min(ratios["window"].values())


def under_service_heading(markdown):
    """Shifts a part's headings so its top ones are ### (under RESULTS.md's ## "Service benchmarks")."""
    levels = [len(m) for m in re.findall(r"^(#+) ", markdown, flags=re.M)]
    shift = 3 - min(levels) if levels else 0
    return re.sub(r"^(#+) ", lambda m: "#" * max(1, len(m.group(1)) + shift) + " ", markdown, flags=re.M)


def main():
    figures, sections = {}, []
    for part in PARTS:
        md, js = (os.path.join(HERE, "results", f"{part}.{ext}") for ext in ("md", "json"))
        if not (os.path.exists(md) and os.path.exists(js)):
            sys.exit(f"results/{part}.md or .json is missing: run benchmarks/run-{part}.sh first")
        figures.update(json.load(open(js)))
        sections.append(under_service_heading(open(md).read().strip()))
    figures["cron_next_speedup_vs_spring"], figures["cron_window_speedup_vs_spring"] = recurrence_ratios()
    missing = [k for k in HEADLINE if not isinstance(figures.get(k), (int, float)) or math.isnan(figures[k])]
    if missing:
        sys.exit(f"headline figures missing from the parts' results: {missing}")

    today = date.today().isoformat()
    summary = {k: figures[k] for k in HEADLINE}
    summary["date"] = today  # the figures are bare numbers; the date is ISO-8601
    with open(os.path.join(HERE, "results.json"), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    # the files this run writes itself do not make the tree "changed"
    changed = git("status", "--porcelain", "--", "..",
                  *(f":(exclude){p}" for p in ("results", "results.json", "RESULTS.md", "target")))
    dirty = {None: " (working tree state unknown)", "": ""}.get(changed, " (with uncommitted changes)")
    block = "\n\n".join([
        BEGIN,
        f"Run on {today}, commit `{commit}`{dirty}. Machine: {machine()}. "
        f"Load average before the run: {os.environ.get('LOAD_BEFORE', 'not recorded')}.",
        "Command: `" + os.environ.get("RUN_COMMAND", "benchmarks/run.sh") + "`",
        "Headline figures (also in `benchmarks/results.json`):\n\n| figure | value |\n| --- | ---: |\n"
        + "\n".join(f"| `{k}` | {summary[k]} |" for k in HEADLINE),
        *sections,
        END])
    path = os.path.join(HERE, "RESULTS.md")
    text = open(path).read()
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
