package com.grepsr.scheduler.benchmarks.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 9 part 1: executions/s of ours and db-scheduler's for each replica count, measured in the
 * same run and interleaved (each repetition alternates which side goes first, so a drifting
 * machine hurts both alike). Every measurement is verified before it counts.
 */
final class ThroughputComparison {

    /** The medians of one replica count, with every repetition's rate. */
    record Row(int replicas, List<Double> ours, List<Double> theirs) {
        double oursMedian() { return Stats.median(ours); }
        double theirsMedian() { return Stats.median(theirs); }
        double ratio() { return oursMedian() / theirsMedian(); }
    }

    private final PhoenixSide ours;
    private final DbSchedulerSide theirs;

    ThroughputComparison(PhoenixSide ours, DbSchedulerSide theirs) {
        this.ours = ours;
        this.theirs = theirs;
    }

    /** Executions of the untimed warm-up run of each side (JIT, pools, plans), before any measurement. */
    static final int WARM_UP = 3_000;

    List<Row> run(int n, List<Integer> replicaCounts, int repetitions) throws Exception {
        // the first measurement in a fresh JVM would otherwise pay for compiling each side's code
        System.out.printf("  warm-up: ours %,.0f/s, db-scheduler %,.0f/s (not counted)%n",
                ours.run(Math.min(n, WARM_UP), 2, "warm").perSecond(), theirs.run(Math.min(n, WARM_UP), 2).perSecond());
        Map<Integer, Row> rows = new LinkedHashMap<>();
        replicaCounts.forEach(r -> rows.put(r, new Row(r, new ArrayList<>(), new ArrayList<>())));
        for (int rep = 0; rep < repetitions; rep++) {
            for (int replicas : replicaCounts) {
                Row row = rows.get(replicas);
                boolean oursFirst = rep % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    if ((side == 0) == oursFirst) {
                        double rate = ours.run(n, replicas, "t" + rep + "x" + replicas).perSecond();
                        row.ours().add(rate);
                        log("ours", replicas, rep, rate);
                    } else {
                        double rate = theirs.run(n, replicas).perSecond();
                        row.theirs().add(rate);
                        log("db-scheduler", replicas, rep, rate);
                    }
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static void log(String side, int replicas, int rep, double rate) {
        System.out.printf("  throughput %-12s replicas=%d rep=%d: %,.0f executions/s%n", side, replicas, rep + 1, rate);
    }
}
