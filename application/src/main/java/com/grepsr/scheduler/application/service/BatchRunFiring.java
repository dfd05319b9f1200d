package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OneTimeRun for a batch of due runs, as the processor fires them: the same tasks, history and
 * launches as firing each run alone, in the same crash-safe order, with the database work of the
 * whole batch in a few statements: one read of the schedules, one of existing tasks, one
 * transaction storing every new task QUEUED with its history, the launch calls, one transaction
 * recording LAUNCHING for all (see {@link TaskLaunchService#launchAll}).
 *
 * <p>Anything unusual (a run whose task exists already, a schedule gone meanwhile, a concurrent
 * firing of the same run) goes through the one-run path, which knows every such case.
 */
final class BatchRunFiring {

    private final ScheduleStorePort schedules;
    private final TaskStorePort tasks;
    private final TaskLaunchService launches;
    private final Clock clock;

    BatchRunFiring(ScheduleStorePort schedules, TaskStorePort tasks, TaskLaunchService launches, Clock clock) {
        this.schedules = schedules;
        this.tasks = tasks;
        this.launches = launches;
        this.clock = clock;
    }

    /**
     * Fires {@code runs}; {@code one} fires a single run by the one-run path.
     *
     * @return each run's task id, in the runs' order
     */
    Map<ScheduledRunId, TaskId> fireAll(List<ScheduledRun> runs, Function<ScheduledRun, TaskId> one) {
        Map<ScheduledRunId, TaskId> fired = new LinkedHashMap<>();
        runs.forEach(r -> fired.put(r.id(), null));
        List<TaskId> ids = runs.stream().map(r -> r.id().taskId()).toList();
        Map<TaskId, Task> existing = tasks.findAll(ids).stream().collect(Collectors.toMap(Task::id, t -> t));
        Map<ScheduleId, Schedule> live = schedules.findAll(runs.stream().map(ScheduledRun::scheduleId).toList())
                .stream().filter(s -> s.status() != ScheduleStatus.DELETED)
                .collect(Collectors.toMap(Schedule::id, s -> s));
        List<Task> queued = new ArrayList<>();
        Map<TaskId, ScheduledRun> runOf = new LinkedHashMap<>();
        for (ScheduledRun run : runs) {
            Schedule schedule = live.get(run.scheduleId());
            if (existing.containsKey(run.id().taskId()) || schedule == null) {
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
        try {
            launches.enqueueAll(queued, t -> metadataOf(runOf.get(t.id())));
        } catch (AlreadyExistsException raced) {
            // another processor fired one of these runs meanwhile (its lease ran out): nothing of
            // this batch was stored, and the one-run path finds whichever tasks exist now
            for (Task t : queued) {
                fired.put(runOf.get(t.id()).id(), one.apply(runOf.get(t.id())));
            }
            return fired;
        }
        for (Task t : launches.launchAll(queued)) {
            fired.put(runOf.get(t.id()).id(), t.id());
        }
        return fired;
    }

    /** The first history row of a scheduled task says which run it fires, as the one-run path's does. */
    private static Map<String, String> metadataOf(ScheduledRun run) {
        return Map.of("scheduled_run_id", run.id().value(), "fire_at", run.fireAt().toString());
    }
}
