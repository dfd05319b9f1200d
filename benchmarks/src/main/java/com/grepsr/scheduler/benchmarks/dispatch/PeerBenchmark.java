package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.daemon.DaemonSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 15 items 3 and 4 on PostgreSQL: ours beside the peers a team would pick instead, in one
 * run — db-scheduler with an empty task, db-scheduler and Quartz 2.5 (clustered JDBC JobStore)
 * doing the same work as ours — with the rows each writes per execution by PostgreSQL's counters,
 * and a burst of runs due at once with a 20 ms launcher. Writes {@code peers.md} and
 * {@code peers.json} into the output directory.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.grepsr.scheduler.benchmarks.dispatch.PeerBenchmark
 *      [--quick] [--out benchmarks/results] [--host 127.0.0.1:5432] [--database dispatch_peers]
 *      [--executions 20000] [--repetitions 3] [--replicas 2,4] [--burst 50000]</pre>
 */
public final class PeerBenchmark {

    /** What one invocation measures; T threads and T + 1 connections per replica, as the dispatch part. */
    record Parameters(int executions, List<Integer> replicas, int repetitions, int threads, int burstRuns) {

        static Parameters full() {
            return new Parameters(20_000, List.of(2, 4), 3, 4, 50_000);
        }

        static Parameters quick() {
            return new Parameters(3_000, List.of(2), 1, 4, 1_000);
        }

        int headlineReplicas() {
            return replicas.contains(2) ? 2 : replicas.get(0);
        }
    }

    private PeerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = DispatchBenchmark.options(args);
        Parameters preset = options.containsKey("quick") ? Parameters.quick() : Parameters.full();
        List<Integer> replicas = options.containsKey("replicas")
                ? Arrays.stream(options.get("replicas").split(",")).map(String::trim).map(Integer::parseInt).toList()
                : preset.replicas();
        Parameters p = new Parameters(Integer.parseInt(options.getOrDefault("executions", "" + preset.executions())),
                replicas, Integer.parseInt(options.getOrDefault("repetitions", "" + preset.repetitions())),
                preset.threads(), Integer.parseInt(options.getOrDefault("burst", "" + preset.burstRuns())));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/results"));
        BenchDatabase db = BenchDatabase.fromOptions(options, "dispatch_peers");
        DaemonSettings settings = DaemonSettings.DEFAULTS;
        long began = System.nanoTime();
        db.recreate();
        PhoenixSide ours = new PhoenixSide(db, p.threads() + 1, settings);
        ours.createSchedules(Math.max(p.executions(), p.burstRuns()));
        System.out.printf("N = %,d executions due at once per measurement; schedules stored in %d s%n",
                p.executions(), (System.nanoTime() - began) / 1_000_000_000);

        List<Side> sides = List.of(ours, DbSchedulerSide.noOp(db, p.threads()), DbSchedulerSide.sameWork(db, p.threads()),
                new QuartzSide(db, p.threads()));
        List<ThroughputComparison.Row> rows = new ThroughputComparison(sides).run(p.executions(), p.replicas(), p.repetitions());
        BurstComparison.Result burst = new BurstComparison(db, ours).run(p.burstRuns());
        long seconds = (System.nanoTime() - began) / 1_000_000_000;
        Files.createDirectories(out);
        String md = PeerReport.markdown(p, settings, rows, burst, seconds);
        Files.writeString(out.resolve("peers.md"), md);
        Files.writeString(out.resolve("peers.json"), PeerReport.json(p, rows, burst, seconds));
        System.out.println(md);
    }
}
