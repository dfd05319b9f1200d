package com.grepsr.scheduler.benchmarks.api;

import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the task table a running platform has: mostly finished tasks of the last two weeks and
 * a share still active from the last hours, over every account, through the SQL adapter's own
 * store (as the service writes them, moved through the lifecycle by the domain). Going through
 * the API would need one call per transition of 20,000 tasks; the store writes them in batches
 * of one transaction each.
 */
final class TaskSeeder {

    private static final int BATCH = 500;
    private static final int WRITERS = 4;

    private TaskSeeder() {
    }

    /** Seeds {@code count} tasks; returns their ids (the GetTaskStatus load asks for them). */
    static List<String> seed(ApiLoadSettings settings, Fleet fleet, List<String> scheduleIds, Instant now)
            throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        List<Birth> births = new ArrayList<>(settings.tasks());
        for (int i = 0; i < settings.tasks(); i++) {
            boolean active = random.nextDouble() < settings.activeShare();
            // active ones started in the last 6 hours, finished ones in the last 14 days
            births.add(new Birth(now.minusSeconds(random.nextLong(active ? 6 * 3600 : 14 * 86_400)), active));
        }
        // ids are time-ordered like the service's (keyset pages follow creation): the id clock
        // only moves forward, so hand out ids in creation order
        births.sort(java.util.Comparator.comparing(Birth::created));
        SettableClock idClock = new SettableClock(now); // set to each task's creation: ids sort like creation
        TimeOrderedIds ids = new TimeOrderedIds(idClock);
        List<Task> all = new ArrayList<>(settings.tasks());
        for (Birth b : births) {
            idClock.set(b.created());
            all.add(task(TaskId.of(ids.newId()), fleet.randomReport(random), scheduleIds, b.created(), b.active(),
                    random));
        }
        List<String> taskIds = all.stream().map(t -> t.id().value()).toList();
        try (SqlAdapters sql = SqlAdapters.fromJdbcUrl(settings.jdbcUrl(), settings.dbUser(), null, WRITERS,
                Clock.systemUTC())) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int from = 0; from < all.size(); from += BATCH) {
                    List<Task> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                    done.add(writers.submit(() -> sql.transactions().run(() -> batch.forEach(sql.tasks()::insert))));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                writers.shutdownNow();
            }
            // planner statistics as a live database has them (autovacuum would analyze later,
            // maybe in the middle of the measurement)
            try (var c = sql.dataSource().getConnection(); var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
        return taskIds;
    }

    private record Birth(Instant created, boolean active) {
    }

    private static Task task(TaskId id, ReportRef report, List<String> scheduleIds, Instant created, boolean active,
                             SplittableRandom random) {
        Parameters parameters = Parameters.of(Map.of("category", "c" + random.nextInt(20)));
        TaskOrigin origin = random.nextInt(10) < 7 && !scheduleIds.isEmpty()
                ? TaskOrigin.scheduled(report, ScheduleId.of(scheduleIds.get(random.nextInt(scheduleIds.size()))),
                ScheduledRunId.of("run-" + id.value()), parameters, null)
                : TaskOrigin.manual(report, null, parameters, null);
        Task t = Task.queue(id, origin, created);
        int stage = random.nextInt(10);
        if (active && stage == 0) {
            return t; // queued
        }
        t = t.launching("phoenix-" + id.value(), created.plusSeconds(1));
        if (active && stage == 1) {
            return t; // launching
        }
        Instant started = created.plusSeconds(5 + random.nextInt(30));
        t = t.moveTo(TaskStatus.RUNNING, random.nextInt(100), "crawling", started);
        if (active) {
            return t;
        }
        Instant finished = started.plus(Duration.ofMinutes(1 + random.nextInt(90)));
        return switch (stage) {
            case 0 -> t.moveTo(TaskStatus.FAILED, null, "crawler exited with code 1", finished);
            case 1 -> t.moveTo(TaskStatus.STOPPED, null, "stopped by user", finished);
            default -> t.moveTo(TaskStatus.SUCCEEDED, 100, "done", finished);
        };
    }
}
