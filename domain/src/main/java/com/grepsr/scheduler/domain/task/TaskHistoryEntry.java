package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of a task's history (append-only): a status or progress report, from whom, when.
 *
 * @param sequence   order within the store, assigned when appended (0 before)
 * @param taskId     the task
 * @param scheduleId the task's schedule, or null
 * @param accountId  the task's account, for account-scoped reads
 * @param status     the task's status after this entry
 * @param progress   percent done, or null
 * @param message    free text from the reporter
 * @param metadata   small key/values (rows scraped, job name, exit code …)
 * @param source     who reported it
 * @param at         when
 */
public record TaskHistoryEntry(long sequence, TaskId taskId, ScheduleId scheduleId, AccountId accountId,
                               TaskStatus status, Integer progress, String message, Map<String, String> metadata,
                               Source source, Instant at) {

    public static final int MAX_METADATA = 50;
    public static final int MAX_METADATA_VALUE = 1024;

    /** Who wrote a history entry. */
    public enum Source { SCHEDULER, LAUNCHER, CRAWLER, USER }

    public TaskHistoryEntry {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        if (progress != null) {
            Checks.range("progress", progress, 0, 100);
        }
        message = Checks.text("message", message, Task.MAX_MESSAGE_LENGTH, false);
        metadata = metadata == null ? Map.of() : metadata;
        if (metadata.size() > MAX_METADATA) {
            throw ValidationException.of("metadata", "at most " + MAX_METADATA + " entries");
        }
        TreeMap<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Checks.id("metadata", e.getKey());
            // keep what the check returns: a missing value becomes "", surrounding blanks go
            checked.put(e.getKey(), Checks.text("metadata." + e.getKey(), e.getValue(), MAX_METADATA_VALUE, false));
        }
        metadata = java.util.Collections.unmodifiableMap(checked);
    }

    /** The entry recording a task's current state. */
    public static TaskHistoryEntry of(Task task, Map<String, String> metadata, Source source, Instant at) {
        return new TaskHistoryEntry(0, task.id(), task.scheduleId().orElse(null), task.report().accountId(),
                task.status(), task.progress().orElse(null), task.message(), metadata, source, at);
    }

    /** This entry with the sequence the store gave it. */
    public TaskHistoryEntry withSequence(long seq) {
        return new TaskHistoryEntry(seq, taskId, scheduleId, accountId, status, progress, message, metadata, source, at);
    }
}
