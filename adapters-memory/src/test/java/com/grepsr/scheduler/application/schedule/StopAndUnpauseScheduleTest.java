package com.grepsr.scheduler.application.schedule;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.event.ReportScheduleCreatedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleDeletedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleStoppedEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUnpausedEvent;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.application.schedule.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopAndUnpauseScheduleTest {

    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();
    private Schedule schedule;

    @BeforeEach
    void an_hourly_schedule_with_two_materialized_runs() {
        schedule = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.pendingRuns(schedule, ELEVEN, NOON);
    }

    // ---- StopSchedule: pause -------------------------------------------------------------------

    @Test
    void pausing_stops_the_schedule_cancels_its_future_runs_and_emits_one_stopped_event() {
        StopScheduleUseCase.Result result = f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));

        assertThat(result.schedule().status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(result.schedule().pausedUntil()).isEmpty();
        assertThat(result.cancelledRuns()).isEqualTo(2);
        assertThat(f.stored(schedule).status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(pendingFireTimes()).isEmpty();
        assertThat(lifecycleEvents()).singleElement().isInstanceOfSatisfying(ReportScheduleStoppedEvent.class,
                e -> assertThat(e.actor()).isEqualTo("alice"));
    }

    @Test
    void pausing_until_an_instant_records_it_in_the_schedule_and_the_event() {
        Instant monday = Instant.parse("2026-03-09T08:00:00Z");

        Schedule paused = f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(schedule.id(), monday))
                .schedule();

        assertThat(paused.pausedUntil()).contains(monday);
        assertThat(lifecycleEvents()).singleElement().satisfies(e ->
                assertThat(e.details()).containsEntry("paused_until", monday.toString()));
    }

    @Test
    void pausing_a_paused_schedule_changes_its_resume_instant() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));
        Instant later = T0.plus(Duration.ofDays(2));

        Schedule paused = f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(schedule.id(), later))
                .schedule();

        assertThat(paused.pausedUntil()).contains(later);
        assertThat(lifecycleEvents()).hasSize(2);
    }

    @Test
    void pause_until_must_be_in_the_future_and_not_absurdly_far() {
        assertViolation(() -> f.stopSchedule().execute(ALICE,
                StopScheduleUseCase.Command.pauseUntil(schedule.id(), T0.minusSeconds(1))), "pause_until");
        assertViolation(() -> f.stopSchedule().execute(ALICE,
                StopScheduleUseCase.Command.pauseUntil(schedule.id(), T0.plus(Duration.ofDays(366 * 6)))),
                "pause_until");

        assertUnchanged();
    }

    @Test
    void refuses_bad_stop_commands_each_on_its_own_field() {
        assertViolation(() -> StopScheduleUseCase.Command.pause(null), "schedule_id");
        assertViolation(() -> new StopScheduleUseCase.Command(schedule.id(), Optional.of(NOON), true, false), "pause_until");
    }

    @Test
    void a_completed_schedule_cannot_be_paused() {
        Schedule once = f.create().execute(ALICE, com.grepsr.scheduler.application.port.in.ScheduleUseCase.Command
                .of("once", acmeReport("r2"), onceAt("2026-03-02T11:00:00"))).schedule();
        f.adapters.schedules.update(once.complete(T0), once.version()); // as the calculator does once it fired

        assertThatThrownBy(() -> f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(once.id())))
                .isInstanceOf(IllegalTransitionException.class);
    }

    // ---- StopSchedule: delete ------------------------------------------------------------------

    @Test
    void deleting_cancels_future_runs_and_emits_one_deleted_event() {
        StopScheduleUseCase.Result result = f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id()));

        assertThat(result.schedule().status()).isEqualTo(ScheduleStatus.DELETED);
        assertThat(result.cancelledRuns()).isEqualTo(2);
        assertThat(pendingFireTimes()).isEmpty();
        assertThat(lifecycleEvents()).singleElement().isInstanceOf(ReportScheduleDeletedEvent.class);
    }

    @Test
    void a_paused_schedule_can_be_deleted() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));

        Schedule deleted = f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id())).schedule();

        assertThat(deleted.status()).isEqualTo(ScheduleStatus.DELETED);
    }

    @Test
    void deleting_twice_is_an_illegal_transition_and_emits_no_second_event() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id()));

        assertThatThrownBy(() -> f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id())))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(lifecycleEvents()).hasSize(1);
    }

    @Test
    void runs_already_due_are_left_to_the_processor() {
        f.clock.set(Instant.parse("2026-03-02T11:00:30Z"));

        StopScheduleUseCase.Result result = f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));

        assertThat(result.cancelledRuns()).isEqualTo(1);
        assertThat(pendingFireTimes()).containsExactly(ELEVEN);
    }

    @Test
    void stopping_an_unknown_schedule_is_not_found() {
        assertThatThrownBy(() -> f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(ScheduleId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void stopping_another_accounts_schedule_is_denied_and_changes_nothing() {
        assertThatThrownBy(() -> f.stopSchedule().execute(BOB, StopScheduleUseCase.Command.delete(schedule.id())))
                .isInstanceOf(AccessDeniedException.class);

        assertUnchanged();
    }

    @Test
    void a_failure_after_the_stopped_event_was_appended_rolls_everything_back() {
        StopScheduleService failing = f.stopSchedule(f.outboxFailingAfterAppend());

        assertThatThrownBy(() -> failing.execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failing.execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id())))
                .isInstanceOf(IllegalStateException.class);

        assertUnchanged();
    }

    // ---- UnpauseSchedule -----------------------------------------------------------------------

    @Test
    void unpausing_resumes_and_emits_one_unpaused_event() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(schedule.id(), T0.plus(Duration.ofDays(1))));
        f.clock.set(Instant.parse("2026-03-02T12:30:00Z"));

        UnpauseScheduleUseCase.Result result = f.unpauseSchedule().execute(ALICE, new UnpauseScheduleUseCase.Command(schedule.id()));

        assertThat(result.schedule().status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(result.schedule().pausedUntil()).isEmpty();
        assertThat(result.schedule().version()).isEqualTo(3);
        assertThat(result.nextFireTimes()).first().isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(lifecycleEvents()).hasSize(2).last().isInstanceOfSatisfying(ReportScheduleUnpausedEvent.class,
                e -> assertThat(e.actor()).isEqualTo("alice"));
    }

    @Test
    void unpausing_an_active_schedule_is_an_illegal_transition_without_an_event() {
        assertThatThrownBy(() -> f.unpauseSchedule().execute(ALICE, new UnpauseScheduleUseCase.Command(schedule.id())))
                .isInstanceOf(IllegalTransitionException.class);

        assertThat(lifecycleEvents()).isEmpty();
    }

    @Test
    void unpausing_a_deleted_schedule_is_an_illegal_transition() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(schedule.id()));

        assertThatThrownBy(() -> f.unpauseSchedule().execute(ALICE, new UnpauseScheduleUseCase.Command(schedule.id())))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void unpausing_unknown_or_foreign_schedules_fails() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));

        assertViolation(() -> new UnpauseScheduleUseCase.Command(null), "schedule_id");
        assertThatThrownBy(() -> f.unpauseSchedule().execute(ALICE, new UnpauseScheduleUseCase.Command(ScheduleId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.unpauseSchedule().execute(BOB, new UnpauseScheduleUseCase.Command(schedule.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.stored(schedule).status()).isEqualTo(ScheduleStatus.PAUSED);
    }

    @Test
    void a_failure_after_the_unpaused_event_was_appended_leaves_the_schedule_paused() {
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));

        assertThatThrownBy(() -> f.unpauseSchedule(f.outboxFailingAfterAppend())
                .execute(ALICE, new UnpauseScheduleUseCase.Command(schedule.id())))
                .isInstanceOf(IllegalStateException.class);

        assertThat(f.stored(schedule).status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(lifecycleEvents()).hasSize(1).first().isInstanceOf(ReportScheduleStoppedEvent.class);
    }

    @Test
    void a_skip_is_kept_across_a_pause_and_resume() {
        f.update().execute(ALICE, UpdateScheduleUseCase.Command.skip(schedule.id(), 1, NOON));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(schedule.id()));

        UnpauseScheduleUseCase.Result result = f.unpauseSchedule().execute(ALICE, new UnpauseScheduleUseCase.Command(schedule.id()));

        assertThat(result.nextFireTimes()).startsWith(ELEVEN, Instant.parse("2026-03-02T13:00:00Z"));
    }

    private void assertUnchanged() {
        assertThat(f.stored(schedule).status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(f.stored(schedule).version()).isEqualTo(1);
        assertThat(pendingFireTimes()).containsExactly(ELEVEN, NOON);
        assertThat(lifecycleEvents()).isEmpty();
    }

    /** Events after the creation of {@link #schedule}. */
    private List<com.grepsr.scheduler.domain.event.ActivityEvent> lifecycleEvents() {
        return f.events().stream().filter(e -> !(e instanceof ReportScheduleCreatedEvent)).toList();
    }

    private List<Instant> pendingFireTimes() {
        RunFilter pending = RunFilter.none().withSchedule(schedule.id()).withStatuses(Set.of(RunStatus.PENDING));
        return f.adapters.runs.list(pending, PageRequest.first(100)).items().stream().map(ScheduledRun::fireAt)
                .toList();
    }
}
