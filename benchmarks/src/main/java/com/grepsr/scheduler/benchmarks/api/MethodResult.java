package com.grepsr.scheduler.benchmarks.api;

import org.HdrHistogram.Histogram;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * One method's slices taken together: the median of the rounds (the convention of every
 * benchmark part) for requests/s and latency, the spread of the rounds, and the errors of all.
 */
record MethodResult(Workload workload, List<ClosedLoop.Slice> slices) {

    double rps() {
        return median(ClosedLoop.Slice::requestsPerSecond);
    }

    double p50Millis() {
        return median(s -> s.micros().getValueAtPercentile(50) / 1000.0);
    }

    double p99Millis() {
        return median(s -> s.micros().getValueAtPercentile(99) / 1000.0);
    }

    /** p99.9 over every round's calls together: one round has too few slow calls to say it alone. */
    double p999MillisAllRounds() {
        Histogram all = new Histogram(3);
        slices.forEach(s -> all.add(s.micros()));
        return all.getValueAtPercentile(99.9) / 1000.0;
    }

    double minRps() {
        return slices.stream().mapToDouble(ClosedLoop.Slice::requestsPerSecond).min().orElse(Double.NaN);
    }

    double maxRps() {
        return slices.stream().mapToDouble(ClosedLoop.Slice::requestsPerSecond).max().orElse(Double.NaN);
    }

    long calls() {
        return slices.stream().mapToLong(ClosedLoop.Slice::calls).sum();
    }

    double seconds() {
        return slices.stream().mapToDouble(ClosedLoop.Slice::seconds).sum();
    }

    Map<String, Long> errors() {
        Map<String, Long> all = new TreeMap<>();
        slices.forEach(s -> s.errors().forEach((k, v) -> all.merge(k, v, Long::sum)));
        return all;
    }

    long errorCount() {
        return errors().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful calls of all rounds. */
    long okCalls() {
        return calls() - errorCount();
    }

    private double median(ToDoubleFunction<ClosedLoop.Slice> f) {
        double[] v = slices.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static Comparator<MethodResult> inOrder(List<Workload> order) {
        return Comparator.comparingInt(r -> order.indexOf(r.workload()));
    }
}
