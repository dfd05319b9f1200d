package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.daemon.reconcile.ReconcilerDaemon;
import com.grepsr.scheduler.application.daemon.reconcile.RetentionSettings;
import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty simulated days of the real daemons on PostgreSQL, with a clock the test moves: a few
 * hourly schedules fire, their crawls succeed, the relay delivers an event a day, and the
 * reconciler prunes. Once the retention windows have filled, every table's row count stays flat
 * instead of growing by a day's worth each day.
 */
class PostgresRetentionTest {

    @RegisterExtension
    static final SqlDatabaseExtension DB = SqlDatabaseExtension.postgres();

    private static final int SCHEDULES = 3;
    private static final int DAYS = 30;
    private static final Duration STEP = Duration.ofHours(12);
    private static final RetentionSettings RETENTION =
            new RetentionSettings(Duration.ofDays(3), Duration.ofDays(4), Duration.ofDays(2), 500);
    private static final List<String> TABLES = List.of("vt_scheduled_runs", "tasks", "task_history", "activity_outbox");

    @Test
    @Timeout(120)
    void every_table_stays_flat_at_its_retention_window_over_thirty_days() throws Exception {
        MovingClock clock = new MovingClock(T0);
        SqlAdapters sql = DB.fresh(clock);
        DaemonSettings defaults = DaemonSettings.DEFAULTS;
        DaemonSettings daemons = new DaemonSettings(Duration.ofDays(1), defaults.refreshMargin(),
                defaults.maxRunsPerTick(), defaults.claimBatch(), defaults.claimLease(), defaults.maxSleep(),
                defaults.lostGrace(), defaults.maxCatchUp(), defaults.requestIdRetention());
        SchedulerCore core = new SchedulerCore(new SchedulerPorts(sql.schedules(), sql.runs(), sql.tasks(),
                sql.history(), sql.queue(), sql.outbox(), sql.requests(),
                new NamingLauncher(CrawlerLauncherPort.LaunchState.SUCCEEDED), // done by the reconciler's look
                code -> Optional.of(CrawlerCatalogPort.CrawlerSpec.image("crawler:test")), sql.transactions(),
                new TimeOrderedIds(clock), clock), daemons, RETENTION);
        List<Schedule> schedules = new ArrayList<>();
        for (int s = 0; s < SCHEDULES; s++) {
            Schedule schedule = hourly("retained-" + s);
            sql.schedules().insert(schedule);
            schedules.add(schedule);
        }
        var calculator = core.calculator();
        ProcessorDaemon processor = core.processor("processor-0");
        ReconcilerDaemon reconciler = core.reconciler();

        List<Map<String, Long>> daily = new ArrayList<>();
        long pruned = 0;
        for (Instant now = T0; now.isBefore(T0.plus(Duration.ofDays(DAYS))); now = now.plus(STEP)) {
            clock.now = now;
            calculator.tick(now);
            while (processor.tick(now).claimed() > 0) {
                // drain what is due
            }
            // the launches succeeded: the tick finishes their tasks, then prunes
            pruned += reconciler.tick(now).pruned().total();
            if (now.equals(T0) || Duration.between(T0, now).toHours() % 24 == 0) {
                relayADeliveredEvent(sql, schedules.get(0), now);
                daily.add(counts(sql));
            }
        }

        // the windows are full after the longest retention plus the calculator's horizon
        List<Map<String, Long>> steady = daily.subList(7, daily.size());
        for (String table : TABLES) {
            List<Long> rows = steady.stream().map(d -> d.get(table)).toList();
            long min = rows.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = rows.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(min).as(table + " keeps its window").isPositive();
            // one step's worth of slack; an unpruned table would grow by a day's worth each day
            assertThat(max - min).as(table + " over days 7-30: " + rows).isLessThanOrEqualTo(dayOf(table) / 4 + 1);
        }
        assertThat(pruned).isPositive();
    }

    /** Rows one simulated day adds to a table (no retention). */
    private static long dayOf(String table) {
        return switch (table) {
            case "activity_outbox" -> 1;
            case "task_history" -> SCHEDULES * 24L * 3;
            default -> SCHEDULES * 24L;
        };
    }

    private static void relayADeliveredEvent(SqlAdapters sql, Schedule s, Instant now) {
        ActivityEvent e = ActivityEvents.created(EventId.of("evt-" + now.toEpochMilli()), s, "ops", now);
        sql.transactions().run(() -> sql.outbox().append(e));
        sql.outbox().markDelivered(List.of(e.id()));
    }

    private static Map<String, Long> counts(SqlAdapters sql) throws Exception {
        String query = TABLES.stream().map(t -> "SELECT '" + t + "', COUNT(*) FROM " + t)
                .collect(Collectors.joining(" UNION ALL "));
        try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            Map<String, Long> counts = new java.util.HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        }
    }

    private static Schedule hourly(String id) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                ZoneOffset.UTC, LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        ScheduleDetails details = new ScheduleDetails(timing, null, MisfirePolicy.fireAllWithin(Duration.ofDays(1)),
                null, null);
        return Schedule.create(ScheduleId.of(id), id, Fixtures.report("acct-1"), details, T0);
    }

    /** A clock the simulation moves. */
    private static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
