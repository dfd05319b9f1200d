package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;

/**
 * StopTask: stop one task. A QUEUED task is only marked STOPPED (it has no crawler yet); a
 * launched one has its crawler stopped first. Stopping a multi-process parent stops its children
 * and drops its queued work.
 */
public interface StopTaskUseCase {

    record Command(TaskId taskId, String reason) {
        public Command {
            if (taskId == null) {
                throw ValidationException.of("task_id", "is required");
            }
            reason = Checks.text("reason", reason, StopRunUseCase.MAX_REASON_LENGTH, false);
        }

        public static Command of(TaskId taskId) {
            return new Command(taskId, "");
        }
    }

    /**
     * @param task    the task as stored afterwards
     * @param stopped every task this call stopped: children of a parent first, the task last
     */
    record Result(Task task, List<TaskId> stopped) {
        public Result {
            stopped = List.copyOf(stopped);
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's task
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException when it has already finished
     */
    Result execute(Caller caller, Command command);
}
