package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;

/**
 * StopChildTasks: stop every active child of a multi-process parent and drop the work still
 * queued for it. The parent itself is left to finish: with no work and no active child left it
 * ends FAILED (not every child succeeded), which its coordinator records.
 */
public interface StopChildTasksUseCase {

    record Command(TaskId parentTaskId, String reason) {
        public Command {
            if (parentTaskId == null) {
                throw ValidationException.of("parent_task_id", "is required");
            }
            reason = Checks.text("reason", reason, StopRunUseCase.MAX_REASON_LENGTH, false);
        }

        public static Command of(TaskId parent) {
            return new Command(parent, "");
        }
    }

    /**
     * @param stopped          the children this call stopped
     * @param droppedWorkItems queued work items removed
     */
    record Result(List<TaskId> stopped, long droppedWorkItems) {
        public Result {
            stopped = List.copyOf(stopped);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's task
     * @throws ValidationException when the task is not a multi-process parent
     */
    Result execute(Caller caller, Command command);
}
