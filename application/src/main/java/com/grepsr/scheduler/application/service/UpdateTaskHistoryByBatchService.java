package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase.Report;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.ValidationException.FieldViolation;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** UpdateTaskHistoryByBatch: many reports at once, each standing alone (users only). */
public final class UpdateTaskHistoryByBatchService implements UpdateTaskHistoryByBatchUseCase {

    private final UpdateTaskHistoryUseCase single;

    public UpdateTaskHistoryByBatchService(UpdateTaskHistoryUseCase single) {
        this.single = Objects.requireNonNull(single, "single");
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
                results.add(ItemResult.updated(i, single.execute(caller, one).task()));
            } catch (DomainException e) {
                // Each item stands alone: record why it failed and go on with the next.
                results.add(ItemResult.failed(i, item.taskId(), e));
            }
        }
        return new UpdateTaskHistoryByBatchUseCase.Result(results);
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
