package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * UpdateTaskHistoryByBatch: many {@link UpdateTaskHistoryUseCase} reports in one call. Each item
 * is applied on its own (its own transaction): a bad item — invalid, unknown, foreign, an illegal
 * move — is reported in its {@link ItemResult} and does not stop or undo the others.
 */
public interface UpdateTaskHistoryByBatchUseCase {

    int MAX_ITEMS = 500;

    /**
     * One report, as the client sent it: fields are checked when the item is applied, so that
     * a bad one fails that item alone.
     *
     * @param status null to keep the task's status
     */
    record Item(String taskId, TaskStatus status, Integer progress, String message, Map<String, String> metadata) {
    }

    record Command(List<Item> items) {
        public Command {
            if (items == null || items.isEmpty()) {
                throw ValidationException.of("items", "at least one item is required");
            }
            if (items.size() > MAX_ITEMS) {
                throw ValidationException.of("items", "at most " + MAX_ITEMS + " items per call, got " + items.size());
            }
            if (items.stream().anyMatch(Objects::isNull)) {
                throw ValidationException.of("items", "must not contain an empty item");
            }
            items = List.copyOf(items);
        }
    }

    /** How one item ended. (A report only changes a task, so "already exists" is not among them.) */
    enum Outcome { UPDATED, INVALID, NOT_FOUND, ACCESS_DENIED, ILLEGAL_TRANSITION, VERSION_CONFLICT }

    /**
     * @param index  the item's position in the command
     * @param task   the task after the update (UPDATED only)
     * @param error  why the item failed (any other outcome); an adapter maps it like a whole call's error
     */
    record ItemResult(int index, String taskId, Optional<Task> task, Optional<DomainException> error) {

        public ItemResult {
            // an error no outcome names is a bug in the caller: fail where it is made, not when mapped
            error.ifPresent(ItemResult::outcomeOf);
        }

        public static ItemResult updated(int index, Task task) {
            return new ItemResult(index, task.id().value(), Optional.of(task), Optional.empty());
        }

        public static ItemResult failed(int index, String taskId, DomainException error) {
            return new ItemResult(index, taskId, Optional.empty(), Optional.of(error));
        }

        public Outcome outcome() {
            return error.map(ItemResult::outcomeOf).orElse(Outcome.UPDATED);
        }

        private static Outcome outcomeOf(DomainException e) {
            if (e instanceof ValidationException) {
                return Outcome.INVALID;
            } else if (e instanceof NotFoundException) {
                return Outcome.NOT_FOUND;
            } else if (e instanceof AccessDeniedException) {
                return Outcome.ACCESS_DENIED;
            } else if (e instanceof IllegalTransitionException) {
                return Outcome.ILLEGAL_TRANSITION;
            } else if (e instanceof VersionConflictException) {
                return Outcome.VERSION_CONFLICT;
            }
            throw new IllegalArgumentException("no batch outcome for " + e.getClass().getSimpleName()
                    + ": a report only changes a task", e);
        }
    }

    /** One result per item, in the items' order. */
    record Result(List<ItemResult> items) {
        public Result {
            items = List.copyOf(items);
        }

        public long updated() {
            return items.stream().filter(i -> i.error().isEmpty()).count();
        }

        public long failed() {
            return items.size() - updated();
        }
    }

    Result execute(Caller caller, Command command);
}
