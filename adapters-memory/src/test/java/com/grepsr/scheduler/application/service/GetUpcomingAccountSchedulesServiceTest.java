package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase.Query;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase.UpcomingRun;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GetUpcomingAccountSchedulesServiceTest {

    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();

    @Test
    void merges_the_accounts_schedules_in_time_order() {
        Schedule hourly = f.hourlySchedule(ALICE, acmeReport("r1"));
        Schedule ninety = schedule(ALICE, acmeReport("r2"), Duration.ofMinutes(90));

        List<UpcomingRun> runs = window(ALICE, T0, Instant.parse("2026-03-02T13:00:00Z"), 50).items();

        assertThat(runs).extracting(UpcomingRun::fireAt, UpcomingRun::scheduleId).containsExactly(
                tuple(ELEVEN, hourly.id()), tuple(ELEVEN, ninety.id()), tuple(NOON, hourly.id()),
                tuple(Instant.parse("2026-03-02T12:30:00Z"), ninety.id()),
                tuple(Instant.parse("2026-03-02T13:00:00Z"), hourly.id()));
        assertThat(runs.get(0).scheduleName()).isEqualTo(hourly.name());
        assertThat(runs.get(0).report()).isEqualTo(acmeReport("r1"));
    }

    @Test
    void reaches_past_the_calculators_horizon() {
        f.hourlySchedule(ALICE, acmeReport("r1"));
        Instant inTwoWeeks = T0.plus(Duration.ofDays(14));

        List<UpcomingRun> runs = window(ALICE, inTwoWeeks, inTwoWeeks.plus(Duration.ofHours(2)), 50).items();

        assertThat(runs).extracting(UpcomingRun::fireAt).containsExactly(inTwoWeeks,
                inTwoWeeks.plus(Duration.ofHours(1)), inTwoWeeks.plus(Duration.ofHours(2)));
    }

    @Test
    void defaults_to_the_next_seven_days_and_starts_a_past_window_now() {
        f.hourlySchedule(ALICE, acmeReport("r1"));

        GetUpcomingAccountSchedulesUseCase.Result byDefault = f.upcoming().execute(ALICE,
                Query.ofAccount(ACME, PageRequest.first(10)));
        assertThat(byDefault.from()).isEqualTo(T0);
        assertThat(byDefault.to()).isEqualTo(T0.plus(Duration.ofDays(7)));

        GetUpcomingAccountSchedulesUseCase.Result past = f.upcoming().execute(ALICE,
                Query.ofWindow(ACME, T0.minus(Duration.ofDays(1)), NOON, PageRequest.first(10)));
        assertThat(past.from()).isEqualTo(T0);
        assertThat(past.page().items()).extracting(UpcomingRun::fireAt).containsExactly(ELEVEN, NOON);
    }

    @Test
    void leaves_out_skipped_occurrences_deleted_and_indefinitely_paused_schedules() {
        Schedule skipping = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.update().execute(ALICE, UpdateScheduleUseCase.Command.skip(skipping.id(), 1, ELEVEN));
        Schedule deleted = f.hourlySchedule(ALICE, acmeReport("r2"));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(deleted.id()));
        Schedule paused = f.hourlySchedule(ALICE, acmeReport("r3"));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(paused.id()));

        assertThat(window(ALICE, T0, NOON, 50).items()).extracting(UpcomingRun::fireAt, UpcomingRun::scheduleId)
                .containsExactly(tuple(NOON, skipping.id()));
    }

    @Test
    void a_schedule_paused_until_inside_the_window_counts_from_then() {
        Schedule paused = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(paused.id(), Instant.parse("2026-03-02T12:30:00Z")));

        assertThat(window(ALICE, T0, Instant.parse("2026-03-02T14:00:00Z"), 50).items())
                .extracting(UpcomingRun::fireAt)
                .containsExactly(Instant.parse("2026-03-02T13:00:00Z"), Instant.parse("2026-03-02T14:00:00Z"));
    }

    @Test
    void shows_only_the_callers_account() {
        f.hourlySchedule(ALICE, acmeReport("r1"));
        f.hourlySchedule(BOB, globexReport("g1"));

        assertThat(window(BOB, T0, NOON, 50).items()).extracting(r -> r.report().accountId()).containsOnly(GLOBEX);
        assertThat(f.upcoming().execute(BOB, new Query(Optional.empty(), Optional.of(T0), Optional.of(NOON),
                PageRequest.first(10))).page().items()).hasSize(2);
        assertThatThrownBy(() -> window(BOB, ACME, T0, NOON)).isInstanceOf(AccessDeniedException.class);
        assertThat(window(ADMIN, ACME, T0, NOON).items()).hasSize(2);
    }

    @Test
    void refuses_bad_windows_and_an_admin_without_an_account() {
        assertViolation(() -> Query.ofWindow(ACME, T0, T0.minusSeconds(1), null), "to");
        assertViolation(() -> Query.ofWindow(ACME, T0, T0.plus(Duration.ofDays(31)).plusSeconds(1), null), "to");
        assertViolation(() -> f.upcoming().execute(ADMIN, new Query(null, null, null, null)), "account_id");
        assertViolation(() -> f.upcoming().execute(ALICE, new Query(null, null, null,
                new PageRequest(10, "garbage"))), "page_token");
    }

    @Test
    void pages_walk_every_run_once_even_when_schedules_fire_at_the_same_instants() {
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            schedules.add(schedule(ALICE, acmeReport("r" + i), Duration.ofMinutes(10)));
        }
        Instant to = T0.plus(Duration.ofDays(1));
        List<UpcomingRun> expected = new ArrayList<>();
        for (Schedule s : schedules) {
            s.occurrences(T0.minusNanos(1), to, Integer.MAX_VALUE).forEach(t ->
                    expected.add(new UpcomingRun(s.id(), s.name(), s.report(), t)));
        }
        expected.sort(Comparator.comparing(UpcomingRun::fireAt).thenComparing(UpcomingRun::scheduleId));

        List<UpcomingRun> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(50);
        while (true) {
            Page<UpcomingRun> page = f.upcoming().execute(ALICE, Query.ofWindow(ACME, T0, to, request)).page();
            walked.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            request = new PageRequest(50, page.nextPageToken());
        }

        assertThat(expected).hasSize(3 * 6 * 23 + 3); // 11:00 today to 10:00 tomorrow, every 10 minutes
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void a_page_of_a_dense_schedule_is_computed_without_listing_the_whole_window() {
        schedule(ALICE, acmeReport("r1"), Duration.ofSeconds(1)); // 2.6 million runs in 31 days

        GetUpcomingAccountSchedulesUseCase.Result result = f.upcoming().execute(ALICE,
                Query.ofWindow(ACME, T0, T0.plus(Duration.ofDays(31)), PageRequest.first(500)));

        assertThat(result.page().items()).hasSize(500);
        assertThat(result.page().hasNext()).isTrue();
        assertThat(result.complete()).isTrue();
    }

    private Schedule schedule(com.grepsr.scheduler.application.model.Caller caller,
                              com.grepsr.scheduler.domain.common.ReportRef report, Duration interval) {
        return f.create().execute(caller, ScheduleUseCase.Command.of("every " + interval, report, every(interval)))
                .schedule();
    }

    private Page<UpcomingRun> window(com.grepsr.scheduler.application.model.Caller caller, Instant from, Instant to,
                                     int size) {
        return f.upcoming().execute(caller, new Query(Optional.empty(), Optional.of(from), Optional.of(to),
                PageRequest.first(size))).page();
    }

    private Page<UpcomingRun> window(com.grepsr.scheduler.application.model.Caller caller,
                                     com.grepsr.scheduler.domain.common.AccountId account, Instant from, Instant to) {
        return f.upcoming().execute(caller, Query.ofWindow(account, from, to, PageRequest.first(50))).page();
    }
}
