package com.grepsr.scheduler.benchmarks.api;

import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Issue 9, part 4: API throughput. Seeds a running scheduler (schedules through its API, tasks
 * through its SQL store), then puts {@code --threads} concurrent clients on Schedule,
 * GetTaskStatus and GetActiveTasksV2 (pages of 50, one account's and an admin's over all
 * accounts), one method at a time, interleaved round by round; reads the server's flight
 * recording to say where its time went; writes api.md and api.json. benchmarks/run-api.sh starts
 * the server and runs this; see {@link ApiLoadSettings} for the arguments.
 */
public final class ApiLoad {

    private static final Duration CALL_DEADLINE = Duration.ofSeconds(30);

    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        ApiLoadSettings s = ApiLoadSettings.parse(args);
        List<SchedulerClient> clients = new ArrayList<>();
        for (int i = 0; i < s.channels(); i++) {
            // a generous deadline: a slow call is measured, not cut short (none took 10 s on an idle machine)
            clients.add(SchedulerClient.connect(new ClientSettings(s.target(), Optional.of(s.token()), Optional.empty(),
                    CALL_DEADLINE)));
        }
        try {
            run(s, clients);
        } finally {
            clients.forEach(SchedulerClient::close);
        }
    }

    private static void run(ApiLoadSettings s, List<SchedulerClient> clients) throws Exception {
        Instant now = Instant.now();
        Fleet fleet = new Fleet(s.accounts(), 50);
        ScheduleRequests scheduleRequests = new ScheduleRequests(fleet, LocalDate.ofInstant(now, ZoneOffset.UTC));
        long t0 = System.nanoTime();
        List<String> scheduleIds = seedSchedules(s, clients, scheduleRequests);
        log("seeded " + scheduleIds.size() + " schedules in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)
                + " ms");
        List<String> taskIds = TaskSeeder.seed(s, fleet, scheduleIds, now);
        String seeded = String.format("%,d schedules (through the API) and %,d tasks (through the SQL store, %.0f%% "
                        + "queued/launching/running) over %d accounts × 50 reports",
                scheduleIds.size(), taskIds.size(), 100 * s.activeShare(), s.accounts());
        log("seeded " + seeded + " in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) + " s");

        List<Workload> workloads = List.of(Workload.schedule(scheduleRequests), Workload.taskStatus(taskIds),
                Workload.activeTasks(fleet, true), Workload.activeTasks(fleet, false));
        ClosedLoop loop = new ClosedLoop(clients, s.threads());
        for (Workload w : workloads) {
            ClosedLoop.Slice warm = loop.run(w, 0, s.warmup());
            log("warm-up " + w.key() + ": " + Math.round(warm.requestsPerSecond()) + " requests/s, errors " + warm.errors());
        }
        List<ClosedLoop.Slice> slices = new ArrayList<>();
        for (int round = 1; round <= s.rounds(); round++) {
            List<Workload> order = new ArrayList<>(workloads);
            Collections.rotate(order, -(round - 1)); // each method goes first once: drift spreads evenly
            for (Workload w : order) {
                ClosedLoop.Slice slice = loop.run(w, round, s.slice());
                slices.add(slice);
                log(String.format("round %d %-24s %8.0f requests/s  p99 %7.2f ms  errors %s", round, w.key(),
                        slice.requestsPerSecond(), slice.micros().getValueAtPercentile(99) / 1000.0, slice.errors()));
            }
        }
        List<MethodResult> results = workloads.stream()
                .map(w -> new MethodResult(w, slices.stream().filter(x -> x.key().equals(w.key())).toList())).toList();
        Map<String, ServerProfile.Part> profile = Map.of();
        if (s.serverPid().isPresent()) {
            long r0 = System.nanoTime();
            dumpRecording(s);
            profile = ServerProfile.read(s.jfr(), slices, databasePort(s.jdbcUrl()));
            log("read the server's recording in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r0) + " ms");
        }
        ApiReport.write(s, seeded, results, profile, Runtime.getRuntime().availableProcessors());
        log("wrote " + s.out().resolve("api.md") + " and api.json");
        long errors = results.stream().mapToLong(MethodResult::errorCount).sum();
        if (errors > 0) {
            log("WARNING: " + errors + " calls failed or answered wrongly; the tables say which");
        }
    }

    /** Creates the schedules on 8 threads; returns their ids. */
    private static List<String> seedSchedules(ApiLoadSettings s, List<SchedulerClient> clients,
                                              ScheduleRequests requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                int count = s.schedules() / 8 + (t < s.schedules() % 8 ? 1 : 0);
                parts.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(1000 + thread);
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        ScheduleRequest request = requests.next(random);
                        ids.add(withRetries(() -> clients.get(thread % clients.size()).blocking().schedule(request))
                                .getSchedule().getScheduleId());
                    }
                    return ids;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Seeding only: a call that fails for want of time or connection is tried again (an extra
     * schedule is harmless), so a slow start of a busy machine does not end the run.
     */
    private static <T> T withRetries(java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                if (attempt == 5 || code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.UNAVAILABLE) {
                    throw e;
                }
                log("seeding call failed (" + code + "), trying again");
            }
        }
    }

    /** Asks the server's JVM to write its recording so far (the recording run-api.sh started, named "api"). */
    private static void dumpRecording(ApiLoadSettings s) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", s.serverPid().get().toString(), "JFR.dump", "name=api",
                "filename=" + s.jfr().toAbsolutePath()).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd JFR.dump failed: " + out);
        }
    }

    private static int databasePort(String jdbcUrl) {
        int port = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    private static void log(String line) {
        System.err.println("[api] " + line);
    }
}
