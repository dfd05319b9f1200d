package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The append-only history of every task. */
public interface TaskHistoryStorePort {

    /** Appends entries in order; returns them with the increasing sequence numbers they got. */
    List<TaskHistoryEntry> append(List<TaskHistoryEntry> entries);

    /**
     * Appends entries in order, like {@link #append}, without reading their sequence numbers back:
     * what a batch writer that does not need them calls, so a store can write them in one statement.
     */
    default void appendAll(List<TaskHistoryEntry> entries) {
        append(entries);
    }

    Optional<TaskHistoryEntry> find(long sequence);

    /** A task's entries, newest first. */
    Page<TaskHistoryEntry> listByTask(TaskId task, PageRequest page);

    /** The entries of all tasks of a schedule, newest first. */
    Page<TaskHistoryEntry> listBySchedule(ScheduleId schedule, PageRequest page);

    /** Retention: deletes every entry of the given tasks; returns how many. */
    int deleteOfTasks(Collection<TaskId> tasks);
}
