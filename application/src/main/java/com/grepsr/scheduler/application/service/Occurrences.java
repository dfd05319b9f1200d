package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A saved schedule's future fire times as users see them: skipped occurrences and pauses applied. */
final class Occurrences {

    private Occurrences() {
    }

    /**
     * Up to {@code count} fire times strictly after {@code after}. DELETED and COMPLETED schedules
     * have none; a PAUSED one with a pause-until fires from that instant on (an indefinite pause
     * shows what would fire once resumed).
     */
    static List<Instant> upcoming(Schedule schedule, Instant after, int count) {
        if (schedule.status() == ScheduleStatus.DELETED || schedule.status() == ScheduleStatus.COMPLETED) {
            return List.of();
        }
        Instant from = after;
        Optional<Instant> until = schedule.pausedUntil();
        if (until.isPresent() && until.get().isAfter(after)) {
            from = until.get().minusNanos(1); // the resume instant itself may fire
        }
        return withoutSkipped(schedule, from, count);
    }

    /** The next fire time after {@code after} of an ACTIVE schedule; empty otherwise. */
    static Optional<Instant> nextRun(Schedule schedule, Instant after) {
        if (!schedule.isActive()) {
            return Optional.empty();
        }
        return withoutSkipped(schedule, after, 1).stream().findFirst();
    }

    private static List<Instant> withoutSkipped(Schedule schedule, Instant after, int count) {
        return schedule.occurrences(after, Instant.MAX, count);
    }

    /** A schedule as lists show it: with its next run after {@code now}. */
    static GetSchedulesUseCase.ScheduleSummary summary(Schedule schedule, Instant now) {
        return new GetSchedulesUseCase.ScheduleSummary(schedule, nextRun(schedule, now));
    }
}
