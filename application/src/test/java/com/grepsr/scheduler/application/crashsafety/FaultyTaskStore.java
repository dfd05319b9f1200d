package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The victim's task store: reports task inserts and changes to LAUNCHING to the injector. */
final class FaultyTaskStore implements TaskStorePort {

    private final TaskStorePort delegate;
    private final FaultInjector faults;

    FaultyTaskStore(TaskStorePort delegate, FaultInjector faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void insert(Task task) {
        faults.before(Step.TASK_INSERT);
        delegate.insert(task);
        faults.after(Step.TASK_INSERT);
    }

    @Override
    public void update(Task updated, long expectedVersion) {
        boolean launching = updated.status() == TaskStatus.LAUNCHING;
        if (launching) {
            faults.before(Step.LAUNCHING_CHANGE);
        }
        delegate.update(updated, expectedVersion);
        if (launching) {
            faults.after(Step.LAUNCHING_CHANGE);
        }
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return delegate.find(id);
    }

    @Override
    public List<Task> findAll(Collection<TaskId> ids) {
        return delegate.findAll(ids);
    }

    @Override
    public Optional<Task> findByLaunchName(String launchName) {
        return delegate.findByLaunchName(launchName);
    }

    @Override
    public Page<Task> list(TaskFilter filter, PageRequest page) {
        return delegate.list(filter, page);
    }

    @Override
    public TaskStats stats(TaskFilter filter) {
        return delegate.stats(filter);
    }

    @Override
    public List<TaskId> finishedRootsBefore(Instant cutoff, int limit) {
        return delegate.finishedRootsBefore(cutoff, limit);
    }

    @Override
    public List<TaskId> deleteWithChildren(Collection<TaskId> roots) {
        return delegate.deleteWithChildren(roots);
    }
}
