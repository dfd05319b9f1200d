package com.grepsr.scheduler.benchmarks.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one API load run does, from {@code --key=value} arguments (run-api.sh passes them).
 *
 * @param target        the scheduler's gRPC address, {@code host:port}
 * @param token         an admin bearer token the server accepts
 * @param jdbcUrl       the server's PostgreSQL database, where the seeder writes tasks
 * @param dbUser        its user
 * @param threads       concurrent clients, each in a closed loop (one call at a time)
 * @param channels      HTTP/2 connections the clients share (round robin by thread)
 * @param slice         how long one method is measured in one round
 * @param rounds        rounds; each measures every method once, so a method gets rounds × slice
 * @param warmup        unmeasured load per method before the first round
 * @param accounts      accounts the seeded data spreads over
 * @param schedules     schedules created through the API before measuring
 * @param tasks         tasks written through the SQL store before measuring
 * @param activeShare   share of the seeded tasks still queued, launching or running
 * @param serverPid     the server's process id, to dump its flight recording; empty: no profile
 * @param jfr           where the recording is dumped
 * @param out           directory of api.md and api.json
 */
record ApiLoadSettings(String target, String token, String jdbcUrl, String dbUser, int threads, int channels,
                       Duration slice, int rounds, Duration warmup, int accounts, int schedules, int tasks,
                       double activeShare, Optional<Long> serverPid, Path jfr, Path out) {

    ApiLoadSettings {
        if (threads < 1 || channels < 1 || rounds < 1 || accounts < 1 || tasks < accounts) {
            throw new IllegalArgumentException("threads, channels, rounds, accounts must be positive and tasks >= accounts");
        }
        if (activeShare <= 0 || activeShare >= 1) {
            throw new IllegalArgumentException("active-share must be between 0 and 1, was " + activeShare);
        }
    }

    static ApiLoadSettings parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --key=value, not '" + arg + "'");
            }
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        ApiLoadSettings s = new ApiLoadSettings(
                required(a, "target"), required(a, "token"), required(a, "jdbc-url"),
                a.getOrDefault("db-user", "postgres"),
                Integer.parseInt(a.getOrDefault("threads", "32")),
                Integer.parseInt(a.getOrDefault("channels", "4")),
                Duration.ofMillis((long) (1000 * Double.parseDouble(a.getOrDefault("slice-seconds", "10")))),
                Integer.parseInt(a.getOrDefault("rounds", "3")),
                Duration.ofMillis((long) (1000 * Double.parseDouble(a.getOrDefault("warmup-seconds", "5")))),
                Integer.parseInt(a.getOrDefault("accounts", "40")),
                Integer.parseInt(a.getOrDefault("schedules", "1000")),
                Integer.parseInt(a.getOrDefault("tasks", "20000")),
                Double.parseDouble(a.getOrDefault("active-share", "0.25")),
                Optional.ofNullable(a.get("server-pid")).filter(p -> !p.isBlank()).map(Long::parseLong),
                Path.of(a.getOrDefault("jfr", "benchmarks/target/api.jfr")),
                Path.of(a.getOrDefault("out", "benchmarks/results")));
        a.keySet().removeAll(KNOWN);
        if (!a.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments: " + a.keySet());
        }
        return s;
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("target", "token", "jdbc-url", "db-user",
            "threads", "channels", "slice-seconds", "rounds", "warmup-seconds", "accounts", "schedules", "tasks",
            "active-share", "server-pid", "jfr", "out");

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + "=… is required");
        }
        return v;
    }
}
