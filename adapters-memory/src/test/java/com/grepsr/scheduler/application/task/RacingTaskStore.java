package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayDeque;
import java.time.Instant;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A task store that loses races on demand, to test optimistic concurrency without threads: it can
 * answer reads with a stale snapshot (as if another writer committed right after the read), and
 * run a "concurrent writer" right after a list returns.
 */
final class RacingTaskStore implements TaskStorePort {

    private final TaskStorePort real;
    private final Deque<Task> staleReads = new ArrayDeque<>();
    private Consumer<List<Task>> afterList = page -> { };
    int updateAttempts;

    RacingTaskStore(TaskStorePort real) {
        this.real = real;
    }

    /** The next read of that task's id returns {@code snapshot} instead of the stored task. */
    RacingTaskStore staleReadOf(Task snapshot) {
        staleReads.add(snapshot);
        return this;
    }

    RacingTaskStore afterList(Consumer<List<Task>> concurrentWriter) {
        this.afterList = concurrentWriter;
        return this;
    }

    @Override
    public Optional<Task> find(TaskId id) {
        Task stale = staleReads.peek();
        if (stale != null && stale.id().equals(id)) {
            return Optional.of(staleReads.poll());
        }
        return real.find(id);
    }

    @Override
    public void update(Task updated, long expectedVersion) {
        updateAttempts++;
        real.update(updated, expectedVersion);
    }

    @Override
    public Page<Task> list(TaskFilter filter, PageRequest page) {
        Page<Task> p = real.list(filter, page);
        afterList.accept(p.items());
        return p;
    }

    @Override
    public void insert(Task task) {
        real.insert(task);
    }

    @Override
    public List<Task> findAll(Collection<TaskId> ids) {
        return real.findAll(ids);
    }

    @Override
    public Optional<Task> findByLaunchName(String launchName) {
        return real.findByLaunchName(launchName);
    }

    @Override
    public TaskStats stats(TaskFilter filter) {
        return real.stats(filter);
    }

    @Override
    public List<TaskId> finishedRootsBefore(Instant cutoff, int limit) {
        return real.finishedRootsBefore(cutoff, limit);
    }

    @Override
    public List<TaskId> deleteWithChildren(Collection<TaskId> roots) {
        return real.deleteWithChildren(roots);
    }
}
