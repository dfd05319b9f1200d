package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase.Report;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.service.TaskTransitions.Recorded;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.ValidationException.FieldViolation;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * UpdateTaskHistory: a crawler's report about its task (status, progress, message), recorded
 * through {@link TaskTransitions}. A crawler's token may report on its own task only
 * ({@link Caller#requireReportOn}).
 */
public final class UpdateTaskHistoryService implements UpdateTaskHistoryUseCase {

    private final TaskStorePort tasks;
    private final TaskTransitions transitions;

    public UpdateTaskHistoryService(TaskStorePort tasks, TaskTransitions transitions) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
    }

    @Override
    public UpdateTaskHistoryUseCase.Result execute(Caller caller, UpdateTaskHistoryUseCase.Command command) {
        Task task = tasks.find(command.taskId())
                .orElseThrow(() -> new NotFoundException("task", command.taskId().value()));
        return apply(caller, task, command.report());
    }

    /** Records {@code report} on {@code task}, which the caller found by id or by launch name. */
    UpdateTaskHistoryUseCase.Result apply(Caller caller, Task task, Report report) {
        // The account of a task never changes, so checking it on this read is as good as inside the write.
        caller.requireReportOn(task);
        Recorded r = transitions.record(task.id(), report.status().orElse(null), report.progress().orElse(null),
                report.messageOrNull(), report.metadata(), Source.CRAWLER);
        return new UpdateTaskHistoryUseCase.Result(r.task(), r.entry());
    }
}
