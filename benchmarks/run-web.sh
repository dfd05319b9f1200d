#!/usr/bin/env bash
# Issue 17's goal: each dashboard page renders in under 100 ms at p95 with 100,000 schedules on
# PostgreSQL 127.0.0.1:5432 (user postgres), in the database web_bench (created when missing and
# kept: a second run reuses the seeded schedules and their horizon; FRESH=1 drops it first).
#
#   benchmarks/run-web.sh                 # 100,000 schedules, 200 requests per page (a few minutes)
#   SCHEDULES=… REQUESTS=… SKIP_BUILD=1 benchmarks/run-web.sh
#
# Writes benchmarks/results/web.md; RESULTS.md quotes it.
set -euo pipefail
cd "$(dirname "$0")/.."

schedules=${SCHEDULES:-100000}; requests=${REQUESTS:-200}
db=web_bench
url="jdbc:postgresql://127.0.0.1:5432/$db"
mkdir -p benchmarks/results

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
if [[ "${FRESH:-0}" == 1 ]]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db"
fi
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db"

started=$(date +%s)
java -cp benchmarks/target/benchmarks.jar com.grepsr.scheduler.benchmarks.web.DashboardRenderBenchmark \
  "$url" postgres "$schedules" "$requests" benchmarks/results/web.md 2>&1 | grep -v '^SLF4J'
{
  echo
  echo "Run on $(date -u +%Y-%m-%d), commit \`$(git rev-parse --short HEAD)\`, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), $(( $(date +%s) - started )) s."
  echo "Command: \`benchmarks/run-web.sh\`"
} >> benchmarks/results/web.md
