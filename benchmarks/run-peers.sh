#!/usr/bin/env bash
# Issue 15 items 3 and 4 on PostgreSQL (127.0.0.1:5432, database dispatch_peers, dropped and created
# afresh): ours beside db-scheduler (empty task), db-scheduler doing the same work as ours, and
# Quartz 2.5 (clustered JDBC JobStore) doing it too — executions/s and rows written per execution
# (pg_stat_user_tables) at 2 and 4 replicas, 3 interleaved repetitions of N = 20,000 — then a burst
# of 50,000 runs due at once with a 20 ms launcher, ours vs db-scheduler, 2 replicas each.
# Writes benchmarks/results/peers.md and .json.
#
#   benchmarks/run-peers.sh                 # the full measurement (the burst alone: ours ~9 minutes today)
#   QUICK=1 benchmarks/run-peers.sh         # N = 3,000, 2 replicas, one repetition, burst of 1,000: ~2 minutes
#   SKIP_BUILD=1 benchmarks/run-peers.sh    # reuse benchmarks/target/benchmarks.jar
#   PEERS_EXECUTIONS=10000 PEERS_REPETITIONS=1 PEERS_REPLICAS=2 PEERS_BURST=10000 benchmarks/run-peers.sh  # to fit a time budget
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B -DskipTests -pl benchmarks -am package
fi

args=(--out benchmarks/results --host "${PGHOST_PORT:-127.0.0.1:5432}" --database "${PGDATABASE_PEERS:-dispatch_peers}")
if [[ "${QUICK:-0}" == 1 ]]; then
  args+=(--quick)
fi
[[ -n "${PEERS_EXECUTIONS:-}" ]] && args+=(--executions "$PEERS_EXECUTIONS")
[[ -n "${PEERS_REPETITIONS:-}" ]] && args+=(--repetitions "$PEERS_REPETITIONS")
[[ -n "${PEERS_REPLICAS:-}" ]] && args+=(--replicas "$PEERS_REPLICAS")
[[ -n "${PEERS_BURST:-}" ]] && args+=(--burst "$PEERS_BURST")

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the same fixed heap as the dispatch part
java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
  com.grepsr.scheduler.benchmarks.dispatch.PeerBenchmark "${args[@]}"
