package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.SchedulerPorts;
import com.grepsr.scheduler.application.common.TimeOrderedIds;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlap policy across replicas that lock due runs with SKIP LOCKED: while one replica holds
 * an older run of a schedule locked (its launch in flight), another replica must not judge the
 * schedule's newer run — it would see no active task and fire it beside the older one. On
 * databases whose locking reads skip locked rows (PostgreSQL, MariaDB; H2 serializes them).
 */
abstract class OverlapAcrossReplicasChecks {

    abstract SqlDatabaseExtension db();

    @Test
    @Timeout(60)
    void a_newer_run_waits_while_an_older_run_of_its_schedule_is_locked_by_another_replica() throws Exception {
        SqlAdapters main = db().fresh();
        Instant now = T0.plus(Duration.ofHours(1)).plusSeconds(1);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Schedule schedule = hourlySkippingOverlaps("overlap-1");
        main.schedules().insert(schedule);
        core(main, new NamingLauncher(), DaemonSettings.DEFAULTS, clock).calculator().tick(now);
        assertThat(dueRuns(main, schedule, now)).as("two runs of the schedule are due").hasSize(2);

        CountDownLatch launching = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CrawlerLauncherPort slow = new NamingLauncher() {
            @Override
            public String launch(Task task, CrawlerCatalogPort.CrawlerSpec crawler) {
                launching.countDown();
                try {
                    letGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.launch(task, crawler);
            }
        };
        DaemonSettings oneAtATime = new DaemonSettings(Duration.ofDays(3), Duration.ofHours(1), 10_000, 1,
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofDays(7),
                Duration.ofHours(24));
        ProcessorDaemon a = core(db().replica(2, clock), slow, oneAtATime, clock).processor("replica-a");
        ProcessorDaemon b = core(db().replica(2, clock), new NamingLauncher(), DaemonSettings.DEFAULTS, clock)
                .processor("replica-b");

        CompletableFuture<ProcessorDaemon.TickResult> aTick = CompletableFuture.supplyAsync(() -> a.tick(now));
        assertThat(launching.await(20, TimeUnit.SECONDS)).as("replica A is launching the older run").isTrue();
        ProcessorDaemon.TickResult bTick = b.tick(now);
        letGo.countDown();
        assertThat(aTick.get(20, TimeUnit.SECONDS).dispatched()).as("A fired the older run").isEqualTo(1);

        assertThat(bTick.dispatched()).as("B fired nothing while the older run was A's").isZero();
        assertThat(bTick.waiting()).isEqualTo(1);
        ProcessorDaemon.TickResult later = b.tick(now.plusSeconds(5));
        assertThat(later.skipped()).as("judged once the older run fired: a task of its schedule is active")
                .isEqualTo(1);
        Map<RunStatus, Long> statuses = dueRuns(main, schedule, now).stream()
                .collect(Collectors.groupingBy(ScheduledRun::status, Collectors.counting()));
        assertThat(statuses).isEqualTo(Map.of(RunStatus.DISPATCHED, 1L, RunStatus.SKIPPED, 1L));
    }

    private static List<ScheduledRun> dueRuns(SqlAdapters sql, Schedule schedule, Instant now) {
        return sql.runs().list(RunFilter.none().withSchedule(schedule.id()), PageRequest.first(10)).items().stream()
                .filter(r -> !r.fireAt().isAfter(now)).toList();
    }

    private static Schedule hourlySkippingOverlaps(String id) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                ZoneOffset.UTC, LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        ScheduleDetails details = new ScheduleDetails(timing, null, MisfirePolicy.fireAllWithin(Duration.ofDays(2)),
                OverlapPolicy.SKIP, null);
        return Schedule.create(ScheduleId.of(id), id, Fixtures.report("acct-1"), details, T0);
    }

    private static SchedulerCore core(SqlAdapters sql, CrawlerLauncherPort launcher, DaemonSettings settings,
                                      Clock clock) {
        CrawlerCatalogPort catalog = code -> Optional.of(CrawlerCatalogPort.CrawlerSpec.image("crawler:test"));
        return new SchedulerCore(new SchedulerPorts(sql.schedules(), sql.runs(), sql.tasks(), sql.history(),
                sql.queue(), sql.outbox(), sql.requests(), launcher, catalog, sql.transactions(),
                new TimeOrderedIds(clock), clock), settings);
    }
}
