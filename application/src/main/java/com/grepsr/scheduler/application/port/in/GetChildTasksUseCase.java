package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.List;
import java.util.Set;

/** GetChildTasks: the children of a multi-process parent, newest first, one page at a time. */
public interface GetChildTasksUseCase {

    /**
     * @param parentTaskId the parent
     * @param statuses     only children in these statuses; empty for all
     * @param page         page size and token
     */
    record Query(TaskId parentTaskId, Set<TaskStatus> statuses, PageRequest page) {
        public Query {
            if (parentTaskId == null) {
                throw ValidationException.of("parent_task_id", "is required");
            }
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
        }

        public static Query of(TaskId parent) {
            return new Query(parent, Set.of(), null);
        }
    }

    record Result(List<Task> children, String nextPageToken) {
        public Result {
            children = List.copyOf(children);
            nextPageToken = nextPageToken == null ? "" : nextPageToken;
        }
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown or foreign task
     * @throws ValidationException when the task is not a multi-process parent, or for a bad page token
     */
    Result execute(Caller caller, Query query);
}
