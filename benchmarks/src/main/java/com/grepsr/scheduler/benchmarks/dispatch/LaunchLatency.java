package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import org.HdrHistogram.Histogram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Issue 9 part 3: {@code ratePerSecond} runs come due at each whole second for {@code seconds}; processors
 * run as in production (each loop sleeps until the next due run); the launcher records launch call
 * time − fire time. The runs are materialized before the first one is due, so the processors see
 * a steady stream, not a backlog.
 */
final class LaunchLatency {

    /** Percentiles in milliseconds. */
    record Result(int replicas, long runs, double p50, double p95, double p99, double max) {
    }

    /** Time between the end of materializing and the first fire instant. */
    private static final Duration LEAD = Duration.ofSeconds(3);

    private final BenchDatabase db;
    private final PhoenixSide ours;
    private final int poolSize;
    private final DaemonSettings settings;

    LaunchLatency(BenchDatabase db, PhoenixSide ours, int poolSize, DaemonSettings settings) {
        this.db = db;
        this.ours = ours;
        this.poolSize = poolSize;
        this.settings = settings;
    }

    Result run(int replicas, int ratePerSecond, int seconds) throws Exception {
        int n = ratePerSecond * seconds;
        // an occurrence is a whole second (the processor cancels a run that is not one of its
        // schedule's occurrences), so ratePerSecond runs come due together at each second
        Instant[] base = {Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS)};
        long began = System.nanoTime();
        String tag = "l" + replicas;
        ours.materialize(n, tag, i -> base[0].plusSeconds(i / ratePerSecond));
        // the fire instants were written relative to a placeholder: shift them to the first whole second after now + LEAD
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        Instant first = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long shiftSeconds = Duration.between(base[0], first).getSeconds();
        db.execute("UPDATE vt_scheduled_runs SET fire_at = fire_at + interval '" + shiftSeconds + " seconds'",
                "VACUUM ANALYZE vt_scheduled_runs"); // the update left a dead row per run: clear them
        SimulatedCrawlerLauncher simulated = new SimulatedCrawlerLauncher(Clock.systemUTC(), Duration.ofDays(1));
        LatencyRecordingLauncher recording = new LatencyRecordingLauncher(simulated,
                id -> first.plusSeconds(indexOf(id.value()) / ratePerSecond), Clock.systemUTC());
        System.out.printf("  latency replicas=%d: %,d runs materialized in %d ms; first due at %s%n",
                replicas, n, took.toMillis(), first);
        try (PhoenixReplicas fleet = new PhoenixReplicas(db, replicas, poolSize, recording, settings).start()) {
            Completion.await(fleet::dispatched, n, 30_000);
            if (fleet.failedTicks() > 0) {
                throw new IllegalStateException("ours: " + fleet.failedTicks() + " processor ticks failed");
            }
        }
        ours.verify(n, simulated, tag);
        Histogram h = recording.micros();
        if (h.getTotalCount() != n) {
            throw new IllegalStateException("recorded " + h.getTotalCount() + " launches, expected " + n);
        }
        return new Result(replicas, h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    private static long indexOf(String runId) {
        return Long.parseLong(runId.substring(runId.lastIndexOf('-') + 1));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
