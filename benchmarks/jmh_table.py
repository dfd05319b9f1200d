#!/usr/bin/env python3
"""Turns JMH's JSON results of the recurrence benchmarks into a markdown table:
ns/op per library side by side, the ratio Spring / ours and the goal for it."""
import json
import math
import sys

LIBRARIES = [("ours", "ours"), ("spring", "Spring"), ("quartz", "Quartz"), ("cronUtils", "cron-utils")]
OPERATIONS = {  # benchmark class -> (label, goal: Spring / ours at least)
    "CronNextBenchmark": ("next()", 8),
    "CronWindowBenchmark": ("3-day window", 10),
}


def cell(result):
    if result is None:
        return "—"
    score, error = result
    return f"{score:,.0f}" + ("" if math.isnan(error) else f" ± {error:,.0f}")


def main(path):
    with open(path) as f:
        runs = json.load(f)
    results, cases = {}, []
    for run in runs:
        cls, method = run["benchmark"].split(".")[-2:]
        case = run.get("params", {}).get("cron", "")
        metric = run["primaryMetric"]
        if metric["scoreUnit"] != "ns/op":
            sys.exit(f"{run['benchmark']}: expected ns/op, got {metric['scoreUnit']} (run with -bm avgt -tu ns)")
        error = metric.get("scoreError")
        results[(cls, case, method)] = (metric["score"], float("nan") if error in (None, "NaN") else float(error))
        if (cls, case) not in cases:
            cases.append((cls, case))

    print("| operation | expression | " + " | ".join(f"{label} ns/op" for _, label in LIBRARIES)
          + " | Spring ÷ ours | goal |")
    print("| --- | --- |" + " ---: |" * len(LIBRARIES) + " ---: | --- |")
    for cls, case in sorted(cases, key=lambda c: (list(OPERATIONS).index(c[0]) if c[0] in OPERATIONS else 99, 0)):
        label, goal = OPERATIONS.get(cls, (cls, None))
        ours, spring = results.get((cls, case, "ours")), results.get((cls, case, "spring"))
        if ours and spring:
            ratio = spring[0] / ours[0]
            verdict = f"≥ {goal}: {'met' if ratio >= goal else 'NOT met'}" if goal else ""
            ratio_cell = f"{ratio:.1f}"
        else:
            ratio_cell, verdict = "—", (f"≥ {goal}" if goal else "")
        print(f"| {label} | {case} | " + " | ".join(cell(results.get((cls, case, m))) for m, _ in LIBRARIES)
              + f" | {ratio_cell} | {verdict} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/jmh-recurrence.json")
