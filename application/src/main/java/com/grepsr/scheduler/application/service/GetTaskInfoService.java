package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** GetTaskInfo: one task in full, with its run time so far and, for a multi-process parent, its children's counts. */
public final class GetTaskInfoService implements GetTaskInfoUseCase {

    private final TaskStorePort tasks;
    private final TaskAccess access;
    private final Clock clock;

    public GetTaskInfoService(TaskStorePort tasks, Clock clock) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.access = new TaskAccess(tasks);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GetTaskInfoUseCase.Result execute(Caller caller, GetTaskInfoUseCase.Query query) {
        Task task = access.load(caller, query.taskId());
        Optional<ChildCounts> children = Optional.empty();
        if (task.kind() == TaskKind.PARENT) {
            TaskStats s = tasks.stats(TaskFilter.none().withParent(task.id()));
            long active = s.countsByStatus().entrySet().stream()
                    .filter(e -> e.getKey().isActive()).mapToLong(Map.Entry::getValue).sum();
            children = Optional.of(new ChildCounts(s.countsByStatus(), s.total(), active));
        }
        return new GetTaskInfoUseCase.Result(task, task.duration(clock.instant()), children);
    }
}
