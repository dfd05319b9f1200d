package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * GetTasksStatus: the status of many tasks at once. Ids that name no task are listed in
 * {@link Result#notFound()} instead of failing the call: a client polling a set of tasks should
 * not lose the answer for all of them because one was purged or mistyped. A task of another
 * account, however, fails the whole call (the caller named it explicitly).
 */
public interface GetTasksStatusUseCase {

    int MAX_IDS = 500;

    /** @param taskIds 1 to {@value #MAX_IDS} ids; repeats are answered once */
    record Query(List<TaskId> taskIds) {
        public Query {
            if (taskIds == null || taskIds.isEmpty()) {
                throw ValidationException.of("task_ids", "at least one id is required");
            }
            if (taskIds.size() > MAX_IDS) {
                throw ValidationException.of("task_ids", "at most " + MAX_IDS + " ids per call, got " + taskIds.size());
            }
            if (taskIds.stream().anyMatch(Objects::isNull)) { // List.of(..).contains(null) would throw
                throw ValidationException.of("task_ids", "must not contain an empty id");
            }
            taskIds = List.copyOf(new LinkedHashSet<>(taskIds));
        }
    }

    /**
     * @param statuses the tasks found, in the order their ids were asked for
     * @param notFound the ids that name no task, in the order asked
     */
    record Result(List<GetTaskStatusUseCase.Result> statuses, List<TaskId> notFound) {
        public Result {
            statuses = List.copyOf(statuses);
            notFound = List.copyOf(notFound);
        }
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException if any id is another account's task */
    Result execute(Caller caller, Query query);
}
