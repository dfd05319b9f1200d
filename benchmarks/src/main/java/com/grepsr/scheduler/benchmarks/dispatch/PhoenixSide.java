package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.adapters.sql.SqlAdapters;
import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Our side: runs materialized through the store ports, one per schedule (overlap and
 * misfire policies at their defaults), fired by {@link PhoenixReplicas} through the real path of a
 * dispatch: the due runs locked, the launch calls at once, then in the same transaction the tasks
 * (already LAUNCHING) with one history line each and the runs settled DISPATCHED.
 */
final class PhoenixSide implements Side {

    static final String LABEL = "ours";

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final BenchDatabase db;
    private final int poolSize;
    private final DaemonSettings settings;
    /** How long each launch call takes (zero: the simulated launcher answers at once). */
    private final Duration launchTime;
    private int schedules;

    PhoenixSide(BenchDatabase db, int poolSize, DaemonSettings settings) {
        this(db, poolSize, settings, Duration.ZERO);
    }

    private PhoenixSide(BenchDatabase db, int poolSize, DaemonSettings settings, Duration launchTime) {
        this.db = db;
        this.poolSize = poolSize;
        this.settings = settings;
        this.launchTime = launchTime;
    }

    /** The same side (same schedules) with a launcher that takes {@code time} per launch call. */
    PhoenixSide withLaunchTime(Duration time) {
        PhoenixSide slow = new PhoenixSide(db, poolSize, settings, time);
        slow.schedules = schedules;
        return slow;
    }

    @Override
    public String label() {
        return LABEL;
    }

    static ScheduleId scheduleId(int i) {
        return ScheduleId.of(String.format("bench-s-%07d", i));
    }

    /** Migrates the schema and stores {@code count} ACTIVE schedules firing every second (once per database). */
    void createSchedules(int count) {
        try (HikariDataSource pool = db.pool("phoenix-setup", 2)) {
            SqlAdapters sql = SqlAdapters.create(pool, SqlVendor.POSTGRESQL, Clock.systemUTC());
            for (int from = 0; from < count; from += 2_000) {
                int to = Math.min(count, from + 2_000);
                int first = from;
                sql.transactions().run(() -> {
                    for (int i = first; i < to; i++) {
                        // every second is an occurrence: the processor cancels a run that is not one
                        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofSeconds(1)),
                                ZoneOffset.UTC, LocalDateTime.of(2026, 1, 1, 0, 0));
                        ReportRef report = ReportRef.of("report-" + i, "project-" + (i % 100), "account-" + (i % 10), "svc");
                        sql.schedules().insert(Schedule.create(scheduleId(i), "bench " + i, report,
                                ScheduleDetails.of(timing), CREATED));
                    }
                });
            }
        }
        schedules = count;
    }

    /**
     * Empties the runs and the outbox, then stores {@code n} PENDING runs, run i of schedule i,
     * due at {@code fireAt.apply(i)}. Tasks and history keep what earlier measurements wrote, as
     * a database in use does; each measurement's rows carry its tag (a run's task has the run's id).
     */
    void materialize(int n, String tag, IntFunction<Instant> fireAt) throws Exception {
        if (n > schedules) {
            throw new IllegalArgumentException(n + " runs need as many schedules; " + schedules + " exist");
        }
        db.execute("TRUNCATE vt_scheduled_runs, activity_outbox");
        try (HikariDataSource pool = db.pool("phoenix-setup", 2)) {
            SqlAdapters sql = SqlAdapters.create(pool, SqlVendor.POSTGRESQL, Clock.systemUTC());
            List<ScheduledRun> chunk = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ReportRef report = ReportRef.of("report-" + i, "project-" + (i % 100), "account-" + (i % 10), "svc");
                chunk.add(ScheduledRun.pending(ScheduledRunId.of(String.format("bench-r-%s-%07d", tag, i)), scheduleId(i),
                        report, fireAt.apply(i), CREATED));
                if (chunk.size() == 5_000 || i == n - 1) {
                    List<ScheduledRun> batch = List.copyOf(chunk);
                    sql.transactions().run(() -> sql.runs().insertIfAbsent(batch));
                    chunk.clear();
                }
            }
        }
        // Statistics as a database in use has them. Two traps measured here: tasks and history
        // emptied before each measurement made the prepared statements' cached generic plans
        // (made while the tables were near empty) scan them whole for every batch as they grew
        // (ours 540/s at N = 50,000 against ~2,000/s at 5,000); analyzing them empty was worse
        // (156/s). So they keep earlier measurements' rows and are analyzed once they hold some.
        db.execute("ANALYZE vt_scheduled_runs", "ANALYZE vt_extractor_schedule");
        try (Connection c = db.connect()) {
            if (db.count(c, "SELECT count(*) FROM (SELECT 1 FROM tasks LIMIT 1) t") > 0) {
                db.execute("ANALYZE tasks", "ANALYZE task_history");
            }
        }
    }

    /** One measured run: N runs due now over {@code replicas} processors, then every count checked. */
    @Override
    public Measurement run(int n, int replicas, String tag) throws Exception {
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1); // an occurrence
        materialize(n, tag, i -> due);
        SimulatedCrawlerLauncher launcher = new SimulatedCrawlerLauncher(Clock.systemUTC(), Duration.ofDays(1));
        CrawlerLauncherPort called = launchTime.isZero() ? launcher : new SlowLauncher(launcher, launchTime);
        Map<String, Long> before = RowWrites.snapshot(db);
        long start = System.nanoTime();
        long end;
        try (PhoenixReplicas fleet = new PhoenixReplicas(db, replicas, poolSize, called, settings).start()) {
            end = Completion.await(fleet::dispatched, n, 60_000);
            Thread.sleep(200); // a duplicate dispatch would show up here
            if (fleet.failedTicks() > 0) {
                throw new IllegalStateException("ours: " + fleet.failedTicks() + " processor ticks failed");
            }
        }
        RowWrites.Delta writes = RowWrites.between(before, RowWrites.snapshot(db));
        verify(n, launcher, tag);
        return new Measurement(n, end - start, writes);
    }

    /** Every run DISPATCHED to its own task, every task of the measurement LAUNCHING with its one history line, N launches. */
    void verify(int n, SimulatedCrawlerLauncher launcher, String tag) throws Exception {
        try (Connection c = db.connect()) {
            check(c, "runs DISPATCHED", "SELECT count(*) FROM vt_scheduled_runs WHERE status = 'DISPATCHED' AND task_id = id", n);
            check(c, "runs in all", "SELECT count(*) FROM vt_scheduled_runs", n);
            String ours = "'bench-r-" + tag + "-%'"; // this measurement's tasks (a run's task has its id)
            check(c, "tasks LAUNCHING", "SELECT count(*) FROM tasks WHERE status = 'LAUNCHING' AND launch_name IS NOT NULL"
                    + " AND id LIKE " + ours, n);
            check(c, "tasks in all", "SELECT count(*) FROM tasks WHERE id LIKE " + ours, n);
            check(c, "history LAUNCHING", "SELECT count(DISTINCT task_id) FROM task_history WHERE status = 'LAUNCHING'"
                    + " AND task_id LIKE " + ours, n);
            check(c, "history in all", "SELECT count(*) FROM task_history WHERE task_id LIKE " + ours, n);
        }
        if (launcher.launchCalls() != n || launcher.liveLaunches() != n) {
            throw new IllegalStateException("ours: " + launcher.launchCalls() + " launch calls, " + launcher.liveLaunches()
                    + " launches; expected " + n);
        }
    }

    private void check(Connection c, String what, String sql, long expected) throws Exception {
        long actual = db.count(c, sql);
        if (actual != expected) {
            throw new IllegalStateException("ours: " + what + " = " + actual + ", expected " + expected);
        }
    }
}
