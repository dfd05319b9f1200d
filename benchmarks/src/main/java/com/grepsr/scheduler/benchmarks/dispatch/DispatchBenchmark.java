package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.daemon.DaemonSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 9 parts 1 and 3 on PostgreSQL: dispatch throughput beside db-scheduler, and due → launch
 * latency. Writes {@code dispatch.md} and {@code dispatch.json} into the output directory.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.grepsr.scheduler.benchmarks.dispatch.DispatchBenchmark
 *      [--quick] [--out benchmarks/results] [--host 127.0.0.1:5432] [--database dispatch_bench]
 *      [--executions 50000] [--repetitions 3] [--latency-seconds 60]</pre>
 */
public final class DispatchBenchmark {

    /** What one invocation measures. */
    record Parameters(int executions, List<Integer> replicas, int repetitions, int threads, int latencyRate,
                      int latencySeconds, List<Integer> latencyReplicas) {

        static Parameters full() {
            return new Parameters(50_000, List.of(1, 2, 4), 3, 4, 1_000, 60, List.of(1, 2));
        }

        static Parameters quick() {
            return new Parameters(5_000, List.of(1, 2, 4), 1, 4, 1_000, 10, List.of(1, 2));
        }

        /** Connections per replica, both sides: one per worker thread and one for polling. */
        int poolSize() {
            return threads + 1;
        }
    }

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Parameters preset = options.containsKey("quick") ? Parameters.quick() : Parameters.full();
        // sizes can be overridden to fit a time budget; anything else stays as the preset says
        Parameters p = new Parameters(Integer.parseInt(options.getOrDefault("executions", "" + preset.executions())),
                preset.replicas(), Integer.parseInt(options.getOrDefault("repetitions", "" + preset.repetitions())),
                preset.threads(), preset.latencyRate(),
                Integer.parseInt(options.getOrDefault("latency-seconds", "" + preset.latencySeconds())),
                preset.latencyReplicas());
        Path out = Path.of(options.getOrDefault("out", "benchmarks/results"));
        BenchDatabase db = BenchDatabase.fromOptions(options, "dispatch_bench");
        DaemonSettings settings = DaemonSettings.DEFAULTS;
        long began = System.nanoTime();
        db.recreate();
        PhoenixSide ours = new PhoenixSide(db, p.poolSize(), settings);
        ours.createSchedules(Math.max(p.executions(), p.latencyRate() * p.latencySeconds()));
        System.out.printf("schedules stored in %d s%n", (System.nanoTime() - began) / 1_000_000_000);

        List<ThroughputComparison.Row> rows = new ThroughputComparison(List.of(ours, DbSchedulerSide.noOp(db, p.threads())))
                .run(p.executions(), p.replicas(), p.repetitions());
        List<LaunchLatency.Result> latencies = new ArrayList<>();
        LaunchLatency latency = new LaunchLatency(db, ours, p.poolSize(), settings);
        for (int replicas : p.latencyReplicas()) {
            LaunchLatency.Result r = latency.run(replicas, p.latencyRate(), p.latencySeconds());
            System.out.printf("  latency replicas=%d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    replicas, r.p50(), r.p95(), r.p99(), r.max());
            latencies.add(r);
        }
        long seconds = (System.nanoTime() - began) / 1_000_000_000;
        Files.createDirectories(out);
        Files.writeString(out.resolve("dispatch.md"), DispatchReport.markdown(p, settings, rows, latencies, seconds));
        Files.writeString(out.resolve("dispatch.json"), DispatchReport.json(p, rows, latencies, seconds));
        System.out.println(DispatchReport.markdown(p, settings, rows, latencies, seconds));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2).toLowerCase(Locale.ROOT);
            if (key.equals("quick")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return options;
    }
}
