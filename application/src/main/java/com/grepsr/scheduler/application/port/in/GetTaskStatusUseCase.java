package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.Optional;

/** GetTaskStatus: the status of one task. */
public interface GetTaskStatusUseCase {

    record Query(TaskId taskId) {
        public Query {
            if (taskId == null) {
                throw ValidationException.of("task_id", "is required");
            }
        }
    }

    record Result(TaskId taskId, TaskStatus status, Optional<Integer> progress, String message, Instant updatedAt) {

        /** The status part of a task. */
        public static Result of(Task task) {
            return new Result(task.id(), task.status(), task.progress(), task.message(), task.updatedAt());
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's task
     */
    Result execute(Caller caller, Query query);
}
