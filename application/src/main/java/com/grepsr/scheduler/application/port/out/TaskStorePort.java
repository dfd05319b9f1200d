package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Keeps tasks. Writes take part in the caller's {@link TransactionPort} transaction. */
public interface TaskStorePort {

    /** @throws com.grepsr.scheduler.domain.error.AlreadyExistsException when the id is taken */
    void insert(Task task);

    /**
     * Replaces the stored task if its version is still {@code expectedVersion}.
     *
     * @throws com.grepsr.scheduler.domain.error.VersionConflictException when it changed meanwhile
     * @throws com.grepsr.scheduler.domain.error.NotFoundException when there is no such task
     */
    void update(Task updated, long expectedVersion);

    Optional<Task> find(TaskId id);

    /** The tasks among {@code ids} that exist, in no particular order. */
    List<Task> findAll(Collection<TaskId> ids);

    /** The task a launcher knows by {@code launchName} (e.g. its Kubernetes Job name). */
    Optional<Task> findByLaunchName(String launchName);

    /** Tasks matching the filter, newest first, one keyset page at a time. */
    Page<Task> list(TaskFilter filter, PageRequest page);

    /** Counts and durations over the tasks matching the filter. */
    TaskStats stats(TaskFilter filter);
}
