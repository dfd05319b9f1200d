package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.InMemoryAdapters;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CalculatorDaemonTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryAdapters memory = new InMemoryAdapters(clock, Duration.ofMinutes(5));
    private final CalculatorDaemon calculator = new CalculatorDaemon(memory.schedules, memory.runs,
            memory.transactions, memory.ids, DaemonSettings.DEFAULTS);

    private Schedule hourly(String id) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), UTC,
                LocalDateTime.parse("2026-12-01T00:30"));
        Schedule s = Schedule.create(ScheduleId.of(id), "hourly", ReportRef.of("r1", "p1", "a1", "svc"),
                ScheduleDetails.of(timing), T0);
        memory.schedules.insert(s);
        return s;
    }

    private List<ScheduledRun> runsOf(ScheduleId id) {
        RunFilter f = RunFilter.none().withSchedule(id);
        return memory.runs.list(f, PageRequest.first(500)).items();
    }

    @Test
    void fills_three_days_of_runs_for_an_active_schedule() {
        Schedule s = hourly("s1");
        CalculatorDaemon.TickResult r = calculator.tick(T0);
        assertThat(r.runsInserted()).isEqualTo(72);
        assertThat(runsOf(s.id())).extracting(ScheduledRun::fireAt)
                .startsWith(Instant.parse("2026-12-01T00:30:00Z"), Instant.parse("2026-12-01T01:30:00Z"))
                .endsWith(Instant.parse("2026-12-03T23:30:00Z"));
    }

    @Test
    void a_second_tick_inserts_nothing_and_does_not_even_look() {
        hourly("s1");
        calculator.tick(T0);
        CalculatorDaemon.TickResult again = calculator.tick(T0.plusSeconds(60));
        assertThat(again.runsInserted()).isZero();
        assertThat(again.schedulesExtended()).isZero();
        assertThat(again.schedulesSeen()).as("an idle tick reads no schedule").isZero();
    }

    @Test
    void a_new_replica_continues_from_the_store_without_looking_at_filled_schedules() {
        hourly("s1");
        calculator.tick(T0);
        CalculatorDaemon restarted = new CalculatorDaemon(memory.schedules, memory.runs, memory.transactions,
                memory.ids, DaemonSettings.DEFAULTS);
        assertThat(restarted.tick(T0.plusSeconds(60)).schedulesSeen()).isZero();
        clock.tick(Duration.ofHours(2));
        assertThat(restarted.tick(clock.instant()).runsInserted()).isEqualTo(2);
    }

    @Test
    void fills_every_schedule_in_one_tick_across_pages() {
        List<Schedule> all = java.util.stream.IntStream.range(0, 1_201)
                .mapToObj(i -> hourly(String.format("s%04d", i))).toList();
        CalculatorDaemon.TickResult r = calculator.tick(T0);
        assertThat(r.schedulesSeen()).isEqualTo(1_201);
        assertThat(r.runsInserted()).isEqualTo(1_201 * 72);
        assertThat(runsOf(all.get(1_200).id())).hasSize(72);
        assertThat(calculator.tick(T0.plusSeconds(5)).schedulesSeen()).isZero();
    }

    @Test
    void a_fresh_replica_recomputing_the_same_window_duplicates_nothing() {
        Schedule s = hourly("s1");
        calculator.tick(T0);
        CalculatorDaemon other = new CalculatorDaemon(memory.schedules, memory.runs, memory.transactions, memory.ids,
                DaemonSettings.DEFAULTS);
        assertThat(other.tick(T0).runsInserted()).isZero();
        assertThat(runsOf(s.id())).hasSize(72);
    }

    @Test
    void extends_the_horizon_as_time_passes() {
        Schedule s = hourly("s1");
        calculator.tick(T0);
        clock.tick(Duration.ofHours(2));
        assertThat(calculator.tick(clock.instant()).runsInserted()).isEqualTo(2);
        assertThat(runsOf(s.id())).hasSize(74);
    }

    @Test
    void paused_schedules_get_no_runs() {
        Schedule s = hourly("s1");
        memory.schedules.update(s.pause(null, T0), s.version());
        assertThat(calculator.tick(T0).runsInserted()).isZero();
    }

    @Test
    void an_updated_schedule_is_recomputed_from_the_update() {
        Schedule s = hourly("s1");
        calculator.tick(T0);
        clock.tick(Duration.ofMinutes(10));
        ScheduleTiming every2h = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(2)), UTC,
                LocalDateTime.parse("2026-12-01T00:30"));
        Schedule updated = s.update(null, ScheduleDetails.of(every2h), clock.instant());
        memory.schedules.update(updated, s.version());
        memory.runs.deletePendingAfter(s.id(), clock.instant());
        calculator.tick(clock.instant());
        assertThat(runsOf(s.id())).extracting(ScheduledRun::fireAt)
                .startsWith(Instant.parse("2026-12-01T00:30:00Z"), Instant.parse("2026-12-01T02:30:00Z"))
                .hasSize(36);
    }

    @Test
    void a_one_time_schedule_completes_once_its_run_is_due() {
        ScheduleTiming once = ScheduleTiming.of(new RecurrenceSpec.OneTime(LocalDateTime.parse("2026-12-01T06:00")),
                UTC, null);
        Schedule s = Schedule.create(ScheduleId.of("once"), "once", ReportRef.of("r1", "p1", "a1", "svc"),
                ScheduleDetails.of(once), T0);
        memory.schedules.insert(s);
        calculator.tick(T0);
        assertThat(memory.schedules.find(s.id()).orElseThrow().status()).isEqualTo(ScheduleStatus.ACTIVE);
        clock.set(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(calculator.tick(clock.instant()).completed()).isEqualTo(1);
        assertThat(memory.schedules.find(s.id()).orElseThrow().status()).isEqualTo(ScheduleStatus.COMPLETED);
        assertThat(runsOf(s.id())).hasSize(1);
    }

    @Test
    void skipped_occurrences_are_not_materialized() {
        Schedule s = hourly("s1");
        Schedule skipped = s.skipOccurrence(Instant.parse("2026-12-01T01:30:00Z"), T0);
        memory.schedules.update(skipped, s.version());
        calculator.tick(T0);
        assertThat(runsOf(s.id())).extracting(ScheduledRun::fireAt)
                .doesNotContain(Instant.parse("2026-12-01T01:30:00Z")).hasSize(71);
    }

    @Test
    void a_seconds_level_schedule_is_filled_in_bounded_steps() {
        ScheduleTiming everySecond = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofSeconds(1)), UTC,
                LocalDateTime.parse("2026-12-01T00:00"));
        memory.schedules.insert(Schedule.create(ScheduleId.of("fast"), "fast", ReportRef.of("r1", "p1", "a1", "svc"),
                ScheduleDetails.of(everySecond), T0));
        CalculatorDaemon small = new CalculatorDaemon(memory.schedules, memory.runs, memory.transactions, memory.ids,
                new DaemonSettings(Duration.ofHours(1), Duration.ZERO, 1000, 100, Duration.ofMinutes(1),
                        Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofDays(1), Duration.ofDays(1)));
        assertThat(small.tick(T0).runsInserted()).isEqualTo(1000);
        assertThat(small.tick(T0).runsInserted()).isEqualTo(1000);
    }
}
