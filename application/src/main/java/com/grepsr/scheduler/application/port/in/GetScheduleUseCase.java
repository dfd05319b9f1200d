package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

/**
 * GetSchedule (an addition to the original 31): one schedule by id, with its current version,
 * which a client needs before UpdateSchedule, and its next run.
 */
public interface GetScheduleUseCase {

    record Query(ScheduleId scheduleId) {
        public Query {
            if (scheduleId == null) {
                throw ValidationException.of("schedule_id", "is required");
            }
        }
    }

    record Result(ScheduleSummary schedule) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException    unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException another account's schedule
     */
    Result execute(Caller caller, Query query);
}
