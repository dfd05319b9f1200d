package com.grepsr.scheduler.application.schedule;

import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.domain.recurrence.Bounds;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static com.grepsr.scheduler.application.schedule.ScheduleUseCaseFixture.*;

/** Times at the edge of what Java can hold are refused as bad input, never overflow into a crash. */
class ClientTimesValidationTest {

    private static final ScheduleId ID = ScheduleId.of("s1");

    @Test
    void instants_outside_the_supported_years_are_validation_errors() {
        assertViolation(() -> StopScheduleUseCase.Command.pauseUntil(ID, Instant.MAX), "pause_until");
        assertViolation(() -> UpdateScheduleUseCase.Command.skip(ID, 1, Instant.MIN), "skip_occurrence");
        assertViolation(() -> new GetNextSchedulesUseCase.Query(Optional.of(ID), null, 5, Optional.of(Instant.MAX)),
                "after");
        assertViolation(() -> new GetUpcomingAccountSchedulesUseCase.Query(Optional.of(ACME), Optional.of(Instant.MAX),
                null, null), "from");
        assertViolation(() -> new GetMissedScheduleRunsUseCase.Query(Optional.of(ID), null, null, false,
                Optional.of(Instant.MIN), null, null), "from");
        assertViolation(() -> new GetAllMissedRunsUseCase.Query(null, false, null, Optional.of(Instant.MAX), null),
                "to");
        assertViolation(() -> new GetScheduledTasksUseCase.Query(null, null, null, null, Optional.of(Instant.MAX),
                null), "to");
    }

    @Test
    void local_times_outside_the_supported_years_are_validation_errors() {
        RecurrenceSpec hourly = new RecurrenceSpec.FixedInterval(Duration.ofHours(1));
        assertViolation(() -> TimingInput.of(hourly, LONDON, LocalDateTime.MAX), "timing.start");
        assertViolation(() -> new TimingInput(hourly, LONDON, LocalDateTime.parse("2026-03-02T11:00:00"),
                LocalDateTime.MAX, null, null, null, null), "timing.end");
        assertViolation(() -> TimingInput.of(new RecurrenceSpec.OneTime(LocalDateTime.MIN), LONDON, null),
                "timing.recurrence");
        assertViolation(() -> TimingInput.ofForm(new ScheduleForm(LocalDateTime.MAX.minusDays(1),
                ScheduleForm.Repeat.NEVER, 0, null, null, null), LONDON), "form.start");
    }

    @Test
    void too_many_excluded_dates_are_refused() {
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i <= Bounds.MAX_EXCLUDED_DATES; i++) {
            dates.add(LocalDate.parse("2026-01-01").plusDays(i));
        }
        assertViolation(() -> new TimingInput(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), LONDON,
                LocalDateTime.parse("2026-03-02T11:00:00"), null, null, dates, null, null), "timing.excluded_dates");
    }
}
