package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase.Command;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.event.ReportScheduleUpdatedEvent;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateScheduleServiceTest {

    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant ONE_PM = Instant.parse("2026-03-02T13:00:00Z");

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();
    private Schedule schedule;

    @BeforeEach
    void an_hourly_schedule_with_two_materialized_runs() {
        schedule = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.pendingRuns(schedule, ELEVEN, NOON);
    }

    @Test
    void renames_raises_the_version_and_emits_one_updated_event() {
        UpdateScheduleUseCase.Result result = f.update().execute(ALICE, rename(1, "Renamed"));

        assertThat(result.schedule().name()).isEqualTo("Renamed");
        assertThat(result.schedule().version()).isEqualTo(2);
        assertThat(f.stored(schedule).name()).isEqualTo("Renamed");
        assertThat(updatedEvents()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.details()).containsEntry("name", "Renamed").containsEntry("version", "2");
        });
    }

    @Test
    void leaves_fields_not_given_as_they_were() {
        Command overlapOnly = new Command(schedule.id(), 1, null, null, null, null, Optional.of(OverlapPolicy.SKIP),
                null, null);

        Schedule changed = f.update().execute(ALICE, overlapOnly).schedule();

        assertThat(changed.details().overlap()).isEqualTo(OverlapPolicy.SKIP);
        assertThat(changed.name()).isEqualTo(schedule.name());
        assertThat(changed.timing()).isEqualTo(schedule.timing());
        assertThat(changed.details().misfire()).isEqualTo(schedule.details().misfire());
    }

    @Test
    void changes_the_timing_and_reports_the_new_fire_times() {
        Command everyTwoHours = new Command(schedule.id(), 1, null, Optional.of(every(Duration.ofHours(2))), null,
                null, null, null, null);

        UpdateScheduleUseCase.Result result = f.update().execute(ALICE, everyTwoHours);

        assertThat(result.nextFireTimes()).startsWith(ELEVEN, ONE_PM, Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Test
    void parameters_are_replaced_and_a_zero_task_timeout_returns_to_the_catalogs() {
        Schedule withTimeout = f.update().execute(ALICE, new Command(schedule.id(), 1, null, null,
                Optional.of(Parameters.of(Map.of("category", "toys"))), null, null,
                Optional.of(Duration.ofMinutes(20)), null)).schedule();
        assertThat(withTimeout.details().taskTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(withTimeout.details().parameters().values()).containsOnly(Map.entry("category", "toys"));

        Schedule cleared = f.update().execute(ALICE, new Command(schedule.id(), 2, null, null, null, null, null,
                Optional.of(Duration.ZERO), null)).schedule();

        assertThat(cleared.details().taskTimeout()).isNull();
    }

    @Test
    void removes_the_future_pending_runs_so_the_calculator_recomputes_them() {
        f.clock.set(Instant.parse("2026-03-02T11:30:00Z")); // the 11:00 run is due (not future), noon is future

        f.update().execute(ALICE, rename(1, "Renamed"));

        assertThat(pendingFireTimes()).containsExactly(ELEVEN);
    }

    @Test
    void skips_one_occurrence_which_then_no_longer_shows() {
        UpdateScheduleUseCase.Result result = f.update().execute(ALICE, Command.skip(schedule.id(), 1, NOON));

        assertThat(result.schedule().skippedOccurrences()).containsExactly(NOON);
        assertThat(result.nextFireTimes()).startsWith(ELEVEN, ONE_PM).doesNotContain(NOON);
        assertThat(pendingFireTimes()).isEmpty();
        assertThat(updatedEvents()).hasSize(1);
    }

    @Test
    void renames_and_skips_in_one_update() {
        Command both = new Command(schedule.id(), 1, Optional.of("Both"), null, null, null, null, null,
                Optional.of(NOON));

        Schedule changed = f.update().execute(ALICE, both).schedule();

        assertThat(changed.name()).isEqualTo("Both");
        assertThat(changed.skippedOccurrences()).containsExactly(NOON);
        assertThat(updatedEvents()).hasSize(1);
    }

    @Test
    void refuses_to_skip_what_is_not_a_future_occurrence_and_writes_nothing() {
        assertViolation(() -> f.update().execute(ALICE, Command.skip(schedule.id(), 1, NOON.plusSeconds(60))),
                "skip_occurrence");

        assertUnchanged();
    }

    @Test
    void a_stale_version_is_a_conflict_and_writes_nothing() {
        f.update().execute(ALICE, rename(1, "First"));

        assertThatThrownBy(() -> f.update().execute(ALICE, rename(1, "Second")))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(f.stored(schedule).name()).isEqualTo("First");
        assertThat(updatedEvents()).hasSize(1);
    }

    @Test
    void an_unknown_schedule_is_not_found() {
        assertThatThrownBy(() -> f.update().execute(ALICE, new Command(ScheduleId.of("nope"), 1, Optional.of("x"),
                null, null, null, null, null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void another_accounts_schedule_is_denied_and_unchanged() {
        assertThatThrownBy(() -> f.update().execute(BOB, rename(1, "Mine now")))
                .isInstanceOf(AccessDeniedException.class);

        assertUnchanged();
    }

    @Test
    void a_deleted_schedule_cannot_be_updated() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id()));

        assertThatThrownBy(() -> f.update().execute(ALICE, rename(2, "Back?")))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(updatedEvents()).isEmpty();
    }

    @Test
    void refuses_bad_command_fields_each_on_its_own_field() {
        assertViolation(() -> new Command(null, 1, Optional.of("x"), null, null, null, null, null, null), "schedule_id");
        assertViolation(() -> rename(0, "x"), "expected_version");
        assertViolation(() -> new Command(schedule.id(), 1, null, null, null, null, null, null, null), "update");
        assertViolation(() -> rename(1, "x".repeat(Schedule.MAX_NAME_LENGTH + 1)), "name");
        assertViolation(() -> new Command(schedule.id(), 1, null, null, null, null, null,
                Optional.of(Duration.ofMinutes(-1)), null), "task_timeout");
        assertViolation(() -> new Command(schedule.id(), 1, null, Optional.of(every(Duration.ofMillis(1))), null,
                null, null, null, null), "timing.recurrence");
    }

    @Test
    void refuses_a_new_timing_that_never_fires_again() {
        assertViolation(() -> f.update().execute(ALICE, new Command(schedule.id(), 1, null,
                Optional.of(onceAt("2026-03-01T09:00:00")), null, null, null, null, null)), "timing");

        assertUnchanged();
    }

    @Test
    void a_failure_after_the_event_was_appended_rolls_everything_back() {
        UpdateScheduleService failing = f.update(f.outboxFailingAfterAppend());

        assertThatThrownBy(() -> failing.execute(ALICE, rename(1, "Doomed"))).isInstanceOf(IllegalStateException.class);

        assertUnchanged();
    }

    private Command rename(long expectedVersion, String name) {
        return new Command(schedule.id(), expectedVersion, Optional.of(name), null, null, null, null, null, null);
    }

    private void assertUnchanged() {
        assertThat(f.stored(schedule).version()).isEqualTo(1);
        assertThat(f.stored(schedule).name()).isEqualTo(schedule.name());
        assertThat(pendingFireTimes()).containsExactly(ELEVEN, NOON);
        assertThat(updatedEvents()).isEmpty();
    }

    private List<ReportScheduleUpdatedEvent> updatedEvents() {
        return f.events().stream().filter(ReportScheduleUpdatedEvent.class::isInstance)
                .map(ReportScheduleUpdatedEvent.class::cast).toList();
    }

    private List<Instant> pendingFireTimes() {
        RunFilter pending = RunFilter.none().withSchedule(schedule.id())
                .withStatuses(java.util.Set.of(com.grepsr.scheduler.domain.run.RunStatus.PENDING));
        return f.adapters.runs.list(pending, PageRequest.first(100)).items().stream().map(ScheduledRun::fireAt)
                .toList();
    }

}
