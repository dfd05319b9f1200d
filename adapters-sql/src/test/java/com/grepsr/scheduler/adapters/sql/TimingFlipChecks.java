package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.service.CalculatorDaemon;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.TimeOrderedIds;
import com.grepsr.scheduler.application.service.UpdateScheduleService;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.grepsr.scheduler.application.contract.ContractFixtures.aReport;
import static com.grepsr.scheduler.application.contract.ContractFixtures.aScheduleId;
import static com.grepsr.scheduler.application.contract.ContractFixtures.walkAllPages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients flip schedules between two timings with no instant in common while two calculator
 * replicas run (each its own pool, as separate processes would): afterwards every PENDING run
 * lies on its schedule's current timing, and no change failed for any reason but a stale version
 * (a deadlock is retried by the transaction port, never an error). docs/concurrency.md.
 */
abstract class TimingFlipChecks {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final RecurrenceSpec EVEN = new RecurrenceSpec.Cron("1/10 * * * * *");
    private static final RecurrenceSpec ODD = new RecurrenceSpec.Cron("6/10 * * * * *");
    private static final int SCHEDULES = 40;
    private static final int CLIENTS = 8;
    private static final Duration FLIPPING = Duration.ofSeconds(6);
    private static final DaemonSettings SETTINGS = new DaemonSettings(Duration.ofMinutes(10), Duration.ofMinutes(1),
            10_000, 200, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofDays(7),
            Duration.ofHours(24));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    abstract SqlDatabaseExtension db();

    @Test
    void after_concurrent_timing_changes_every_pending_run_is_on_its_schedules_current_timing() throws Exception {
        SqlAdapters api = db().fresh(clock);
        List<ScheduleId> ids = new ArrayList<>();
        for (int i = 0; i < SCHEDULES; i++) {
            ScheduleId id = aScheduleId();
            api.schedules().insert(Schedule.create(id, "flip", aReport(),
                    ScheduleDetails.of(ScheduleTiming.of(EVEN, ZoneId.of("UTC"), start())), NOW));
            ids.add(id);
        }
        UpdateScheduleService updates = new UpdateScheduleService(api.schedules(), api.runs(), api.outbox(),
                api.transactions(), new TimeOrderedIds(clock), clock);

        AtomicBoolean flipping = new AtomicBoolean(true);
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger ticks = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                SqlAdapters replica = db().replica(3, clock);
                CalculatorDaemon calculator = new CalculatorDaemon(replica.schedules(), replica.runs(),
                        replica.transactions(), new TimeOrderedIds(clock), SETTINGS);
                work.add(pool.submit(() -> {
                    while (flipping.get()) {
                        calculator.tick(NOW);
                        ticks.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int c = 0; c < CLIENTS; c++) {
                work.add(pool.submit(() -> {
                    while (flipping.get()) {
                        ScheduleId id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        Schedule current = api.schedules().find(id).orElseThrow();
                        RecurrenceSpec other = current.timing().spec().equals(EVEN) ? ODD : EVEN;
                        try {
                            updates.execute(Caller.admin("flipper"), new UpdateScheduleUseCase.Command(id,
                                    current.version(), null, Optional.of(TimingInput.of(other, "UTC", start())),
                                    null, null, null, null, null));
                            changed.incrementAndGet();
                        } catch (VersionConflictException e) {
                            stale.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(FLIPPING.toMillis());
            flipping.set(false);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS); // a calculator that threw fails the test here
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.printf("%s: %d timing changes, %d stale versions, %d calculator ticks in %s%n",
                db().label(), changed.get(), stale.get(), ticks.get(), FLIPPING);
        assertThat(failures).as("changes that failed other than by a stale version").isEmpty();
        assertThat(changed.get()).as("timing changes committed").isGreaterThan(SCHEDULES);
        assertThat(ticks.get()).as("calculator ticks").isGreaterThan(2);
        Map<ScheduleId, List<Instant>> offTiming = new LinkedHashMap<>();
        for (ScheduleId id : ids) {
            Schedule s = api.schedules().find(id).orElseThrow();
            List<Instant> wrong = pending(api, id).stream().map(ScheduledRun::fireAt)
                    .filter(at -> !s.isOccurrence(at)).collect(Collectors.toList());
            if (!wrong.isEmpty()) {
                offTiming.put(id, wrong);
            }
        }
        assertThat(offTiming).as("PENDING runs on a replaced timing, by schedule (%d changes, %d stale, %d ticks)",
                changed.get(), stale.get(), ticks.get()).isEmpty();

        // and the calculator, once quiet, fills every schedule's current timing
        new CalculatorDaemon(api.schedules(), api.runs(), api.transactions(), new TimeOrderedIds(clock), SETTINGS)
                .tick(NOW);
        for (ScheduleId id : ids) {
            assertThat(pending(api, id)).hasSize(60);
        }
    }

    private static List<ScheduledRun> pending(SqlAdapters sql, ScheduleId id) {
        RunFilter f = RunFilter.none().withSchedule(id).withStatuses(Set.of(RunStatus.PENDING));
        return walkAllPages(PageRequest.MAX_SIZE, page -> sql.runs().list(f, page));
    }

    private static LocalDateTime start() {
        return LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
    }
}
