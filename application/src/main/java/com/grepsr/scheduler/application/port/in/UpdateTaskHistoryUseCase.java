package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateTaskHistory: a crawler reports on its task — a new status, progress, a message, small
 * metadata. The status change must be one the task's lifecycle allows, and never to QUEUED or
 * LAUNCHING (the scheduler's to set); the task keeps its
 * status when none is given (a progress report or a heartbeat). Every report is appended to the
 * task's history (source CRAWLER).
 */
public interface UpdateTaskHistoryUseCase {

    /**
     * What a crawler reports; validated as a whole so a bad field is named precisely.
     *
     * @param status   the status to move to; empty keeps the current one
     * @param progress percent done, 0–100; empty keeps the last
     * @param message  free text; blank keeps the last
     * @param metadata at most {@value TaskHistoryEntry#MAX_METADATA} small key/values (rows scraped …)
     */
    record Report(Optional<TaskStatus> status, Optional<Integer> progress, String message,
                  Map<String, String> metadata) {
        public Report {
            status = status == null ? Optional.empty() : status;
            if (status.isPresent() && status.get().isSetBySchedulerOnly()) {
                throw ValidationException.of("status", status.get() + " is set by the scheduler only (it queues and "
                        + "launches tasks); report RUNNING, progress, or how the task ended");
            }
            progress = progress == null ? Optional.empty() : progress;
            progress.ifPresent(p -> Checks.range("progress", p, 0, 100));
            message = Checks.text("message", message, Task.MAX_MESSAGE_LENGTH, false);
            metadata = checkedMetadata(metadata);
        }

        public static Report status(TaskStatus status) {
            return new Report(Optional.of(status), Optional.empty(), "", Map.of());
        }

        public static Report progress(int percent, String message) {
            return new Report(Optional.empty(), Optional.of(percent), message, Map.of());
        }

        /** The message to record, or null to keep the task's last one. */
        public String messageOrNull() {
            return message.isEmpty() ? null : message;
        }

        private static Map<String, String> checkedMetadata(Map<String, String> metadata) {
            if (metadata == null || metadata.isEmpty()) {
                return Map.of();
            }
            if (metadata.size() > TaskHistoryEntry.MAX_METADATA) {
                throw ValidationException.of("metadata", "at most " + TaskHistoryEntry.MAX_METADATA
                        + " entries, got " + metadata.size());
            }
            Map<String, String> checked = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                String key = Checks.id("metadata", e.getKey());
                checked.put(key, Checks.text("metadata." + key, e.getValue(), TaskHistoryEntry.MAX_METADATA_VALUE,
                        false));
            }
            return Map.copyOf(checked);
        }
    }

    record Command(TaskId taskId, Report report) {
        public Command {
            if (taskId == null) {
                throw ValidationException.of("task_id", "is required");
            }
            if (report == null) {
                throw ValidationException.of("status", "a report (status, progress, message or metadata) is required");
            }
        }
    }

    /** The task as it is now and the history entry written. */
    record Result(Task task, TaskHistoryEntry entry) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's task
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException for a move the lifecycle forbids
     *         (including any report on a finished task)
     * @throws com.grepsr.scheduler.domain.error.VersionConflictException if the task kept changing under a retry
     */
    Result execute(Caller caller, Command command);
}
