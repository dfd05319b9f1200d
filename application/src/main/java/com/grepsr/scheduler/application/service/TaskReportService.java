package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.UpdateMetaByJobUseCase;
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
 * Takes crawlers' reports about their tasks — by task id, by launch (job) name, or many at once —
 * and records them through {@link TaskTransitions}. A crawler's token may report on its own
 * task one report at a time ({@link Caller#requireReportOn}); batches are for users.
 */
public final class TaskReportService
        implements UpdateTaskHistoryUseCase, UpdateMetaByJobUseCase, UpdateTaskHistoryByBatchUseCase {

    private final TaskStorePort tasks;
    private final TaskTransitions transitions;

    public TaskReportService(TaskStorePort tasks, TaskTransitions transitions) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
    }

    @Override
    public UpdateTaskHistoryUseCase.Result execute(Caller caller, UpdateTaskHistoryUseCase.Command command) {
        Task task = tasks.find(command.taskId())
                .orElseThrow(() -> new NotFoundException("task", command.taskId().value()));
        return apply(caller, task, command.report());
    }

    @Override
    public UpdateTaskHistoryUseCase.Result execute(Caller caller, UpdateMetaByJobUseCase.Command command) {
        Task task = tasks.findByLaunchName(command.jobName())
                .orElseThrow(() -> new NotFoundException("task with job", command.jobName()));
        return apply(caller, task, command.report());
    }

    @Override
    public UpdateTaskHistoryByBatchUseCase.Result execute(Caller caller, UpdateTaskHistoryByBatchUseCase.Command command) {
        // a crawler reports on its one task with UpdateTaskHistory; batches are the platform's
        caller.requireUser("UpdateTaskHistoryByBatch");
        List<ItemResult> results = new ArrayList<>(command.items().size());
        for (int i = 0; i < command.items().size(); i++) {
            Item item = command.items().get(i);
            try {
                UpdateTaskHistoryUseCase.Command one = toCommand(i, item);
                results.add(ItemResult.updated(i, execute(caller, one).task()));
            } catch (DomainException e) {
                // Each item stands alone: record why it failed and go on with the next.
                results.add(ItemResult.failed(i, item.taskId(), e));
            }
        }
        return new UpdateTaskHistoryByBatchUseCase.Result(results);
    }

    private UpdateTaskHistoryUseCase.Result apply(Caller caller, Task task, Report report) {
        // The account of a task never changes, so checking it on this read is as good as inside the write.
        caller.requireReportOn(task);
        Recorded r = transitions.record(task.id(), report.status().orElse(null), report.progress().orElse(null),
                report.messageOrNull(), report.metadata(), Source.CRAWLER);
        return new UpdateTaskHistoryUseCase.Result(r.task(), r.entry());
    }

    /** The item as a command, its violations named by position ({@code items[3].progress}). */
    private static UpdateTaskHistoryUseCase.Command toCommand(int index, Item item) {
        try {
            return new UpdateTaskHistoryUseCase.Command(TaskId.of(item.taskId()),
                    new Report(Optional.ofNullable(item.status()), Optional.ofNullable(item.progress()),
                            item.message(), item.metadata()));
        } catch (ValidationException e) {
            String prefix = "items[" + index + "].";
            throw new ValidationException(e.violations().stream()
                    .map(v -> new FieldViolation(prefix + v.field(), v.description())).toList());
        }
    }
}
