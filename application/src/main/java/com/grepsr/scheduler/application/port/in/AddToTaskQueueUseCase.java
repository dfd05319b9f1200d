package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.TaskId;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * AddToTaskQueue: add work items to a multi-process parent's queue. Each item becomes one CHILD
 * task, launched in the order added as soon as the parent's parallelism allows (counting the
 * children already running); the rest wait and start as running children finish.
 */
public interface AddToTaskQueueUseCase {

    int MAX_ITEMS = 1000;
    int MAX_PAYLOAD_BYTES = 64 * 1024;

    /**
     * @param parentTaskId the multi-process parent
     * @param payloads     1..{@value #MAX_ITEMS} non-empty payloads of at most 64 KiB (UTF-8) each
     */
    record Command(TaskId parentTaskId, List<String> payloads) {
        public Command {
            if (parentTaskId == null) {
                throw ValidationException.of("parent_task_id", "is required");
            }
            if (payloads == null || payloads.isEmpty()) {
                throw ValidationException.of("payloads", "at least one work item is required");
            }
            if (payloads.size() > MAX_ITEMS) {
                throw ValidationException.of("payloads", "at most " + MAX_ITEMS + " items per call, got "
                        + payloads.size());
            }
            for (int i = 0; i < payloads.size(); i++) {
                check(i, payloads.get(i));
            }
            payloads = List.copyOf(payloads);
        }

        private static void check(int i, String payload) {
            String field = "payloads[" + i + "]";
            if (payload == null || payload.isEmpty()) {
                throw ValidationException.of(field, "must not be empty");
            }
            // cheap bound first: UTF-8 takes at least one byte per char
            if (payload.length() > MAX_PAYLOAD_BYTES
                    || payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                throw ValidationException.of(field, "must be at most " + MAX_PAYLOAD_BYTES + " bytes (UTF-8)");
            }
            if (payload.indexOf('\0') >= 0) {
                throw ValidationException.of(field, "must not contain NUL characters");
            }
        }
    }

    /**
     * @param added    how many items were queued
     * @param pending  items still waiting after the launches this call made
     * @param launched children started by this call
     */
    record Result(int added, long pending, List<TaskId> launched) {
        public Result {
            launched = List.copyOf(launched);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's task
     * @throws ValidationException when the task is not a multi-process parent
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException when the parent has finished
     */
    Result execute(Caller caller, Command command);
}
