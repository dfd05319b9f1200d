package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase.Query;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ScheduleUseCaseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetNextSchedulesServiceTest {

    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant ONE_PM = Instant.parse("2026-03-02T13:00:00Z");

    private final ScheduleUseCaseFixture f = new ScheduleUseCaseFixture();

    @Test
    void lists_a_saved_schedules_next_fire_times_after_now() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));

        GetNextSchedulesUseCase.Result result = f.nextSchedules().execute(ALICE, Query.ofSchedule(s.id(), 3));

        assertThat(result.fireTimes()).containsExactly(ELEVEN, NOON, ONE_PM);
        assertThat(result.status()).contains(ScheduleStatus.ACTIVE);
        assertThat(result.localFireTimes()).first().hasToString("2026-03-02T11:00Z[Europe/London]");
    }

    @Test
    void lists_after_a_given_instant() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));

        assertThat(f.nextSchedules().execute(ALICE, new Query(Optional.of(s.id()), null, 2, Optional.of(NOON)))
                .fireTimes()).containsExactly(ONE_PM, Instant.parse("2026-03-02T14:00:00Z"));
    }

    @Test
    void leaves_out_skipped_occurrences_and_time_before_a_pause_ends() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.update().execute(ALICE, UpdateScheduleUseCase.Command.skip(s.id(), 1, ELEVEN));
        assertThat(f.nextSchedules().execute(ALICE, Query.ofSchedule(s.id(), 2)).fireTimes())
                .containsExactly(NOON, ONE_PM);

        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), ONE_PM));

        GetNextSchedulesUseCase.Result paused = f.nextSchedules().execute(ALICE, Query.ofSchedule(s.id(), 2));
        assertThat(paused.fireTimes()).containsExactly(ONE_PM, Instant.parse("2026-03-02T14:00:00Z"));
        assertThat(paused.status()).contains(ScheduleStatus.PAUSED);
    }

    @Test
    void a_deleted_schedule_has_no_next_fire_times() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));
        f.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.delete(s.id()));

        GetNextSchedulesUseCase.Result result = f.nextSchedules().execute(ALICE, Query.ofSchedule(s.id(), 5));

        assertThat(result.fireTimes()).isEmpty();
        assertThat(result.status()).contains(ScheduleStatus.DELETED);
    }

    @Test
    void previews_an_unsaved_timing_and_writes_nothing() {
        TimingInput threeRuns = new TimingInput(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), LONDON,
                LocalDateTime.parse("2026-03-02T11:00:00"), null, 3, null, null, null);

        GetNextSchedulesUseCase.Result result = f.nextSchedules().execute(ALICE, Query.preview(threeRuns, 10));

        assertThat(result.fireTimes()).containsExactly(ELEVEN, NOON, ONE_PM); // max runs: 3
        assertThat(result.status()).isEmpty();
        assertThat(f.adapters.schedules.list(ScheduleFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(f.adapters.runs.nextDueAt()).isEmpty();
        assertThat(f.events()).isEmpty();
    }

    @Test
    void previews_the_platforms_form() {
        ScheduleForm once = new ScheduleForm(LocalDateTime.parse("2026-03-05T09:00:00"), ScheduleForm.Repeat.NEVER,
                0, null, null, null);

        GetNextSchedulesUseCase.Result result = f.nextSchedules().execute(ALICE,
                Query.preview(TimingInput.ofForm(once, "Asia/Kathmandu"), 5));

        // Kathmandu is UTC+05:45 all year
        assertThat(result.fireTimes()).containsExactly(Instant.parse("2026-03-05T03:15:00Z"));
    }

    @Test
    void previews_a_time_in_the_spring_forward_gap_at_the_end_of_the_gap() {
        // London springs forward on 2026-03-29: 01:00 GMT becomes 02:00 BST, so 01:30 does not exist
        GetNextSchedulesUseCase.Result result = f.nextSchedules().execute(ALICE,
                Query.preview(onceAt("2026-03-29T01:30:00"), 1));

        assertThat(result.fireTimes()).containsExactly(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void refuses_bad_queries_each_on_its_own_field() {
        ScheduleId id = ScheduleId.of("s1");
        assertViolation(() -> Query.ofSchedule(id, 0), "count");
        assertViolation(() -> Query.ofSchedule(id, GetNextSchedulesUseCase.MAX_COUNT + 1), "count");
        assertViolation(() -> new Query(null, null, 5, null), "schedule_id");
        assertViolation(() -> new Query(Optional.of(id), Optional.of(hourly()), 5, null), "schedule_id");
        assertViolation(() -> Query.preview(TimingInput.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)),
                "Nowhere/Special", LocalDateTime.parse("2026-03-02T11:00:00")), 5), "timing.zone");
        assertViolation(() -> Query.preview(every(Duration.ofDays(400)), 5), "timing.recurrence");
    }

    @Test
    void lists_up_to_the_maximum_count() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));

        assertThat(f.nextSchedules().execute(ALICE, Query.ofSchedule(s.id(), GetNextSchedulesUseCase.MAX_COUNT))
                .fireTimes()).hasSize(GetNextSchedulesUseCase.MAX_COUNT).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void an_unknown_or_foreign_schedule_fails() {
        Schedule s = f.hourlySchedule(ALICE, acmeReport("r1"));

        assertThatThrownBy(() -> f.nextSchedules().execute(ALICE, Query.ofSchedule(ScheduleId.of("nope"), 5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.nextSchedules().execute(BOB, Query.ofSchedule(s.id(), 5)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
