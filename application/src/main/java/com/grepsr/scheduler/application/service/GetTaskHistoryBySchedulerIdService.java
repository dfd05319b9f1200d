package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.util.Objects;

/** GetTaskHistoryBySchedulerId: a schedule's task history, newest first. */
public final class GetTaskHistoryBySchedulerIdService implements GetTaskHistoryBySchedulerIdUseCase {

    private final TaskHistoryStorePort history;
    private final ScheduleStorePort schedules;

    public GetTaskHistoryBySchedulerIdService(TaskHistoryStorePort history, ScheduleStorePort schedules) {
        this.history = Objects.requireNonNull(history, "history");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
    }

    @Override
    public GetTaskHistoryBySchedulerIdUseCase.Result execute(Caller caller, GetTaskHistoryBySchedulerIdUseCase.Query q) {
        // Deleted schedules stay stored (status DELETED), so their history remains readable.
        Schedule schedule = schedules.find(q.scheduleId())
                .orElseThrow(() -> new NotFoundException("schedule", q.scheduleId().value()));
        caller.requireAccess(schedule.report().accountId(), "schedule " + schedule.id());
        return new GetTaskHistoryBySchedulerIdUseCase.Result(history.listBySchedule(schedule.id(), q.page()));
    }
}
