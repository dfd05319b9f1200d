package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static com.grepsr.scheduler.application.service.Scenario.ALICE;
import static com.grepsr.scheduler.application.service.Scenario.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules made the way platform users make them (the "Create a schedule" form, turned into an
 * RRULE) and an RRULE written by hand, end to end: what GetNextSchedules previews before saving is
 * exactly what then runs.
 */
class FormScheduleScenarioTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void every_two_weeks_on_monday_and_thursday_until_the_end_of_the_month_runs_as_previewed_then_completes() {
        Scenario s = new Scenario(T0, Duration.ofMinutes(2));
        // Tuesday 1 December 09:00, London (UTC in winter); the weeks of 30 Nov, 14 Dec and 28 Dec
        TimingInput form = TimingInput.ofForm(new ScheduleForm(LocalDateTime.parse("2026-12-01T09:00:00"),
                ScheduleForm.Repeat.WEEKLY, 2, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null,
                LocalDate.parse("2026-12-31")), "Europe/London");
        List<Instant> expected = List.of(Instant.parse("2026-12-03T09:00:00Z"), Instant.parse("2026-12-14T09:00:00Z"),
                Instant.parse("2026-12-17T09:00:00Z"), Instant.parse("2026-12-28T09:00:00Z"),
                Instant.parse("2026-12-31T09:00:00Z"));
        assertThat(s.core().useCases().getNextSchedules().execute(ALICE, GetNextSchedulesUseCase.Query.preview(form, 10))
                .fireTimes()).isEqualTo(expected);

        Schedule schedule = s.core().useCases().schedule().execute(ALICE, ScheduleUseCase.Command.of("fortnightly", REPORT, form))
                .schedule();
        s.run(Duration.ofDays(31), Duration.ofHours(1)); // to 2027-01-01T00:00Z

        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).isEqualTo(expected);
        assertThat(s.runs(schedule.id())).hasSize(expected.size());
        assertThat(s.tasks(schedule.id())).hasSize(5).allMatch(t -> t.status() == TaskStatus.SUCCEEDED)
                .extracting(t -> t.startedAt().orElseThrow()).isEqualTo(expected);
        assertThat(s.schedule(schedule.id()).status()).isEqualTo(ScheduleStatus.COMPLETED);
        assertThat(s.missedRuns(schedule.id())).isEmpty();
        assertThat(s.eventTypes()).containsExactly("ReportScheduleCreatedEvent");
    }

    @Test
    void an_rrule_on_the_last_weekday_of_the_month_fires_there_and_nowhere_else() {
        Scenario s = new Scenario(T0, Duration.ofMinutes(2));
        TimingInput lastFriday = TimingInput.of(new RecurrenceSpec.RRule("FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=18;BYMINUTE=0"),
                "America/New_York", LocalDateTime.parse("2026-12-01T00:00:00"));
        Schedule schedule = s.core().useCases().schedule().execute(ALICE, ScheduleUseCase.Command.of("last friday", REPORT,
                lastFriday)).schedule();
        s.run(Duration.ofDays(62), Duration.ofHours(1)); // to 2027-01-31T00:00Z
        // 25 Dec 2026 and 29 Jan 2027, 18:00 EST = 23:00Z
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).containsExactly(
                Instant.parse("2026-12-25T23:00:00Z"), Instant.parse("2027-01-29T23:00:00Z"));
        assertThat(s.tasks(schedule.id())).extracting(Task::status).containsOnly(TaskStatus.SUCCEEDED);
        assertThat(s.scheduledTasks(schedule.id())).isEmpty(); // 26 Feb is beyond the 3-day horizon
    }
}
