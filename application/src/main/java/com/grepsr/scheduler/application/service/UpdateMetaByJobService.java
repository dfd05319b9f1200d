package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.UpdateMetaByJobUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase.Report;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.service.TaskTransitions.Recorded;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;

import java.util.Objects;

/** UpdateMetaByJob: a report about a task named by its launch (job) name. */
public final class UpdateMetaByJobService implements UpdateMetaByJobUseCase {

    private final TaskStorePort tasks;
    private final UpdateTaskHistoryService reports;

    public UpdateMetaByJobService(TaskStorePort tasks, UpdateTaskHistoryService reports) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public UpdateTaskHistoryUseCase.Result execute(Caller caller, UpdateMetaByJobUseCase.Command command) {
        Task task = tasks.findByLaunchName(command.jobName())
                .orElseThrow(() -> new NotFoundException("task with job", command.jobName()));
        return reports.apply(caller, task, command.report());
    }
}
