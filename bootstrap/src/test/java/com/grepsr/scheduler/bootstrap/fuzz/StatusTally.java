package com.grepsr.scheduler.bootstrap.fuzz;

import io.grpc.Status;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** How many answers had each status code, overall and per method: printed so a run shows what it reached. */
final class StatusTally {

    private final Map<Status.Code, Long> byCode = new EnumMap<>(Status.Code.class);
    private final Map<String, Map<Status.Code, Long>> byMethod = new TreeMap<>();

    synchronized void count(String method, Status.Code code) {
        byCode.merge(code, 1L, Long::sum);
        byMethod.computeIfAbsent(shortName(method), m -> new EnumMap<>(Status.Code.class)).merge(code, 1L, Long::sum);
    }

    synchronized long total() {
        return byCode.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized long of(Status.Code code) {
        return byCode.getOrDefault(code, 0L);
    }

    /** Methods that answered {@code code} at least once. */
    synchronized long methodsAnswering(Status.Code code) {
        return byMethod.values().stream().filter(m -> m.containsKey(code)).count();
    }

    synchronized int methods() {
        return byMethod.size();
    }

    synchronized String report(String title) {
        StringBuilder out = new StringBuilder(title).append(": ").append(total()).append(" calls\n");
        byCode.forEach((code, n) -> out.append(String.format("  %-20s %6d%n", code, n)));
        byMethod.forEach((method, codes) -> out.append(String.format("  %-30s %s%n", method, codes)));
        return out.toString();
    }

    private static String shortName(String fullMethodName) {
        return fullMethodName.substring(fullMethodName.lastIndexOf('/') + 1);
    }
}
