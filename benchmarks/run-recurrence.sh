#!/usr/bin/env bash
# Runs the recurrence benchmarks (ours beside Spring, Quartz and cron-utils) and prints a markdown
# table of ns/op with the ratio Spring ÷ ours. Sized for a noisy 2-core machine: 24 benchmarks of
# 3×2 s warm-up + 5×2 s measurement in one fork each, about 8–9 minutes.
#
#   benchmarks/run-recurrence.sh                          # everything
#   benchmarks/run-recurrence.sh 'CronNextBenchmark'      # one operation (a JMH include regex)
#   benchmarks/run-recurrence.sh 'Cron.*spring' -p cron=EVERY_MINUTE   # more JMH options after it
#   JMH_RUN='-f 1 -wi 1 -w 1s -i 2 -r 1s' benchmarks/run-recurrence.sh   # a quick smoke run
#
# Output in benchmarks/target/: jmh-recurrence.txt (JMH's log), .json (its results), .md (the table).
set -euo pipefail
cd "$(dirname "$0")/.."

include="${1:-com.grepsr.scheduler.benchmarks.recurrence.Cron}"
shift $(( $# > 0 ? 1 : 0 ))
out=benchmarks/target/jmh-recurrence
# forks, warm-up and measurement; JMH refuses an option given twice, so override them here
read -r -a run_options <<< "${JMH_RUN:--f 1 -wi 3 -w 2s -i 5 -r 2s}"

mvn -q -B -DskipTests -pl benchmarks -am package

# -foe: a failed setup (the libraries disagree) stops the run instead of leaving a gap in the table
java -jar benchmarks/target/benchmarks.jar "$include" \
  "${run_options[@]}" -tu ns -bm avgt -foe true \
  -rf json -rff "$out.json" "$@" | tee "$out.txt"

python3 benchmarks/jmh_table.py "$out.json" | tee "$out.md"
