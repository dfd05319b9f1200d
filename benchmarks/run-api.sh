#!/usr/bin/env bash
# Issue 9, part 4 — API throughput: 32 concurrent gRPC clients on Schedule, GetTaskStatus and
# GetActiveTasksV2 (pages of 50) against the service jar on PostgreSQL, 30 s per method (3 rounds
# of 10 s, interleaved), with the server's flight recording summarized into "where the time goes".
#
#   benchmarks/run-api.sh                 # build, then the full run: 140 s of load + ~20 s of pgbench
#                                         # + start and seeding (~3 min idle; 7 min on a machine at load 25)
#   SKIP_BUILD=1 benchmarks/run-api.sh    # use the jars already built
#   QUICK=1 benchmarks/run-api.sh         # development: 1 round of 3 s, less data (~2 min at load 25)
#   API_ARGS='--rounds=1 --threads=8' benchmarks/run-api.sh   # override ApiLoadSettings arguments
#
# Needs PostgreSQL on PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust auth); the
# database API_DB (default api_bench) is dropped and created afresh on every run.
# Writes benchmarks/results/api.md and api.json; the server's log, stdout and flight recording
# are left in benchmarks/target/api-server.{log,out}, api.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${API_DB:-api_bench}
export PGHOST PGPORT PGUSER

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # benchmarks depends on bootstrap (provided scope), so this also builds the service jar
  mvn -q -B -DskipTests -pl benchmarks -am package
fi
SERVER_JAR=bootstrap/target/phoenix-scheduler.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
for jar in "$SERVER_JAR" "$BENCH_JAR"; do
  [[ -f "$jar" ]] || { echo "missing $jar: build first (without SKIP_BUILD=1)" >&2; exit 1; }
done

if [[ "${QUICK:-0}" == 1 ]]; then
  load_args=(--rounds=1 --slice-seconds=3 --warmup-seconds=1 --schedules=200 --tasks=4000)
else
  load_args=(--rounds=3 --slice-seconds=10 --warmup-seconds=5 --schedules=1000 --tasks=20000)
fi

mkdir -p benchmarks/target benchmarks/results
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

# JFR's profile settings, plus every read of a socket (no 10 ms threshold) without its stack:
# the reads from PostgreSQL's port are the JDBC round trips
jfc=benchmarks/target/api.jfc
jfr configure --input profile --output "$jfc" 'jdk.SocketRead#threshold=0ms' 'jdk.SocketRead#stackTrace=false' >/dev/null

token="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
server_out=benchmarks/target/api-server.out
PHOENIX_ROLE=api \
PHOENIX_GRPC_PORT=0 \
PHOENIX_METRICS_PORT=0 \
PHOENIX_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
PHOENIX_DB_USER="$PGUSER" \
PHOENIX_API_TOKENS="bench:$token=admin" \
  java -Xms1g -Xmx1g "-XX:StartFlightRecording=name=api,settings=$jfc" \
  -jar "$SERVER_JAR" >"$server_out" 2>benchmarks/target/api-server.log &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

# the server prints one line on stdout once it listens: "...; listening: api grpc://127.0.0.1:PORT"
address=""
for _ in $(seq 1 120); do
  address=$(grep -o 'api grpc://[0-9.]*:[0-9]*' "$server_out" | sed 's|api grpc://||' || true)
  [[ -n "$address" ]] && break
  kill -0 "$server" 2>/dev/null || { echo "the server exited; see benchmarks/target/api-server.log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$address" ]] || { echo "the server did not start in 60 s" >&2; exit 1; }
echo "server pid $server on $address" >&2

java -Xms512m -Xmx1g -cp "$BENCH_JAR" com.grepsr.scheduler.benchmarks.api.ApiLoad \
  --target="$address" --token="$token" --jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --db-user="$PGUSER" \
  --threads=32 --channels=4 --accounts=40 --server-pid="$server" --jfr=benchmarks/target/api.jfr \
  --out=benchmarks/results "${load_args[@]}" ${API_ARGS:-}

kill -TERM "$server"
wait "$server" || true
trap - EXIT

# Side by side on the seeded database: the admin's first page of active tasks as SqlTaskStore
# asked for it before (one IN list: every active task read and sorted) and as it asks now (the
# newest of each status in index order, merged); pgbench, interleaved, median transactions/s.
before_sql=benchmarks/target/api-active-before.sql
after_sql=benchmarks/target/api-active-after.sql
echo "SELECT * FROM tasks WHERE status IN ('QUEUED','LAUNCHING','RUNNING') ORDER BY created_at DESC, id DESC LIMIT 51;" >"$before_sql"
branch() { echo "(SELECT * FROM tasks WHERE status = '$1' ORDER BY created_at DESC, id DESC LIMIT 51)"; }
echo "SELECT * FROM ($(branch QUEUED) UNION ALL $(branch LAUNCHING) UNION ALL $(branch RUNNING)) newest ORDER BY created_at DESC, id DESC LIMIT 51;" >"$after_sql"
pgbench_rounds=$([[ "${QUICK:-0}" == 1 ]] && echo 1 || echo 3)
pgbench_seconds=$([[ "${QUICK:-0}" == 1 ]] && echo 2 || echo 3)
tps() { pgbench -n -M prepared -c 4 -j 2 -T "$pgbench_seconds" -f "$1" "$DB" 2>/dev/null | awk '/^tps/ {print $3}'; }
before_tps=(); after_tps=()
for _ in $(seq 1 "$pgbench_rounds"); do
  before_tps+=("$(tps "$before_sql")")
  after_tps+=("$(tps "$after_sql")")
done
active=$(psql -Atq -d "$DB" -c "SELECT count(*) FROM tasks WHERE status IN ('QUEUED','LAUNCHING','RUNNING')")
python3 - "$active" "$pgbench_rounds" "$pgbench_seconds" "${before_tps[*]}" "${after_tps[*]}" <<'PY'
import json, statistics, sys
active, rounds, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
before = [float(x) for x in sys.argv[4].split()]
after = [float(x) for x in sys.argv[5].split()]
b, a = statistics.median(before), statistics.median(after)
with open("benchmarks/results/api.md", "a") as md:
    md.write(f"""
## The admin's active-task query, before and after (side by side)

The first page (51 rows) of every account's active tasks on the seeded database ({active} active tasks),
straight on PostgreSQL (pgbench, 4 clients, prepared, {rounds} × {seconds} s each, interleaved; median):

| query | transactions/s | per round |
| --- | ---: | --- |
| before: `status IN (…) ORDER BY created_at DESC, id DESC LIMIT 51` | {b:,.0f} | {', '.join(f'{x:,.0f}' for x in before)} |
| after: newest 51 of each status (index order), merged | {a:,.0f} | {', '.join(f'{x:,.0f}' for x in after)} |

after ÷ before: **{a / b:.1f}×**
""")
path = "benchmarks/results/api.json"
j = json.load(open(path))
j.update({"api_active_all_query_before_tps": round(b, 1), "api_active_all_query_after_tps": round(a, 1),
          "api_active_all_query_speedup": round(a / b, 2), "api_seeded_active_tasks": int(active)})
json.dump(j, open(path, "w"), indent=2)
open(path, "a").write("\n")
PY
cat benchmarks/results/api.md
echo "run-api.sh took $(( $(date +%s) - started )) s" >&2
