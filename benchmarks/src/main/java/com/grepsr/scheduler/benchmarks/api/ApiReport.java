package com.grepsr.scheduler.benchmarks.api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes api.md (tables with the parameters used) and api.json (a flat object of numbers) from
 * the measured methods and, when recorded, the server's profile.
 */
final class ApiReport {

    private ApiReport() {
    }

    static void write(ApiLoadSettings s, String seeded, List<MethodResult> results, Map<String, ServerProfile.Part> profile,
                      int serverCpus) throws IOException {
        Files.createDirectories(s.out());
        StringBuilder md = new StringBuilder();
        md.append("# API throughput (issue 9, part 4)\n\n");
        md.append(String.format(Locale.ROOT, "%d concurrent gRPC clients (blocking stubs in a closed loop over %d "
                + "HTTP/2 connections, admin bearer token) against the service jar (role `api`, PostgreSQL) on "
                + "127.0.0.1. Each method: %d rounds × %.0f s = %.0f s, methods interleaved round by round (the order "
                + "rotates), after %.0f s of unmeasured warm-up each. Figures are medians of the rounds; a call "
                + "whose answer is wrong counts as an error. Seeded first: %s.%n%n",
                s.threads(), s.channels(), s.rounds(), s.slice().toMillis() / 1000.0,
                s.rounds() * s.slice().toMillis() / 1000.0, s.warmup().toMillis() / 1000.0, seeded));
        md.append("| method | requests/s | p50 ms | p99 ms | p99.9 ms (all rounds) | errors | calls | "
                + "requests/s per round |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (MethodResult r : results) {
            String rounds = r.slices().stream().map(x -> fmt(x.requestsPerSecond(), 0)).collect(Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %s |%n", r.workload().name(),
                    fmt(r.rps(), 0), fmt(r.p50Millis(), 2), fmt(r.p99Millis(), 2), fmt(r.p999MillisAllRounds(), 2),
                    errors(r), r.calls(), rounds));
        }
        if (!profile.isEmpty()) {
            appendProfile(md, results, profile, serverCpus);
        }
        Files.writeString(s.out().resolve("api.md"), md.toString());
        Files.writeString(s.out().resolve("api.json"), json(s, results, profile, serverCpus));
    }

    private static void appendProfile(StringBuilder md, List<MethodResult> results, Map<String, ServerProfile.Part> profile,
                                      int cpus) {
        md.append("\n## Where the server's time goes\n\n");
        md.append("From the server's flight recording (JFR `settings=profile`, plus every socket read from PostgreSQL "
                + "with no threshold), each event charged to the method measured when it happened. "
                + "*DB reads* are JDBC round trips (reads of the database socket); *DB wait* is the time server "
                + "threads spent blocked in them; *server CPU* is the JVM's share of the machine (" + cpus
                + " CPUs; client and PostgreSQL run on the same machine), also per call.\n\n");
        md.append("| method | DB reads/call | DB wait ms/call | server CPU | machine CPU | server CPU ms/call | "
                + "allocated KB/call | CPU samples |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (MethodResult r : results) {
            ServerProfile.Part p = profile.get(r.workload().key());
            double calls = r.okCalls();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d |%n", r.workload().name(),
                    fmt(p.dbReads / calls, 2), fmt(p.dbReadNanos / 1e6 / calls, 3), pct(p.serverCpu()),
                    pct(p.machineCpu()), fmt(cpuMillisPerCall(p, r, cpus), 3), fmt(p.allocatedBytes / 1024.0 / calls, 1),
                    p.samples));
        }
        md.append("\nCPU samples by layer (a sample belongs to the first non-JDK frame from the top of its stack), "
                + "% of the method's samples:\n\n| layer |");
        results.forEach(r -> md.append(' ').append(r.workload().key()).append(" |"));
        md.append("\n| --- |").append(" ---: |".repeat(results.size())).append('\n');
        for (Layer l : Layer.values()) {
            StringBuilder row = new StringBuilder("| " + l.label() + " |");
            boolean any = false;
            for (MethodResult r : results) {
                ServerProfile.Part p = profile.get(r.workload().key());
                long n = p.layers.getOrDefault(l, 0L);
                any |= n > 0;
                row.append(' ').append(p.samples == 0 ? "—" : fmt(100.0 * n / p.samples, 1)).append(" |");
            }
            if (any) {
                md.append(row).append('\n');
            }
        }
        for (MethodResult r : results) {
            ServerProfile.Part p = profile.get(r.workload().key());
            md.append("\nTop frames, ").append(r.workload().name()).append(": ");
            md.append(top(p.topFrames, 8, p.samples));
            md.append("  \nAllocation by first non-JDK frame: ").append(top(p.allocationSites, 5, p.allocatedBytes));
            if (!p.longWaits.isEmpty()) {
                md.append("  \nWaits of 10 ms or more (parks, monitors), by who waited: ")
                        .append(top(p.longWaits, 4, -1));
            }
            md.append('\n');
        }
    }

    private static double cpuMillisPerCall(ServerProfile.Part p, MethodResult r, int cpus) {
        return p.serverCpu() * cpus * r.seconds() * 1000 / r.okCalls();
    }

    private static String top(Map<String, Long> counts, int n, long total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n).map(e -> "`" + e.getKey() + "` " + (total > 0 ? pct((double) e.getValue() / total)
                        : e.getValue().toString())).collect(Collectors.joining(", "));
    }

    private static String json(ApiLoadSettings s, List<MethodResult> results, Map<String, ServerProfile.Part> profile,
                               int cpus) {
        Map<String, Number> j = new LinkedHashMap<>();
        for (MethodResult r : results) {
            String k = "api_" + r.workload().key();
            j.put(k + "_rps", round(r.rps(), 1));
            j.put(k + "_p50_ms", round(r.p50Millis(), 3));
            j.put(k + "_p99_ms", round(r.p99Millis(), 3));
            j.put(k + "_errors", r.errorCount());
            ServerProfile.Part p = profile.get(r.workload().key());
            if (p != null && r.okCalls() > 0) {
                j.put(k + "_db_reads_per_call", round(p.dbReads / (double) r.okCalls(), 2));
                j.put(k + "_db_wait_ms_per_call", round(p.dbReadNanos / 1e6 / r.okCalls(), 3));
                j.put(k + "_server_cpu_ms_per_call", round(cpuMillisPerCall(p, r, cpus), 3));
            }
        }
        j.put("api_clients", s.threads());
        j.put("api_seconds_per_method", s.rounds() * s.slice().toMillis() / 1000.0);
        j.put("api_rounds", s.rounds());
        j.put("api_seeded_tasks", s.tasks());
        j.put("api_seeded_schedules", s.schedules());
        return j.entrySet().stream().map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
    }

    private static String errors(MethodResult r) {
        if (r.errorCount() == 0) {
            return "0";
        }
        return r.errorCount() + " (" + r.errors().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static Number round(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return -1; // JSON has no NaN; -1 never is a real count, rate or latency
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private static String fmt(double v, int places) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,." + places + "f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
