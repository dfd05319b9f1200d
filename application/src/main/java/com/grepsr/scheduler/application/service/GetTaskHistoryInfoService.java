package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryInfoUseCase;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;

import java.util.Objects;

/** GetTaskHistoryInfo: one history entry by its sequence number. */
public final class GetTaskHistoryInfoService implements GetTaskHistoryInfoUseCase {

    private final TaskHistoryStorePort history;

    public GetTaskHistoryInfoService(TaskHistoryStorePort history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public GetTaskHistoryInfoUseCase.Result execute(Caller caller, GetTaskHistoryInfoUseCase.Query q) {
        TaskHistoryEntry entry = history.find(q.sequence())
                .orElseThrow(() -> new NotFoundException("task history entry", Long.toString(q.sequence())));
        caller.requireAccess(entry.accountId(), "task history entry " + q.sequence());
        return new GetTaskHistoryInfoUseCase.Result(entry);
    }
}
