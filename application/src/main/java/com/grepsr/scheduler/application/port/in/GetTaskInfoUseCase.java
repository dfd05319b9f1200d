package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * GetTaskInfo: everything about one task — its origin (kind, report, schedule, run, parent,
 * parameters, limits), status, progress, last message, launch name, timestamps, how long it has
 * run and, for a multi-process parent, how many children are in each status.
 */
public interface GetTaskInfoUseCase {

    record Query(TaskId taskId) {
        public Query {
            if (taskId == null) {
                throw ValidationException.of("task_id", "is required");
            }
        }
    }

    /** How a parent's children stand. */
    record ChildCounts(Map<TaskStatus, Long> byStatus, long total, long active) {
        public ChildCounts {
            byStatus = Map.copyOf(byStatus);
        }
    }

    /**
     * @param task     the task (origin, parameters, status, progress, message, launch name, timestamps)
     * @param duration run time so far (or in all, once finished); empty before it started
     * @param children present for a PARENT task only
     */
    record Result(Task task, Optional<Duration> duration, Optional<ChildCounts> children) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's task
     */
    Result execute(Caller caller, Query query);
}
