package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Keeps tasks. Writes take part in the caller's {@link TransactionPort} transaction. */
public interface TaskStorePort {

    /** @throws com.grepsr.scheduler.domain.error.AlreadyExistsException when the id is taken */
    void insert(Task task);

    /**
     * Stores new tasks, all or none (inside the caller's transaction, a failure rolls every
     * insert back with it): the processor stores a whole batch of due runs' tasks at once.
     *
     * @throws com.grepsr.scheduler.domain.error.AlreadyExistsException when any id is taken
     */
    default void insertAll(List<Task> created) {
        created.forEach(this::insert);
    }

    /**
     * Replaces the stored task if its version is still {@code expectedVersion}.
     *
     * @throws com.grepsr.scheduler.domain.error.VersionConflictException when it changed meanwhile
     * @throws com.grepsr.scheduler.domain.error.NotFoundException when there is no such task
     */
    void update(Task updated, long expectedVersion);

    /** A task as it should be stored, if the stored one is still at {@code expectedVersion}. */
    record Update(Task updated, long expectedVersion) {
    }

    /**
     * {@link #update} for many tasks, all or none (inside the caller's transaction, a failure
     * rolls every change back with it).
     *
     * @throws com.grepsr.scheduler.domain.error.VersionConflictException when any changed meanwhile
     * @throws com.grepsr.scheduler.domain.error.NotFoundException when any does not exist
     */
    default void updateAll(List<Update> updates) {
        updates.forEach(u -> update(u.updated(), u.expectedVersion()));
    }

    Optional<Task> find(TaskId id);

    /** The tasks among {@code ids} that exist, in no particular order. */
    List<Task> findAll(Collection<TaskId> ids);

    /** The task a launcher knows by {@code launchName} (e.g. its Kubernetes Job name). */
    Optional<Task> findByLaunchName(String launchName);

    /** Tasks matching the filter, newest first, one keyset page at a time. */
    Page<Task> list(TaskFilter filter, PageRequest page);

    /** Every task matching the filter, newest first, read page by page. */
    default List<Task> listAll(TaskFilter filter) {
        return Page.readAll(page -> list(filter, page), PageRequest.MAX_SIZE, Integer.MAX_VALUE);
    }

    /** Counts and durations over the tasks matching the filter. */
    TaskStats stats(TaskFilter filter);

    /**
     * Retention: up to {@code limit} tasks without a parent that finished before {@code cutoff}
     * and whose children (if any) have all finished, oldest finish first. Children are never
     * listed on their own: they go with their parent ({@link #deleteWithChildren}).
     */
    List<TaskId> finishedRootsBefore(Instant cutoff, int limit);

    /**
     * Retention: deletes the given tasks and their children; returns the ids of every task
     * deleted (roots and children), so their history can go too. Ids already gone are ignored.
     */
    List<TaskId> deleteWithChildren(Collection<TaskId> roots);
}
