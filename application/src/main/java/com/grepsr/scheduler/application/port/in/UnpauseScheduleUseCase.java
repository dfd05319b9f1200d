package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.List;

/**
 * UnpauseSchedule: resume a PAUSED schedule now (the calculator materializes its runs again) and
 * emit {@code ReportScheduleUnpausedEvent} in the same transaction. Occurrences that came due
 * while it was paused are not fired.
 */
public interface UnpauseScheduleUseCase {

    record Command(ScheduleId scheduleId) {
        public Command {
            if (scheduleId == null) {
                throw ValidationException.of("schedule_id", "is required");
            }
        }
    }

    /** The resumed schedule and its next fire times. */
    record Result(Schedule schedule, List<Instant> nextFireTimes) {
        public Result {
            nextFireTimes = List.copyOf(nextFireTimes);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException         unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException      another account's schedule
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException the schedule is not PAUSED
     */
    Result execute(Caller caller, Command command);
}
