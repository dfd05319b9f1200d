package com.grepsr.scheduler.benchmarks.dispatch;

import java.time.Duration;

/**
 * Issue 15's burst: N runs due at the same instant, a launcher whose every call takes
 * {@link #LAUNCH_TIME} (like creating a Kubernetes Job), 2 replicas each: seconds until the last
 * one is launched and recorded, ours (the service's settings as they are) against db-scheduler doing
 * the same work with the threads an I/O-bound task gets ({@link #DBS_THREADS}). Shows whether
 * launches overlap or run one after another.
 */
final class BurstComparison {

    static final Duration LAUNCH_TIME = Duration.ofMillis(20);
    static final int REPLICAS = 2;
    /**
     * db-scheduler's documentation gives no rule for I/O-bound bodies beyond "threads, default 10";
     * its published high-throughput runs use 20, 50 and 100 threads per instance. 50 threads with
     * lock-and-fetch (0.5, 4.0) is the middle one of those; most of each execution is the launch
     * call, which holds no connection, so a pool of 20 per instance serves them.
     */
    static final DbSchedulerSide.Config DBS_CONFIG = new DbSchedulerSide.Config(50, 20, 0.5, 4.0);
    static final int DBS_THREADS = DBS_CONFIG.threads();

    /** Both sides' seconds for one burst. */
    record Result(int runs, Measurement ours, Measurement theirs) {
        double ratio() {
            return ours.seconds() / theirs.seconds();
        }
    }

    private final PhoenixSide ours;
    private final DbSchedulerSide theirs;

    BurstComparison(BenchDatabase db, PhoenixSide ours) {
        this.ours = ours.withLaunchTime(LAUNCH_TIME);
        this.theirs = new DbSchedulerSide(db, DbSchedulerSide.SAME_WORK_LABEL, DBS_CONFIG, new SameWork(LAUNCH_TIME));
    }

    Result run(int n) throws Exception {
        Measurement theirRun = theirs.run(n, REPLICAS, "burst");
        log(theirs.label(), theirRun);
        Measurement ourRun = ours.run(n, REPLICAS, "burst");
        log(ours.label(), ourRun);
        return new Result(n, ourRun, theirRun);
    }

    private static void log(String side, Measurement m) {
        System.out.printf("  burst %-12s replicas=%d: %,d runs in %.1f s (%,.0f/s)%n", side, REPLICAS, m.executions(),
                m.seconds(), m.perSecond());
    }
}
