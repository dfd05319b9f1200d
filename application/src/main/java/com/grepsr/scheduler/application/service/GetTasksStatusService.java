package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.in.GetTasksStatusUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** GetTasksStatus: many tasks' statuses by id; ids not found are listed, a foreign one fails the call. */
public final class GetTasksStatusService implements GetTasksStatusUseCase {

    private final TaskStorePort tasks;

    public GetTasksStatusService(TaskStorePort tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public GetTasksStatusUseCase.Result execute(Caller caller, GetTasksStatusUseCase.Query query) {
        caller.requireUser("GetTasksStatus"); // even for ids that turn out unknown: a crawler reads nothing
        Map<TaskId, Task> found = tasks.findAll(query.taskIds()).stream()
                .collect(Collectors.toMap(Task::id, Function.identity(), (a, b) -> a));
        // Check every found task first: a foreign id fails the call before anything is answered.
        found.values().forEach(t -> caller.requireAccess(t.report().accountId(), "task " + t.id()));
        List<GetTaskStatusUseCase.Result> statuses = new ArrayList<>();
        List<TaskId> notFound = new ArrayList<>();
        for (TaskId id : query.taskIds()) {
            Task t = found.get(id);
            if (t == null) {
                notFound.add(id);
            } else {
                statuses.add(GetTaskStatusUseCase.Result.of(t));
            }
        }
        return new GetTasksStatusUseCase.Result(statuses, notFound);
    }
}
