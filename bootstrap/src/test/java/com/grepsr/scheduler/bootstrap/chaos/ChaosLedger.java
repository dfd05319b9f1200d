package com.grepsr.scheduler.bootstrap.chaos;

import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the store and the cluster hold at the end of a chaos run, checked against what the
 * schedules say must have happened: every expected occurrence is exactly one run, DISPATCHED with
 * exactly one task and one Job, or MISSED/SKIPPED with a cause its policies allow; every task
 * ended; the outbox holds each expected event exactly once. {@link #problems()} lists every
 * departure (empty = all good) and {@link #table()} the counts.
 */
final class ChaosLedger {

    private static final Set<String> FINAL_TASK_STATES = Set.of("SUCCEEDED", "FAILED", "STOPPED", "TIMED_OUT", "LOST");

    record Run(String id, String scheduleId, Instant fireAt, String status, String taskId, String missCause,
               Instant settledAt) {
    }

    record TaskRow(String id, String scheduledRunId, String status, String launchName) {
    }

    record Event(String type, String scheduleId, Map<String, String> details) {
    }

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private ChaosLedger() {
    }

    /** Reads the store and the cluster's Jobs and checks them against the created schedules. */
    static ChaosLedger check(Connection db, Collection<ChaosLoad.Created> schedules,
                             Map<String, MockCluster.SeenJob> jobs, Duration crawl) throws SQLException {
        ChaosLedger ledger = new ChaosLedger();
        List<Run> runs = runs(db);
        List<TaskRow> tasks = tasks(db);
        ledger.verify(schedules, runs, tasks, events(db), jobs.values());
        ledger.verifyNoOverlap(schedules, runs, tasks, jobs.values(), crawl);
        return ledger;
    }

    /**
     * A schedule whose overlap policy is SKIP or QUEUE_ONE never has two crawlers at once: each
     * Job of it appears after the previous one's crawl ended (the cluster ends a Job {@code crawl}
     * after it first saw it). Pairs with a task that did not succeed (stopped, lost) are left out:
     * those end on the scheduler's word, not the cluster's.
     */
    private void verifyNoOverlap(Collection<ChaosLoad.Created> schedules, List<Run> runs, List<TaskRow> tasks,
                                 Collection<MockCluster.SeenJob> jobs, Duration crawl) {
        Map<String, String> taskStatus = tasks.stream().collect(Collectors.toMap(TaskRow::id, TaskRow::status));
        Map<String, String> runSchedules = runs.stream().collect(Collectors.toMap(Run::id, Run::scheduleId));
        Map<String, ChaosLoad.Created> byId = schedules.stream()
                .collect(Collectors.toMap(ChaosLoad.Created::id, Function.identity()));
        Map<String, List<MockCluster.SeenJob>> jobsBySchedule = new HashMap<>();
        for (MockCluster.SeenJob job : jobs) {
            String schedule = job.scheduledRunId() == null ? null : runSchedules.get(job.scheduledRunId());
            ChaosLoad.Created s = schedule == null ? null : byId.get(schedule);
            if (s != null && (s.plan().overlap() == OverlapPolicy.SKIP || s.plan().overlap() == OverlapPolicy.QUEUE_ONE)) {
                jobsBySchedule.computeIfAbsent(schedule, k -> new ArrayList<>()).add(job);
            }
        }
        Duration tolerance = Duration.ofMillis(100);
        jobsBySchedule.forEach((schedule, list) -> {
            list.sort(Comparator.comparing(MockCluster.SeenJob::firstSeen));
            for (int i = 1; i < list.size(); i++) {
                MockCluster.SeenJob previous = list.get(i - 1);
                MockCluster.SeenJob next = list.get(i);
                if (!"SUCCEEDED".equals(taskStatus.get(previous.taskId()))
                        || !"SUCCEEDED".equals(taskStatus.get(next.taskId()))) {
                    continue;
                }
                add("SKIP/QUEUE_ONE Job pairs checked for overlap");
                if (next.firstSeen().isBefore(previous.firstSeen().plus(crawl).minus(tolerance))) {
                    add("OVERLAPPING Jobs of SKIP/QUEUE_ONE schedules");
                    problem("schedule %s (%s) started Job %s at %s while Job %s (from %s) still ran", schedule,
                            byId.get(schedule).plan().overlap(), next.name(), next.firstSeen(), previous.name(),
                            previous.firstSeen());
                }
            }
        });
    }

    /** Runs whose fire time has come but which no processor settled yet (the test waits for 0). */
    static int unsettledDueRuns(Connection db, Instant now) throws SQLException {
        return (int) runs(db).stream().filter(r -> r.status().equals("PENDING") && !r.fireAt().isAfter(now)).count();
    }

    /** Tasks not in a final state yet (the test waits for 0). */
    static int activeTasks(Connection db) throws SQLException {
        return (int) tasks(db).stream().filter(t -> !FINAL_TASK_STATES.contains(t.status())).count();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    String table() {
        StringBuilder b = new StringBuilder("chaos counts:\n");
        counts.forEach((k, v) -> b.append(String.format("  %-40s %8d%n", k, v)));
        return b.toString();
    }

    private void verify(Collection<ChaosLoad.Created> schedules, List<Run> runs, List<TaskRow> tasks,
                        List<Event> events, Collection<MockCluster.SeenJob> jobs) {
        Map<String, List<Run>> runsBySchedule = runs.stream().collect(Collectors.groupingBy(Run::scheduleId));
        Map<String, List<TaskRow>> tasksByRun = tasks.stream().filter(t -> t.scheduledRunId() != null)
                .collect(Collectors.groupingBy(TaskRow::scheduledRunId));
        Map<String, List<MockCluster.SeenJob>> jobsByRun = jobs.stream().filter(j -> j.scheduledRunId() != null)
                .collect(Collectors.groupingBy(MockCluster.SeenJob::scheduledRunId));
        Map<String, List<Event>> missedEventsByRun = events.stream()
                .filter(e -> e.type().equals("ScheduledRunMissedEvent"))
                .collect(Collectors.groupingBy(e -> e.details().getOrDefault("scheduled_run_id", "?")));
        Map<String, Long> createdEvents = events.stream().filter(e -> e.type().equals("ReportScheduleCreatedEvent"))
                .collect(Collectors.groupingBy(Event::scheduleId, Collectors.counting()));

        counts.put("schedules", schedules.size());
        counts.put("jobs in the cluster (ever)", jobs.size());
        counts.put("tasks", tasks.size());
        tasks.forEach(t -> add("tasks " + t.status()));
        events.forEach(e -> add("outbox " + e.type()));
        for (ChaosLoad.Created s : schedules) {
            List<Instant> expected = s.expectedOccurrences();
            add("occurrences expected", expected.size());
            Map<Instant, Run> byFire = (runsBySchedule.getOrDefault(s.id(), List.of())).stream()
                    .collect(Collectors.toMap(Run::fireAt, Function.identity()));
            Set<Instant> extra = new HashSet<>(byFire.keySet());
            expected.forEach(extra::remove);
            extra.forEach(at -> problem("schedule %s has a run at %s that its cron does not yield", s.id(), at));
            if (createdEvents.getOrDefault(s.id(), 0L) != 1) {
                problem("schedule %s has %d created events, expected 1", s.id(), createdEvents.getOrDefault(s.id(), 0L));
            }
            for (Instant at : expected) {
                Run run = byFire.get(at);
                if (run == null) {
                    add("LOST occurrences (no run)");
                    problem("schedule %s: occurrence %s has no run (lost)", s.id(), at);
                    continue;
                }
                checkRun(s, run, tasksByRun.getOrDefault(run.id(), List.of()),
                        jobsByRun.getOrDefault(run.id(), List.of()), missedEventsByRun.getOrDefault(run.id(), List.of()));
            }
        }
        tasks.stream().filter(t -> !FINAL_TASK_STATES.contains(t.status()))
                .forEach(t -> problem("task %s is still %s", t.id(), t.status()));
        long strayMissedEvents = missedEventsByRun.keySet().stream()
                .filter(id -> runs.stream().noneMatch(r -> r.id().equals(id) && !r.status().equals("DISPATCHED"))).count();
        if (strayMissedEvents > 0) {
            problem("%d missed events name a run that was not missed or skipped", strayMissedEvents);
        }
    }

    private static boolean replacedBeforeLaunch(ChaosLoad.Created s, List<TaskRow> tasks) {
        return s.plan().overlap() == OverlapPolicy.REPLACE && tasks.size() == 1
                && tasks.get(0).status().equals("STOPPED") && tasks.get(0).launchName() == null;
    }

    private void checkRun(ChaosLoad.Created s, Run run, List<TaskRow> tasks, List<MockCluster.SeenJob> jobs,
                          List<Event> missedEvents) {
        add("runs " + run.status() + (run.missCause() == null ? "" : " (" + run.missCause() + ")"));
        switch (run.status()) {
            case "DISPATCHED" -> {
                if (tasks.size() != 1 || !tasks.get(0).id().equals(run.taskId())) {
                    add("DUPLICATE or missing tasks");
                    problem("run %s (%s at %s) has tasks %s, expected only %s", run.id(), s.id(), run.fireAt(),
                            tasks, run.taskId());
                }
                if (jobs.isEmpty() && replacedBeforeLaunch(s, tasks)) {
                    // its launch was deferred (the API server was busy) and the schedule's next
                    // run replaced the still-QUEUED task (overlap REPLACE): no crawler ever ran
                    add("runs DISPATCHED, replaced before launch (no Job)");
                } else if (jobs.size() != 1) {
                    add(jobs.isEmpty() ? "LOST dispatched runs (no Job)" : "DUPLICATE Jobs");
                    problem("run %s (%s at %s) has %d Jobs: %s", run.id(), s.id(), run.fireAt(), jobs.size(), jobs);
                } else if (!run.taskId().equals(jobs.get(0).taskId())) {
                    problem("run %s's Job %s belongs to task %s, not %s", run.id(), jobs.get(0).name(),
                            jobs.get(0).taskId(), run.taskId());
                }
                if (!missedEvents.isEmpty()) {
                    problem("dispatched run %s has %d missed events", run.id(), missedEvents.size());
                }
            }
            case "MISSED", "SKIPPED" -> {
                if (!tasks.isEmpty() || !jobs.isEmpty()) {
                    problem("%s run %s has %d tasks and %d Jobs", run.status(), run.id(), tasks.size(), jobs.size());
                }
                String why = causeAllowed(s.plan(), run);
                if (why != null) {
                    problem("run %s of %s (%s, %s) was %s with cause %s: %s", run.id(), s.id(), s.plan().misfire(),
                            s.plan().overlap(), run.status(), run.missCause(), why);
                }
                if (missedEvents.size() != 1) {
                    add(missedEvents.isEmpty() ? "LOST outbox events" : "DUPLICATE outbox events");
                    problem("%s run %s has %d missed events in the outbox, expected 1", run.status(), run.id(),
                            missedEvents.size());
                }
            }
            default -> {
                add("UNSETTLED runs");
                problem("run %s (%s at %s) is still %s", run.id(), s.id(), run.fireAt(), run.status());
            }
        }
    }

    /** Null when the schedule's policies allow this run's cause, else why not. */
    private static String causeAllowed(ChaosLoad.Planned plan, Run run) {
        if (run.missCause() == null) {
            return "no cause";
        }
        Duration lateness = Duration.between(run.fireAt(), run.settledAt());
        return switch (run.missCause()) {
            case "OVERLAP" -> plan.overlap() == OverlapPolicy.SKIP || plan.overlap() == OverlapPolicy.QUEUE_ONE
                    ? null : "overlap policy " + plan.overlap() + " never skips";
            case "SCHEDULER_DOWN" -> lateness.compareTo(MisfirePolicy.GRACE) <= 0
                    ? "only " + lateness + " late, within the grace"
                    : plan.misfire().kind() == MisfirePolicy.Kind.FIRE_ALL_WITHIN
                    && lateness.compareTo(plan.misfire().catchUpWindow()) <= 0 ? "within the catch-up window" : null;
            default -> "no schedule was paused, deleted or refused, and no run is days late";
        };
    }

    private void add(String key) {
        add(key, 1);
    }

    private void add(String key, int n) {
        counts.merge(key, n, Integer::sum);
    }

    private void problem(String format, Object... args) {
        if (problems.size() < 50) {
            problems.add(String.format(format, args));
        }
        add("problems");
    }

    private static List<Run> runs(Connection db) throws SQLException {
        List<Run> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, schedule_id, fire_at, status, task_id, miss_cause, settled_at FROM vt_scheduled_runs")) {
            while (rs.next()) {
                out.add(new Run(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), instant(rs, 7)));
            }
        }
        return out;
    }

    private static List<TaskRow> tasks(Connection db) throws SQLException {
        List<TaskRow> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, scheduled_run_id, status, launch_name FROM tasks")) {
            while (rs.next()) {
                out.add(new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    private static List<Event> events(Connection db) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_type, schedule_id, details FROM activity_outbox")) {
            while (rs.next()) {
                out.add(new Event(rs.getString(1), rs.getString(2), formDecode(rs.getString(3))));
            }
        }
        return out;
    }

    /** The outbox's details column: form-urlencoded {@code key=value&…}. */
    private static Map<String, String> formDecode(String form) {
        Map<String, String> out = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
