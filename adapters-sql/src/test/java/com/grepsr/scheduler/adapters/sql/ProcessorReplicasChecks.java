package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own calculator and processor daemons on the SQL stores: one calculator
 * materializes the runs, four processor replicas (each its own pool and scheduler core, as four
 * processes) fire them. Every due run becomes exactly one task.
 */
abstract class ProcessorReplicasChecks {

    static final int SCHEDULES = 20;
    static final int DUE_PER_SCHEDULE = 24; // hourly, one day late (the misfire policy fires them all)

    abstract SqlDatabaseExtension db();

    @Test
    @Timeout(300)
    void processor_replicas_fire_each_due_run_once() throws Exception {
        SqlAdapters main = db().fresh();
        Instant now = T0.plus(Duration.ofHours(DUE_PER_SCHEDULE)).minusSeconds(1);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        for (int s = 0; s < SCHEDULES; s++) {
            main.schedules().insert(hourly("sched-" + s));
        }
        core(main, clock).calculator().tick(now);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> replicas = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                ProcessorDaemon processor = core(db().replica(2, clock), clock).processor("processor-" + r);
                replicas.add(pool.submit(() -> {
                    int dispatched = 0;
                    ProcessorDaemon.TickResult tick;
                    do {
                        tick = processor.tick(now);
                        dispatched += tick.dispatched();
                    } while (tick.claimed() > 0);
                    return dispatched;
                }));
            }
            int total = 0;
            for (Future<Integer> f : replicas) {
                total += f.get();
            }
            assertThat(total).isEqualTo(SCHEDULES * DUE_PER_SCHEDULE);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> runs = counts(main, "SELECT status, COUNT(*) FROM vt_scheduled_runs WHERE fire_at <= '"
                + java.sql.Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + "' GROUP BY status");
        assertThat(runs).isEqualTo(Map.of("DISPATCHED", (long) SCHEDULES * DUE_PER_SCHEDULE));
        Map<String, Long> tasks = counts(main, "SELECT 'tasks', COUNT(*) FROM tasks UNION ALL "
                + "SELECT 'runs', COUNT(DISTINCT scheduled_run_id) FROM tasks");
        assertThat(tasks).isEqualTo(Map.of("tasks", (long) SCHEDULES * DUE_PER_SCHEDULE,
                "runs", (long) SCHEDULES * DUE_PER_SCHEDULE));
    }

    static Schedule hourly(String id) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                ZoneOffset.UTC, LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        ScheduleDetails details = new ScheduleDetails(timing, null, MisfirePolicy.fireAllWithin(Duration.ofDays(2)),
                null, null);
        return Schedule.create(ScheduleId.of(id), id, Fixtures.report("acct-1"), details, T0);
    }

    static SchedulerCore core(SqlAdapters sql, Clock clock) {
        CrawlerCatalogPort catalog = code -> Optional.of(CrawlerCatalogPort.CrawlerSpec.image("crawler:test"));
        return new SchedulerCore(new SchedulerPorts(sql.schedules(), sql.runs(), sql.tasks(), sql.history(),
                sql.queue(), sql.outbox(), sql.requests(), new NamingLauncher(), catalog, sql.transactions(),
                new TimeOrderedIds(clock), clock), DaemonSettings.DEFAULTS);
    }

    private static Map<String, Long> counts(SqlAdapters sql, String query) throws Exception {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
