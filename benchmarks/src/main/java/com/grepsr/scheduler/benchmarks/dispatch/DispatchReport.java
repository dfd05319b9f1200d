package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.daemon.DaemonSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the dispatch results as the markdown section and the flat JSON object the lead assembles. */
final class DispatchReport {

    /** The replica count whose p99 is the headline {@code due_to_launch_p99_ms}: HA production runs two. */
    static final int HEADLINE_LATENCY_REPLICAS = 2;

    private static final String OURS = PhoenixSide.LABEL;
    private static final String THEIRS = DbSchedulerSide.LABEL;

    private DispatchReport() {
    }

    static String markdown(DispatchBenchmark.Parameters p, DaemonSettings s, List<ThroughputComparison.Row> rows,
                           List<LaunchLatency.Result> latencies, long seconds) {
        StringBuilder md = new StringBuilder();
        md.append("## Dispatch throughput vs db-scheduler (issue 9, part 1)\n\n");
        md.append(String.format(Locale.ROOT, "N = %,d executions due at once per measurement; %d repetitions, "
                + "interleaved (ours/theirs alternate going first); medians; one untimed warm-up run of each side first. Each replica: its own HikariCP pool of %d "
                + "connections and %d worker threads (db-scheduler `threads(%d)`, `pollUsingLockAndFetch(1.0, 4.0)`, "
                + "polling interval 100 ms, empty task body). Ours: ProcessorDaemon per replica on a DaemonLoop, claim "
                + "batch %d, lease %s, simulated launcher; every measurement verified (N runs DISPATCHED, N tasks "
                + "LAUNCHING, N history rows, N launches; db-scheduler: N distinct executions, table empty). Rows written: "
                + "inserts + updates + deletes in `pg_stat_user_tables` across each measurement ÷ N (median).%n%n",
                p.executions(), p.repetitions(), p.poolSize(), p.threads(), p.threads(), s.claimBatch(), s.claimLease()));
        md.append("| replicas | ours (executions/s) | db-scheduler (executions/s) | ratio ours/theirs | ours, each run "
                + "| db-scheduler, each run | rows written per execution, ours / db-scheduler |\n");
        md.append("| ---: | ---: | ---: | ---: | --- | --- | ---: |\n");
        for (ThroughputComparison.Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f | %s | %s | %.2f / %.2f |%n", r.replicas(),
                    r.median(OURS), r.median(THEIRS), r.ratio(OURS, THEIRS), each(r.rates(OURS)), each(r.rates(THEIRS)),
                    r.writesPerExecution(OURS), r.writesPerExecution(THEIRS)));
        }
        md.append("\n## Due → launch latency (issue 9, part 3)\n\n");
        md.append(String.format(Locale.ROOT, "%,d runs, %,d due at each whole second for %d s (one per schedule; an occurrence is a whole second), "
                + "materialized before the first is due; processors as in production (sleeping until the next due run); "
                + "latency = launch call time − fire time (HdrHistogram, µs precision). Headline "
                + "`due_to_launch_p99_ms` = the %d-replica run.%n%n",
                p.latencyRate() * p.latencySeconds(), p.latencyRate(), p.latencySeconds(), HEADLINE_LATENCY_REPLICAS));
        md.append("| replicas | runs | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LaunchLatency.Result l : latencies) {
            md.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %.1f | %.1f | %.1f |%n", l.replicas(), l.runs(),
                    l.p50(), l.p95(), l.p99(), l.max()));
        }
        md.append(String.format(Locale.ROOT, "%nWhole dispatch script: %d s.%n", seconds));
        return md.toString();
    }

    static String json(DispatchBenchmark.Parameters p, List<ThroughputComparison.Row> rows,
                       List<LaunchLatency.Result> latencies, long seconds) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (ThroughputComparison.Row r : rows) {
            values.put("dispatch_ratio_vs_dbscheduler_" + r.replicas(), round(r.ratio(OURS, THEIRS), 3));
        }
        latencies.stream().filter(l -> l.replicas() == HEADLINE_LATENCY_REPLICAS).findFirst()
                .or(() -> latencies.stream().findFirst())
                .ifPresent(l -> values.put("due_to_launch_p99_ms", round(l.p99(), 1)));
        for (ThroughputComparison.Row r : rows) {
            values.put("dispatch_ours_per_s_" + r.replicas(), round(r.median(OURS), 0));
            values.put("dispatch_dbscheduler_per_s_" + r.replicas(), round(r.median(THEIRS), 0));
            values.put("dispatch_ours_row_writes_" + r.replicas(), round(r.writesPerExecution(OURS), 2));
            values.put("dispatch_dbscheduler_row_writes_" + r.replicas(), round(r.writesPerExecution(THEIRS), 2));
        }
        for (LaunchLatency.Result l : latencies) {
            values.put("due_to_launch_p50_ms_" + l.replicas(), round(l.p50(), 1));
            values.put("due_to_launch_p95_ms_" + l.replicas(), round(l.p95(), 1));
            values.put("due_to_launch_p99_ms_" + l.replicas(), round(l.p99(), 1));
            values.put("due_to_launch_max_ms_" + l.replicas(), round(l.max(), 1));
        }
        values.put("dispatch_executions", p.executions());
        values.put("dispatch_repetitions", p.repetitions());
        values.put("dispatch_threads_per_replica", p.threads());
        values.put("due_to_launch_rate_per_s", p.latencyRate());
        values.put("due_to_launch_seconds", p.latencySeconds());
        values.put("dispatch_script_seconds", seconds);
        return jsonObject(values);
    }

    /** A flat JSON object of numbers, one per line, in the map's order. */
    static String jsonObject(Map<String, Number> values) {
        return values.entrySet().stream().map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
    }

    static String each(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).collect(Collectors.joining(" · "));
    }

    static Number round(double value, int digits) {
        double scale = Math.pow(10, digits);
        double rounded = Math.round(value * scale) / scale;
        return digits == 0 ? (Number) Math.round(rounded) : (Number) rounded;
    }
}
