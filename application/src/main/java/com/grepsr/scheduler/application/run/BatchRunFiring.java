package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.common.AllAtOnce;
import com.grepsr.scheduler.application.common.Messages;
import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * OneTimeRun for a chunk of due runs, the way the processor fires them inside the transaction
 * that locked them (docs/crash-safety.md): the crawlers are launched first, all at once — the
 * launch name is derived from the task id, which is the run id, so launching a run again adopts
 * the first launch — then each task is inserted as the launch left it, LAUNCHING (QUEUED when the
 * launcher could not be reached, for the reconciler; FAILED when refused), with one history row,
 * in the caller's transaction. With the run's settle that is three row writes per run.
 *
 * <p>A run whose schedule is gone, or whose task a concurrent OneTimeRun inserted first, goes
 * through the one-run path, which knows every such case.
 */
public final class BatchRunFiring {

    /** The most runs fired together: their launches all run at once, on as many threads. */
    public static final int CHUNK = 50;

    private final ScheduleStorePort schedules;
    private final TaskStorePort tasks;
    private final TaskHistoryStorePort history;
    private final TaskLaunchService launches;
    private final AllAtOnce parallel = new AllAtOnce("launch");
    private final TransactionPort tx;
    private final Clock clock;

    public BatchRunFiring(ScheduleStorePort schedules, TaskStorePort tasks, TaskHistoryStorePort history,
                   TaskLaunchService launches, TransactionPort tx, Clock clock) {
        this.schedules = schedules;
        this.tasks = tasks;
        this.history = history;
        this.launches = launches;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Fires {@code runs} (none of which has a task yet, as far as the caller read); {@code known}
     * are schedules the caller read already, {@code one} fires a single run by the one-run path.
     *
     * @return each run's task id, in the runs' order
     */
    Map<ScheduledRunId, TaskId> fireAll(List<ScheduledRun> runs, Map<ScheduleId, Schedule> known,
                                        Function<ScheduledRun, TaskId> one) {
        Map<ScheduledRunId, TaskId> fired = new LinkedHashMap<>();
        runs.forEach(r -> fired.put(r.id(), null));
        Map<ScheduleId, Schedule> live = live(runs, known);
        List<Task> queued = new ArrayList<>();
        Map<TaskId, ScheduledRun> runOf = new HashMap<>();
        for (ScheduledRun run : runs) {
            Schedule schedule = live.get(run.scheduleId());
            if (schedule == null) {
                fired.put(run.id(), one.apply(run));
                continue;
            }
            TaskOrigin origin = TaskOrigin.scheduled(run.report(), schedule.id(), run.id(),
                    schedule.details().parameters(), schedule.details().taskTimeout());
            Task task = Task.queue(run.id().taskId(), origin, clock.instant());
            queued.add(task);
            runOf.put(task.id(), run);
        }
        if (queued.isEmpty()) {
            return fired;
        }
        List<TaskLaunchService.Attempt> attempts = parallel.map(queued, this::attempt);
        List<Task> stored = new ArrayList<>(queued.size());
        List<TaskHistoryEntry> lines = new ArrayList<>(queued.size());
        Instant now = clock.instant();
        for (int i = 0; i < queued.size(); i++) {
            Task task = outcome(queued.get(i), attempts.get(i), now);
            Map<String, String> metadata = new HashMap<>(metadataOf(runOf.get(task.id())));
            if (task.status() == TaskStatus.LAUNCHING) {
                metadata.put("launch_name", task.launchName().orElseThrow());
            }
            Source source = attempts.get(i) == null ? Source.SCHEDULER
                    : attempts.get(i).failure() != null ? attempts.get(i).failedBy() : Source.LAUNCHER;
            stored.add(task);
            lines.add(TaskHistoryEntry.of(task, metadata, source, now));
        }
        try {
            tx.run(() -> {
                tasks.insertAll(stored);
                history.appendAll(lines);
            });
        } catch (AlreadyExistsException raced) {
            // a concurrent OneTimeRun for one of these runs inserted its task first: the one-run
            // path finds whichever tasks exist now (the launches made here were of the same names)
            queued.forEach(t -> fired.put(runOf.get(t.id()).id(), one.apply(runOf.get(t.id()))));
            return fired;
        }
        stored.forEach(t -> fired.put(runOf.get(t.id()).id(), t.id()));
        return fired;
    }

    /** The launch of one task; null when the launcher could not be reached (the task stays QUEUED). */
    private TaskLaunchService.Attempt attempt(Task task) {
        try {
            return launches.attempt(task);
        } catch (RuntimeException unavailable) {
            System.getLogger(BatchRunFiring.class.getName()).log(System.Logger.Level.WARNING,
                    "launch of task " + task.id() + " deferred; it stays QUEUED", unavailable);
            return null;
        }
    }

    /** The task as its launch left it. */
    private static Task outcome(Task queued, TaskLaunchService.Attempt attempt, Instant now) {
        if (attempt == null) {
            return queued;
        }
        if (attempt.failure() != null) {
            return queued.moveTo(TaskStatus.FAILED, null, Messages.clip(attempt.failure()), now);
        }
        return queued.launching(attempt.name(), now);
    }

    private Map<ScheduleId, Schedule> live(List<ScheduledRun> runs, Map<ScheduleId, Schedule> known) {
        Map<ScheduleId, Schedule> found = new HashMap<>(known);
        List<ScheduleId> missing = runs.stream().map(ScheduledRun::scheduleId).filter(id -> !found.containsKey(id))
                .distinct().toList();
        if (!missing.isEmpty()) {
            schedules.findAll(missing).forEach(s -> found.put(s.id(), s));
        }
        found.values().removeIf(s -> s.status() == ScheduleStatus.DELETED);
        return found;
    }

    /** The history row of a scheduled task says which run it fires, as the one-run path's does. */
    static Map<String, String> metadataOf(ScheduledRun run) {
        return Map.of("scheduled_run_id", run.id().value(), "fire_at", run.fireAt().toString());
    }
}
