package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One crawler run: the aggregate the launcher, the reconciler and crawlers' progress reports
 * move through {@link TaskStatus}. Immutable; each change returns the next state with its
 * version raised by one.
 */
public final class Task {

    public static final int MAX_MESSAGE_LENGTH = 2000;
    public static final int MAX_LAUNCH_NAME_LENGTH = 253;

    private final TaskId id;
    private final TaskOrigin origin;
    private final TaskStatus status;
    private final Integer progress;
    private final String message;
    private final String launchName;
    private final long version;
    private final Instant createdAt;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final Instant updatedAt;

    private Task(TaskId id, TaskOrigin origin, TaskStatus status, Integer progress, String message, String launchName,
                 long version, Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.status = Objects.requireNonNull(status, "status");
        this.progress = progress == null ? null : Checks.range("progress", progress, 0, 100);
        this.message = Checks.text("message", message, MAX_MESSAGE_LENGTH, false);
        this.launchName = launchName;
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new QUEUED task. */
    public static Task queue(TaskId id, TaskOrigin origin, Instant now) {
        return new Task(id, origin, TaskStatus.QUEUED, null, "", null, 1, now, null, null, now);
    }

    public static Task reconstitute(TaskId id, TaskOrigin origin, TaskStatus status, Integer progress, String message,
                                    String launchName, long version, Instant createdAt, Instant startedAt,
                                    Instant finishedAt, Instant updatedAt) {
        return new Task(id, origin, status, progress, message, launchName, version, createdAt, startedAt, finishedAt,
                updatedAt);
    }

    /**
     * QUEUED → LAUNCHING under the launcher's name for the run (e.g. the Kubernetes Job name),
     * by which crawlers may address their task later.
     */
    public Task launching(String name, Instant now) {
        // a Kubernetes object name is at most 253 characters; stores size their column to it
        String launch = Checks.text("launch_name", name, MAX_LAUNCH_NAME_LENGTH, true);
        Task moved = moveTo(TaskStatus.LAUNCHING, now);
        return new Task(id, origin, moved.status, moved.progress, moved.message, launch, moved.version,
                createdAt, moved.startedAt, moved.finishedAt, now);
    }

    /**
     * Moves to {@code next}, rejecting what the lifecycle forbids. Reporting the current status
     * again is not a move: it only updates progress and message.
     */
    public Task moveTo(TaskStatus next, Integer newProgress, String newMessage, Instant now) {
        Objects.requireNonNull(next, "next");
        if (next != status && !status.canMoveTo(next)) {
            throw new IllegalTransitionException("task", id.value(), status, next);
        }
        if (next == status && status.isFinal()) {
            throw new IllegalTransitionException("task", id.value(), status, next);
        }
        Instant started = startedAt == null && next == TaskStatus.RUNNING ? now : startedAt;
        Instant finished = next.isFinal() ? now : null;
        Integer p = newProgress != null ? newProgress : next == TaskStatus.SUCCEEDED ? Integer.valueOf(100) : progress;
        String m = newMessage != null ? newMessage : message;
        return new Task(id, origin, next, p, m, launchName, version + 1, createdAt, started, finished, now);
    }

    public Task moveTo(TaskStatus next, Instant now) {
        return moveTo(next, null, null, now);
    }

    /**
     * Whether it ran longer than its timeout by {@code now}. The timeout limits running time: it
     * counts from {@link #startedAt()}, so a task waiting in a queue (e.g. a child held back by its
     * parent's parallelism) or a launch never seen running is not overdue; a launch that never
     * starts is the reconciler's to find as LOST.
     */
    public boolean isOverdue(Instant now) {
        Duration timeout = origin.timeout();
        return status.isActive() && timeout != null && startedAt != null && startedAt.plus(timeout).isBefore(now);
    }

    public TaskId id() { return id; }
    public TaskOrigin origin() { return origin; }
    public TaskKind kind() { return origin.kind(); }
    public ReportRef report() { return origin.report(); }
    public Optional<ScheduleId> scheduleId() { return Optional.ofNullable(origin.scheduleId()); }
    public Optional<ScheduledRunId> scheduledRunId() { return Optional.ofNullable(origin.scheduledRunId()); }
    public Optional<TaskId> parentId() { return Optional.ofNullable(origin.parentId()); }
    public Parameters parameters() { return origin.parameters(); }
    public TaskStatus status() { return status; }
    public Optional<Integer> progress() { return Optional.ofNullable(progress); }
    public String message() { return message; }
    public Optional<String> launchName() { return Optional.ofNullable(launchName); }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> startedAt() { return Optional.ofNullable(startedAt); }
    public Optional<Instant> finishedAt() { return Optional.ofNullable(finishedAt); }
    public Instant updatedAt() { return updatedAt; }

    /** How long it ran (or has run by {@code now}); empty before it started. */
    public Optional<Duration> duration(Instant now) {
        if (startedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, finishedAt != null ? finishedAt : now));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Task t && id.equals(t.id) && version == t.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Task[" + id + " v" + version + " " + origin.kind() + " " + status + "]";
    }
}
