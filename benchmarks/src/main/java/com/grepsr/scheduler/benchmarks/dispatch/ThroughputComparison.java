package com.grepsr.scheduler.benchmarks.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 9 part 1 and issue 15's peers: executions/s of each side for each replica count, measured
 * in the same run and interleaved (each repetition starts with the next side, so a drifting machine
 * hurts all alike). Every measurement is verified by its side before it counts.
 */
final class ThroughputComparison {

    /** Every measurement of one replica count, by side. */
    record Row(int replicas, Map<String, List<Measurement>> bySide) {

        List<Double> rates(String side) {
            return measurements(side).stream().map(Measurement::perSecond).toList();
        }

        double median(String side) {
            return Stats.median(rates(side));
        }

        /** Median rate of {@code side} ÷ median rate of {@code other}. */
        double ratio(String side, String other) {
            return median(side) / median(other);
        }

        double writesPerExecution(String side) {
            return Stats.median(measurements(side).stream().map(Measurement::writesPerExecution).toList());
        }

        /** The measurement with the median rate (its rows written per table are the ones shown). */
        Measurement typical(String side) {
            List<Measurement> sorted = new ArrayList<>(measurements(side));
            sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
            return sorted.get(sorted.size() / 2);
        }

        private List<Measurement> measurements(String side) {
            List<Measurement> found = bySide.get(side);
            if (found == null || found.isEmpty()) {
                throw new IllegalArgumentException("no measurement of " + side + " at " + replicas + " replicas");
            }
            return found;
        }
    }

    private final List<Side> sides;

    ThroughputComparison(List<Side> sides) {
        this.sides = List.copyOf(sides);
    }

    /** Executions of the untimed warm-up run of each side (JIT, pools, plans), before any measurement. */
    static final int WARM_UP = 3_000;

    List<Row> run(int n, List<Integer> replicaCounts, int repetitions) throws Exception {
        // the first measurement in a fresh JVM would otherwise pay for compiling each side's code
        List<String> warm = new ArrayList<>();
        for (Side side : sides) {
            warm.add(String.format("%s %,.0f/s", side.label(), side.run(Math.min(n, WARM_UP), 2, "warm").perSecond()));
        }
        System.out.println("  warm-up: " + String.join(", ", warm) + " (not counted)");
        Map<Integer, Row> rows = new LinkedHashMap<>();
        for (int replicas : replicaCounts) {
            Map<String, List<Measurement>> bySide = new LinkedHashMap<>();
            sides.forEach(s -> bySide.put(s.label(), new ArrayList<>()));
            rows.put(replicas, new Row(replicas, bySide));
        }
        for (int rep = 0; rep < repetitions; rep++) {
            for (int replicas : replicaCounts) {
                for (int i = 0; i < sides.size(); i++) {
                    Side side = sides.get((rep + i) % sides.size());
                    Measurement m = side.run(n, replicas, "t" + rep + "x" + replicas);
                    rows.get(replicas).bySide().get(side.label()).add(m);
                    System.out.printf("  throughput %-12s replicas=%d rep=%d: %,.0f executions/s, %.2f rows written each%n",
                            side.label(), replicas, rep + 1, m.perSecond(), m.writesPerExecution());
                }
            }
        }
        return new ArrayList<>(rows.values());
    }
}
