package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.schedule.ScheduleAccess;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;

import java.util.Objects;

/**
 * Loads a task a caller names by id: unknown is NOT_FOUND, another account's is ACCESS_DENIED.
 * Every task use case goes through here so the rule is written once (as {@link ScheduleAccess}).
 */
public final class TaskAccess {

    private final TaskStorePort tasks;

    public TaskAccess(TaskStorePort tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** The task, if it exists (NOT_FOUND otherwise); no access check: the caller makes its own. */
    public Task find(TaskId id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value()));
    }

    /** The task, if it exists and the caller may see it. */
    public Task load(Caller caller, TaskId id) {
        Task task = find(id);
        caller.requireAccess(task.report().accountId(), "task " + id.value());
        return task;
    }

    /** Fails unless {@code task} is a multi-process parent (named by the request's parent_task_id). */
    public static Task requireParent(Task task) {
        if (task.kind() != TaskKind.PARENT) {
            throw ValidationException.of("parent_task_id", "task " + task.id() + " is a " + task.kind()
                    + " task, not a multi-process parent");
        }
        return task;
    }
}
