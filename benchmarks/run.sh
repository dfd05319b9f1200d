#!/usr/bin/env bash
# The one command for the service benchmarks (issue 9): dispatch throughput beside db-scheduler and
# due→launch latency, the peers side by side (issue 15: db-scheduler and Quartz doing the same work,
# rows written per dispatch, a 20 ms-launcher burst), horizon fill beside raw JDBC/COPY and resident
# memory, API throughput with a JFR profile. Each part writes benchmarks/results/<part>.{md,json}; this script then writes their
# tables into RESULTS.md (between its markers) and the headline figures into results.json.
#
#   benchmarks/run.sh                 # everything, about 15 minutes on an idle 2-core machine
#   RECURRENCE=1 benchmarks/run.sh    # also re-runs the JMH recurrence benchmarks (+9 minutes)
#   QUICK=1 benchmarks/run.sh         # small sizes, to check the harnesses; not for results
#   SKIP_BUILD=1 benchmarks/run.sh    # use the jars as last built (`mvn -DskipTests install`)
#   DISPATCH_REPETITIONS=2 REPEATS=2 benchmarks/run.sh   # fewer repetitions (dispatch, horizon) to fit a time budget
#   PEERS_BURST=10000 benchmarks/run.sh   # a smaller burst (see run-peers.sh for the other PEERS_* sizes)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); each part creates and drops its own database.
# Run it on an otherwise idle machine: the parts compare pairs measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

export RUN_COMMAND="${RUN_COMMAND:-${QUICK:+QUICK=1 }${RECURRENCE:+RECURRENCE=1 }benchmarks/run.sh}"
# the benchmark harnesses and the service jar the memory and API parts start (SKIP_BUILD=1: as built)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B -DskipTests -pl benchmarks,bootstrap -am package
fi
export SKIP_BUILD=1
# read after the build, so it shows what else the machine was doing, not the build itself
export LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "${RECURRENCE:-}" == "1" ]]; then
  benchmarks/run-recurrence.sh
fi
for part in dispatch peers horizon api; do
  echo "== $part ($(date -u +%H:%M:%S))"
  benchmarks/run-$part.sh
done
python3 benchmarks/assemble_results.py
