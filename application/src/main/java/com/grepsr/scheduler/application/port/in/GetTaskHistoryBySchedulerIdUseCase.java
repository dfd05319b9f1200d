package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;

/** GetTaskHistoryBySchedulerId: the history entries of all tasks of one schedule, newest first. */
public interface GetTaskHistoryBySchedulerIdUseCase {

    record Query(ScheduleId scheduleId, PageRequest page) {
        public Query {
            if (scheduleId == null) {
                throw ValidationException.of("schedule_id", "is required");
            }
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
        }
    }

    record Result(Page<TaskHistoryEntry> entries) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown schedule
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's schedule
     */
    Result execute(Caller caller, Query query);
}
