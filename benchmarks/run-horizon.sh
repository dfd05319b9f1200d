#!/usr/bin/env bash
# Issue 9, parts 2 and 5, on PostgreSQL 127.0.0.1:5432 (user postgres) in the database
# horizon_bench (dropped and created again on every run):
#  2. the calculator fills the 3-day horizon of 100,000 ACTIVE schedules from empty, beside the raw
#     rate of inserting the same rows with batched JDBC INSERTs and with COPY in the same run
#     (HorizonFillBenchmark, REPEATS repetitions, medians), and the cost of an idle tick;
#  5. the resident memory of the service jar (all roles) on that database: VmRSS / VmHWM sampled
#     from /proc every second while it settles (calculator, processor and reconciler ticks, runs
#     coming due and simulated crawls), with the JVM options of README's run section.
#
#   benchmarks/run-horizon.sh                 # full: 100,000 schedules, 3 repetitions, 90 s settle
#   QUICK=1 benchmarks/run-horizon.sh         # development: 10,000 schedules, 1 repetition, 20 s
#   SKIP_BUILD=1 ...                          # reuse benchmarks.jar and phoenix-scheduler.jar
#   SCHEDULES=… REPEATS=… SETTLE_SECONDS=… SERVICE_JAVA_OPTS='…'   # override the parameters
#
# Writes benchmarks/results/horizon.md and benchmarks/results/horizon.json.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${QUICK:-0}" == 1 ]]; then
  schedules=${SCHEDULES:-10000}; repeats=${REPEATS:-1}; settle=${SETTLE_SECONDS:-20}
else
  schedules=${SCHEDULES:-100000}; repeats=${REPEATS:-3}; settle=${SETTLE_SECONDS:-90}
fi
# the service's JVM options as README's run section ships them
service_java_opts=${SERVICE_JAVA_OPTS:-}
db=horizon_bench
url="jdbc:postgresql://127.0.0.1:5432/$db"
out=benchmarks/target/horizon
results=benchmarks/results
mkdir -p "$out" "$results"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B -DskipTests -pl benchmarks,bootstrap -am package
fi

started=$(date +%s)
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

# ---- part 2: fill and idle tick ------------------------------------------------------------
java -cp benchmarks/target/benchmarks.jar com.grepsr.scheduler.benchmarks.horizon.HorizonFillBenchmark \
  "$url" postgres "$schedules" "$repeats" "$out/fill" 2>&1 | grep -v '^SLF4J' | tee "$out/fill.log"

# ---- part 5: the service's resident memory on that database --------------------------------
# the horizon is full (the benchmark leaves the calculator's rows); the service migrates
# nothing, its calculator finds nothing due, its processor fires the runs coming due
PHOENIX_ROLE=all PHOENIX_DB_URL="$url" PHOENIX_DB_USER=postgres \
PHOENIX_API_TOKENS="bench:horizon-benchmark-admin-token=admin" \
PHOENIX_GRPC_PORT=0 PHOENIX_METRICS_PORT=0 PHOENIX_LAUNCHER=simulated PHOENIX_SIMULATED_CRAWL=30s \
PHOENIX_LOG_LEVEL=WARN \
  java $service_java_opts -jar bootstrap/target/phoenix-scheduler.jar >"$out/service.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
rss_peak=0; hwm=0; rss=0; samples=()
for ((s = 0; s < settle; s++)); do
  sleep 1
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the service exited early; its log:" >&2; tail -40 "$out/service.log" >&2; exit 1
  fi
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")   # KiB
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
  (( rss > rss_peak )) && rss_peak=$rss
  samples+=("$((rss / 1024))")
done
launched=$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM tasks")
kill -TERM "$pid"; wait "$pid" || true
trap - EXIT
elapsed=$(( $(date +%s) - started ))
echo "service RSS MiB per second: ${samples[*]}"
echo "settled RSS $((rss / 1024)) MiB, peak (VmHWM) $((hwm / 1024)) MiB, tasks launched while settling: $launched"

python3 - "$out/fill.json" "$out/fill.md" "$results" "$schedules" "$settle" "$rss" "$hwm" "$launched" \
  "$elapsed" "$service_java_opts" <<'EOF'
import json, sys
fill_json, fill_md, results, schedules, settle, rss, hwm, launched, elapsed, opts = sys.argv[1:]
data = json.load(open(fill_json))
settled, peak = int(rss) / 1024, int(hwm) / 1024
data.update({
    "rss_mib_100k_schedules": round(peak, 1),
    "horizon_rss_settled_mib": round(settled, 1),
    "horizon_rss_peak_mib": round(peak, 1),
    "horizon_rss_settle_seconds": int(settle),
    "horizon_tasks_launched_while_settling": int(launched),
    "horizon_script_seconds": int(elapsed),
})
json.dump(data, open(f"{results}/horizon.json", "w"), indent=2)
open(f"{results}/horizon.json", "a").write("\n")
md = open(fill_md).read()
md += f"""
### Memory: the service (all roles) on {int(schedules):,} schedules and their 3-day horizon

`java {opts or '(no options)'} -jar bootstrap/target/phoenix-scheduler.jar` with `PHOENIX_ROLE=all`, the
PostgreSQL store above (horizon filled), simulated launcher (30 s crawls), gRPC and metrics on free
loopback ports; RSS read from `/proc/<pid>/status` every second for {settle} s while calculator,
processor and reconciler ticked and {launched} tasks were launched for runs coming due.

| | MiB |
| --- | ---: |
| peak (VmHWM) — `rss_mib_100k_schedules` | {peak:.0f} |
| settled (VmRSS at the end) | {settled:.0f} |

Goal ≤ 512 MiB. The whole script took {elapsed} s.
"""
open(f"{results}/horizon.md", "w").write(md)
print(f"wrote {results}/horizon.md and {results}/horizon.json")
EOF
