package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryInfoUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;

import java.util.Objects;

/** Reads task history: a schedule's, newest first, or one entry by its sequence number. */
public final class TaskHistoryQueryService implements GetTaskHistoryBySchedulerIdUseCase, GetTaskHistoryInfoUseCase {

    private final TaskHistoryStorePort history;
    private final ScheduleStorePort schedules;

    public TaskHistoryQueryService(TaskHistoryStorePort history, ScheduleStorePort schedules) {
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

    @Override
    public GetTaskHistoryInfoUseCase.Result execute(Caller caller, GetTaskHistoryInfoUseCase.Query q) {
        TaskHistoryEntry entry = history.find(q.sequence())
                .orElseThrow(() -> new NotFoundException("task history entry", Long.toString(q.sequence())));
        caller.requireAccess(entry.accountId(), "task history entry " + q.sequence());
        return new GetTaskHistoryInfoUseCase.Result(entry);
    }
}
