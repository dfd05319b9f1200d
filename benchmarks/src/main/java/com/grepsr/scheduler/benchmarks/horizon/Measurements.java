package com.grepsr.scheduler.benchmarks.horizon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named series of repeated measurements; medians are what the results report. */
final class Measurements {

    private final Map<String, List<Double>> series = new LinkedHashMap<>();

    void add(String name, double value) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    List<Double> all(String name) {
        return series.getOrDefault(name, List.of());
    }

    double median(String name) {
        List<Double> sorted = new ArrayList<>(all(name));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Every value of a series, for the table's "runs" column. */
    String values(String name, String format) {
        List<String> out = new ArrayList<>();
        for (double v : all(name)) {
            out.add(String.format(format, v));
        }
        return String.join(", ", out);
    }
}
