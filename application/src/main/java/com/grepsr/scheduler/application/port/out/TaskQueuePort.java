package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;

/**
 * Work items waiting for a child task of a multi-process parent. Items of one parent are taken
 * in the order they were added.
 */
public interface TaskQueuePort {

    /** One queued payload. {@code position} orders a parent's items (0, 1, 2 …). */
    record WorkItem(TaskId parent, long position, String payload) {
    }

    /** Appends payloads to a parent's queue; returns the stored items. */
    List<WorkItem> enqueue(TaskId parent, List<String> payloads);

    /**
     * Removes and returns up to {@code max} of a parent's oldest items. Exclusive: an item is
     * returned by exactly one call, even across replicas.
     */
    List<WorkItem> take(TaskId parent, int max);

    /** How many items wait for a parent. */
    long pending(TaskId parent);

    /** Drops everything queued for a parent (it was stopped); returns how many. */
    long clear(TaskId parent);
}
