#!/usr/bin/env bash
# Issue 9 parts 1 and 3 on PostgreSQL (127.0.0.1:5432, database dispatch_bench, dropped and created
# afresh): dispatch throughput of our processor beside db-scheduler (N = 50,000 due at once;
# 1, 2 and 4 replicas; 3 interleaved repetitions; medians and ratios), then due → launch latency
# (1,000 runs/s for 60 s, 1 and 2 replicas). Writes benchmarks/results/dispatch.md and .json.
#
#   benchmarks/run-dispatch.sh                 # the full measurement (≤ 9 minutes on an idle 2-core machine)
#   QUICK=1 benchmarks/run-dispatch.sh         # N = 5,000, one repetition, 10 s latency run: a smoke test
#   SKIP_BUILD=1 benchmarks/run-dispatch.sh    # reuse benchmarks/target/benchmarks.jar
#   PGHOST_PORT=127.0.0.1:5432 PGDATABASE_BENCH=dispatch_bench benchmarks/run-dispatch.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B -DskipTests -pl benchmarks -am package
fi

args=(--out benchmarks/results --host "${PGHOST_PORT:-127.0.0.1:5432}" --database "${PGDATABASE_BENCH:-dispatch_bench}")
if [[ "${QUICK:-0}" == 1 ]]; then
  args+=(--quick)
fi
# optional overrides to fit a time budget, e.g. DISPATCH_EXECUTIONS=30000 DISPATCH_REPETITIONS=3
[[ -n "${DISPATCH_EXECUTIONS:-}" ]] && args+=(--executions "$DISPATCH_EXECUTIONS")
[[ -n "${DISPATCH_REPETITIONS:-}" ]] && args+=(--repetitions "$DISPATCH_REPETITIONS")
[[ -n "${DISPATCH_LATENCY_SECONDS:-}" ]] && args+=(--latency-seconds "$DISPATCH_LATENCY_SECONDS")

# a fixed heap so both sides run on the same JVM settings every time
java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
  com.grepsr.scheduler.benchmarks.dispatch.DispatchBenchmark "${args[@]}"
