package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.in.GetTasksStatusUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Answers questions about tasks named by id: their status, many statuses, their full detail. */
public final class TaskQueryService implements GetTaskStatusUseCase, GetTasksStatusUseCase, GetTaskInfoUseCase {

    private final TaskStorePort tasks;
    private final Clock clock;

    public TaskQueryService(TaskStorePort tasks, Clock clock) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GetTaskStatusUseCase.Result execute(Caller caller, GetTaskStatusUseCase.Query query) {
        return GetTaskStatusUseCase.Result.of(visibleTask(caller, query.taskId()));
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

    @Override
    public GetTaskInfoUseCase.Result execute(Caller caller, GetTaskInfoUseCase.Query query) {
        Task task = visibleTask(caller, query.taskId());
        Optional<ChildCounts> children = Optional.empty();
        if (task.kind() == TaskKind.PARENT) {
            TaskStats s = tasks.stats(TaskFilter.none().withParent(task.id()));
            long active = s.countsByStatus().entrySet().stream()
                    .filter(e -> e.getKey().isActive()).mapToLong(Map.Entry::getValue).sum();
            children = Optional.of(new ChildCounts(s.countsByStatus(), s.total(), active));
        }
        return new GetTaskInfoUseCase.Result(task, task.duration(clock.instant()), children);
    }

    private Task visibleTask(Caller caller, TaskId id) {
        Task task = tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value()));
        caller.requireAccess(task.report().accountId(), "task " + id);
        return task;
    }
}
